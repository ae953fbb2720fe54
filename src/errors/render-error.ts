import type { SpecfuseError } from "./specfuse-error.js";

/** Colour functions the renderer may use; identity functions when colour is off. */
export interface ErrorPaint {
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plain: ErrorPaint = {
  red: (s) => s,
  yellow: (s) => s,
  dim: (s) => s,
  bold: (s) => s,
};

// The text form of an error (cli.md §9.1); owns all the wording around the fields.
export function renderError(
  error: SpecfuseError,
  paint: ErrorPaint = plain,
  severity: "error" | "warning" = "error",
): string {
  const head =
    severity === "error"
      ? paint.red(`error[${error.code}]`)
      : paint.yellow(`warning[${error.code}]`);
  const lines = [`${head}: ${paint.bold(error.message)}`];
  if (error.file !== undefined) {
    lines.push(
      paint.dim(
        `  --> ${error.file}${error.line !== undefined ? `:${error.line}` : ""}`,
      ),
    );
  }
  if (error.excerpt !== undefined) {
    const gutter = error.line !== undefined ? String(error.line) : "";
    lines.push(`    ${gutter} | ${truncate(error.excerpt, 160)}`);
  }
  if (error.detail !== undefined && error.detail !== "") {
    for (const d of error.detail.split("\n")) lines.push(`  ${d}`);
  }
  if (error.hint !== undefined && error.hint !== "") {
    const [first, ...rest] = error.hint.split("\n");
    lines.push(`  hint: ${first ?? ""}`);
    for (const r of rest) lines.push(`        ${r}`);
  }
  return lines.join("\n") + "\n";
}

// The JSON form of an error for `--json` envelopes (cli.md C-JSON-2).
export function errorToJson(error: SpecfuseError): {
  code: string;
  message: string;
  file: string | null;
  line: number | null;
  hint: string | null;
} {
  return {
    code: error.code,
    message: error.message,
    file: error.file ?? null,
    line: error.line ?? null,
    hint: error.hint ?? null,
  };
}

// Cuts a quoted line so one long line cannot flood the terminal.
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
