import type { ErrorObject } from "ajv";
import type { ErrorCode } from "../errors/codes.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { lineOf, type YamlDoc, type YamlPath } from "../yaml/parse-yaml.js";

/** A schema failure located in its file. */
export interface SchemaIssue {
  /** Where the offending value sits: map keys and list indexes. */
  path: YamlPath;
  /** What was expected, in words. */
  expected: string;
  /** The offending value, quoted for people. */
  found: string;
  /** File line, or null when the document has no line for it. */
  line: number | null;
  /** A hint of the issue's own, used before the generic one. */
  hint?: string;
}

// A value as an error quotes it: strings in double quotes, collections as short JSON, cut at 60 characters.
export function quoteValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number" && !Number.isFinite(value))
    return Number.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
  const text =
    typeof value === "string"
      ? JSON.stringify(value)
      : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

// The path of an ajv error: its instance path, plus the missing property of a `required` error.
export function ajvPath(error: ErrorObject): YamlPath {
  const steps: Array<string | number> = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (error.keyword === "required")
    steps.push(String(error.params.missingProperty));
  if (error.keyword === "additionalProperties")
    steps.push(String(error.params.additionalProperty));
  return steps;
}

// The value at a path in plain data, or undefined.
export function valueAt(data: unknown, path: YamlPath): unknown {
  let node = data;
  for (const step of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

// The file line of a path: the node itself, else its nearest located ancestor.
export function lineAt(yaml: YamlDoc | null, path: YamlPath): number | null {
  if (yaml === null) return null;
  for (let n = path.length; n >= 0; n--) {
    const line = lineOf(yaml, path.slice(0, n));
    if (line !== null) return line;
  }
  return null;
}

// A path as people write it: `agent.timeout_minutes`, `code[1].name`.
export function dottedPath(path: YamlPath): string {
  return path
    .map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join("");
}

// The SpecfuseError for the first issue (by line); later issues are listed in the detail.
export function issueError(
  code: ErrorCode,
  file: string,
  text: string,
  issues: SchemaIssue[],
  subject: string,
  hintFor: (issue: SchemaIssue) => string,
): SpecfuseError {
  const sorted = [...issues].sort(
    (a, b) =>
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER),
  );
  const first = sorted[0] as SchemaIssue;
  const name = dottedPath(first.path);
  const others = sorted
    .slice(1)
    .map(
      (i) =>
        `also ${file}${i.line === null ? "" : `:${i.line}`}: ${dottedPath(i.path) || "root"}: expected ${i.expected}; found ${i.found}`,
    );
  return new SpecfuseError({
    code,
    message:
      name === ""
        ? `${subject} is invalid: expected ${first.expected}`
        : `${subject}: invalid value for ${name}`,
    file,
    line: first.line ?? undefined,
    excerpt:
      first.line === null
        ? undefined
        : (text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/)[first.line - 1] ??
          undefined),
    detail: [
      `expected ${first.expected}; found ${first.found}`,
      ...others,
    ].join("\n"),
    hint: hintFor(first),
  });
}
