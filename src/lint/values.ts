import { plainDecimal } from "../yaml/format-number.js";

// Whether a value is empty (lint.md L-IN-3): absent, null, false, 0, "", [] or {}; whitespace is not empty.
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (value === 0 || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

// Whether a value is a YAML mapping (not a list, not null).
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const MAX_SHOWN = 80;

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

// The YAML spelling of a scalar: strings as is, numbers in plain decimal, `true`, `false`, `null`.
export function yamlScalarText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return ".nan";
    if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
    return plainDecimal(value);
  }
  return null;
}

// How a message names a value (L-DIAG-1): quoted strings, bare scalars, compact collections, or "absent".
export function show(value: unknown): string {
  if (value === undefined) return "absent";
  if (typeof value === "string") return clip(JSON.stringify(value));
  const scalar = yamlScalarText(value);
  if (scalar !== null) return scalar;
  try {
    return clip(JSON.stringify(value) ?? String(value));
  } catch {
    return Array.isArray(value) ? "a list" : "a mapping";
  }
}

// What kind of YAML value this is, for "found a …" wording.
export function kindOf(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number")
    return Number.isInteger(value) ? "an integer" : "a number";
  if (typeof value === "boolean") return "a boolean";
  return "a string";
}

// Whether a value is an integral, finite YAML number (`1.0` counts, as it does for the driver).
export function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

// Whether a value is a string or a list of strings (produces, extra_gates, …).
export function isStringOrStringList(value: unknown): boolean {
  return (
    typeof value === "string" ||
    (Array.isArray(value) && value.every((v) => typeof v === "string"))
  );
}
