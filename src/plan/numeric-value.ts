/** The numeric reading of a YAML value (lint.md L-DEF-5). */
export type Numeric =
  { kind: "absent" } | { kind: "invalid" } | { kind: "number"; value: number };

const NUMERIC_TEXT =
  /^[+-]?(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?$/;

// N(v) of lint.md L-DEF-5: finite numbers, booleans and numeric strings; null and absent are "absent".
export function numericValue(value: unknown): Numeric {
  if (value === undefined || value === null) return { kind: "absent" };
  if (typeof value === "number")
    return Number.isFinite(value)
      ? { kind: "number", value }
      : { kind: "invalid" };
  if (typeof value === "boolean")
    return { kind: "number", value: value ? 1 : 0 };
  if (typeof value === "string") {
    const text = value.trim();
    if (!NUMERIC_TEXT.test(text)) return { kind: "invalid" };
    const n = Number(text.replace(/_/g, ""));
    return Number.isFinite(n)
      ? { kind: "number", value: n }
      : { kind: "invalid" };
  }
  return { kind: "invalid" };
}
