import type { ErrorCode } from "./codes.js";

/** The fields every failure carries; rendered in one place (render-error.ts). */
export interface SpecfuseErrorFields {
  code: ErrorCode;
  /** One line: what went wrong. */
  message: string;
  /** What was expected and what was found. */
  detail?: string | undefined;
  /** The next step. */
  hint?: string | undefined;
  file?: string | undefined;
  line?: number | undefined;
  /** The offending source line, quoted under the location. */
  excerpt?: string | undefined;
  cause?: unknown;
  /** A partial `--json` body already built by the command (cli.md C-JSON-2). */
  body?: Record<string, unknown> | undefined;
  /** The `--json` schema name of the command that failed, when it has one. */
  schema?: string | undefined;
  /** The command already printed everything a human needs; main renders only under --json. */
  reported?: boolean | undefined;
}

// The one error type commands throw; cli/main maps its code to the exit code.
export class SpecfuseError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly hint: string | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly excerpt: string | undefined;
  body: Record<string, unknown> | undefined;
  schema: string | undefined;
  readonly reported: boolean;

  constructor(fields: SpecfuseErrorFields) {
    super(
      fields.message,
      fields.cause === undefined ? undefined : { cause: fields.cause },
    );
    this.name = "SpecfuseError";
    this.code = fields.code;
    this.detail = fields.detail;
    this.hint = fields.hint;
    this.file = fields.file;
    this.line = fields.line;
    this.excerpt = fields.excerpt;
    this.body = fields.body;
    this.schema = fields.schema;
    this.reported = fields.reported ?? false;
  }
}

// Narrowing helper that survives duplicate module instances in tests.
export function isSpecfuseError(value: unknown): value is SpecfuseError {
  return (
    value instanceof SpecfuseError ||
    (value instanceof Error &&
      value.name === "SpecfuseError" &&
      "code" in value)
  );
}
