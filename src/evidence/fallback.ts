import { clip } from "./utf8.js";
import type { FallbackLine } from "./types.js";

const WORD = /error|fail|fatal|panic|exception|traceback|assert/i;
// Counts of zero (`0 errors`, `failures: 0`) do not make a line an error line.
const ZERO =
  /\b0 (?:errors?|fail(?:ures?|ed|ing)?|fatal|panics?|exceptions?|assert(?:ions?)?)\b|\b(?:errors?|fail(?:ures?|ed)?|exceptions?|assertions?)[=:] ?0\b(?![.\d])/gi;
const MAX_MATCHES = 20;
const LINE_BYTES = 300;

// The fallback evidence of EV-REC-3: up to 20 lines with an error word (zero counts excluded), each with one line
// of context either side. They are evidence, not findings.
export function fallbackLines(lines: readonly string[]): FallbackLine[] {
  const matches: number[] = [];
  for (let i = 0; i < lines.length && matches.length < MAX_MATCHES; i++) {
    const line = lines[i] ?? "";
    if (WORD.test(line) && WORD.test(line.replace(ZERO, ""))) matches.push(i);
  }
  const picked = new Map<number, boolean>();
  for (const i of matches) {
    for (const k of [i - 1, i, i + 1])
      if (
        k >= 0 &&
        k < lines.length &&
        !picked.get(k) &&
        (k === i || (lines[k] ?? "").trim() !== "")
      )
        picked.set(k, k === i);
  }
  return [...picked.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([i, isMatch]) => ({
      line: i + 1,
      text: clip(lines[i] ?? "", LINE_BYTES),
      isMatch,
    }));
}
