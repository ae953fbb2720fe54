import type { RawFinding } from "../types.js";

// Shared text helpers of the recognizers.

const STACK = /^\s*at\s|^\s*File "|^\s*❯ |^\s*\{$/;

// An error body's message: its lines up to the first stack frame or property block, trimmed, blank lines dropped.
export function bodyMessage(body: readonly string[]): string {
  const kept: string[] = [];
  for (const line of body) {
    if (STACK.test(line)) break;
    if (line.trim() !== "") kept.push(line.trim());
  }
  return kept.join("\n");
}

// The value of a `key: value,` line in an error's printed property block (`actual: 4,`).
export function propertyValue(
  body: readonly string[],
  key: string,
): string | undefined {
  const re = new RegExp(`^\\s+${key}: (.*?),?$`);
  for (const line of body) {
    const m = re.exec(line);
    if (m !== null) return m[1];
  }
  return undefined;
}

/** Where a finding points; line and column count only with a file. */
export interface Where {
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

// A finding with file, line and column taken from a position whose file is known.
export function placed(
  finding: RawFinding,
  where: Where | undefined,
): RawFinding {
  if (where?.file === undefined) return finding;
  const out: RawFinding = { ...finding, file: where.file };
  if (where.line !== undefined) out.line = where.line;
  if (where.column !== undefined) out.column = where.column;
  return out;
}

// The `-`/`+` lines of a diff block after a header pair (`- Expected`/`+ Received`), as expected and actual.
export function diffValues(
  lines: readonly string[],
  from: number,
  expectedMark: string,
  actualMark: string,
): { expected?: string; actual?: string } {
  const expected: string[] = [];
  const actual: string[] = [];
  let isStarted = false;
  for (let i = from; i < lines.length && i < from + 60; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "") {
      if (isStarted) break;
      continue;
    }
    isStarted = true;
    if (line.startsWith(expectedMark))
      expected.push(line.slice(expectedMark.length).trim());
    else if (line.startsWith(actualMark))
      actual.push(line.slice(actualMark.length).trim());
  }
  return {
    ...(expected.length > 0 ? { expected: expected.join(" ") } : {}),
    ...(actual.length > 0 ? { actual: actual.join(" ") } : {}),
  };
}

// JUnit's `expected: <a> but was: <b>` (and JUnit 4's `expected:<a> but was:<b>`) as expected and actual.
export function expectedButWas(message: string): {
  expected?: string;
  actual?: string;
} {
  const m = /expected: ?<(.*?)> but was: ?<(.*?)>/.exec(message);
  return m === null ? {} : { expected: m[1] ?? "", actual: m[2] ?? "" };
}
