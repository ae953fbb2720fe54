import type { Diagnostic } from "../types/diagnostic.js";

// Compares strings by Unicode code point (not UTF-16 unit), as L-OUT-5 and L-CLI-3 ask.
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function compareLines(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a - b;
}

// Stable order of L-OUT-5: file, line (null first), rule, message.
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareCodePoints(a.file, b.file) ||
      compareLines(a.line, b.line) ||
      compareCodePoints(a.rule, b.rule) ||
      compareCodePoints(a.message, b.message),
  );
}
