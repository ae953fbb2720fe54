import { RECOGNIZERS } from "./recognizers/index.js";
import { readJunitReports } from "./recognizers/junit-xml.js";
import { findingIdentity } from "./identity.js";
import { isRuntimePath } from "./repo-path.js";
import { clip } from "./utf8.js";
import type {
  EvidenceDiagnostic,
  Finding,
  RawFinding,
  RecognizeInput,
  ReportFile,
} from "./types.js";

// Field bounds of EV-FIND-1 (message, expected, actual), and our own for names.
export const FIELD_BYTES = { message: 400, value: 120, name: 300 } as const;

/** A check's recognized findings and the problems met reading them. */
export interface Recognized {
  findings: Finding[];
  diagnostics: EvidenceDiagnostic[];
}

// Runs every recognizer on the whole capture of a failing check (EV-FIND-2), adds its JUnit reports, keeps output
// order, drops eslint warnings when there is an eslint error (EV-REC-2), and merges equal identities.
export function recognize(
  check: string,
  lines: readonly string[],
  root: string,
  reports: readonly ReportFile[] = [],
  text = lines.join("\n"),
): Recognized {
  const input: RecognizeInput = { lines, text, root };
  const raw: Array<RawFinding & { order: number }> = [];
  RECOGNIZERS.forEach((r, order) => {
    for (const f of r.recognize(input)) raw.push({ ...f, order });
  });
  raw.sort((a, b) => a.at - b.at || a.order - b.order);
  const junit = readJunitReports(check, reports, root, lines.length);
  const fromCapture = raw.map(({ order: _order, ...f }) => f);
  const all: RawFinding[] = [
    ...fromCapture,
    ...withoutConsoleDuplicates(junit.findings, fromCapture),
  ];
  const hasEslintError = all.some(
    (f) => f.runner === "eslint" && f.isWarning !== true,
  );
  const kept = all.filter((f) => !(hasEslintError && f.isWarning === true));
  return {
    findings: mergeFindings(kept.map((f) => bounded(check, f, root))),
    diagnostics: junit.diagnostics,
  };
}

// A JUnit finding whose test the console already named (same last name segment) adds nothing.
function withoutConsoleDuplicates(
  junit: readonly RawFinding[],
  fromCapture: readonly RawFinding[],
): RawFinding[] {
  const leaf = (test: string | undefined) => test?.split(" > ").at(-1);
  const named = new Set(
    fromCapture.map((f) => leaf(f.test)).filter((t) => t !== undefined),
  );
  return junit.filter((f) => !named.has(leaf(f.test) ?? ""));
}

// A finding with its check, its fields within bounds, and no runtime path (EV-FIND-3).
function bounded(check: string, raw: RawFinding, root: string): Finding {
  const f: Finding = { check, runner: raw.runner, message: "" };
  if (raw.file !== undefined && raw.file !== "" && !isRuntimePath(raw.file)) {
    f.file = clip(raw.file, FIELD_BYTES.name);
    if (raw.line !== undefined && raw.line > 0) f.line = raw.line;
    if (raw.column !== undefined && raw.column > 0) f.column = raw.column;
  } else if (raw.file === undefined && raw.line !== undefined && raw.line > 0)
    f.line = raw.line;
  if (raw.test !== undefined && raw.test !== "")
    f.test = clip(oneLine(raw.test), FIELD_BYTES.name);
  if (raw.rule !== undefined && raw.rule !== "")
    f.rule = clip(oneLine(raw.rule), FIELD_BYTES.name);
  f.message = clip(
    tidyMessage(raw.message, root) || "failed",
    FIELD_BYTES.message,
  );
  if (raw.expected !== undefined)
    f.expected = clip(oneLine(raw.expected), FIELD_BYTES.value);
  if (raw.actual !== undefined)
    f.actual = clip(oneLine(raw.actual), FIELD_BYTES.value);
  return f;
}

// A message without blank lines or trailing spaces, the repo root's prefix dropped from the paths it names.
export function tidyMessage(message: string, root: string): string {
  const base = root.replace(/[\\/]+$/, "");
  let text = message;
  if (base.length > 1)
    text = text.split(`file://${base}/`).join("").split(`${base}/`).join("");
  return text
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "")
    .join("\n")
    .trim();
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

// Merges findings of equal identity whose lines are equal or absent (EV-FIND-2): the first keeps its place and
// takes the fields it lacked from the later one.
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const byIdentity = new Map<string, Finding[]>();
  for (const f of findings) {
    const id = findingIdentity(f);
    const same = byIdentity.get(id) ?? [];
    const match = same.find(
      (g) => g.line === undefined || f.line === undefined || g.line === f.line,
    );
    if (match === undefined) {
      const copy = { ...f };
      out.push(copy);
      byIdentity.set(id, [...same, copy]);
      continue;
    }
    for (const key of [
      "line",
      "column",
      "expected",
      "actual",
      "rule",
      "test",
    ] as const)
      if (match[key] === undefined && f[key] !== undefined)
        Object.assign(match, { [key]: f[key] });
  }
  return out;
}
