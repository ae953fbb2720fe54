const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null)$/i;

// A double-quoted YAML scalar using only the `\\` and `\"` escapes (I-STACK-3); control characters become spaces.
export function yamlDoubleQuoted(text: string): string {
  const cleaned = [...text]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch === "\u007f" ? " " : ch))
    .join("");
  return `"${cleaned.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

// A string scalar as formats.md F-WRITE-4 writes it: plain when safe, double-quoted otherwise.
export function yamlString(text: string): string {
  return PLAIN.test(text) && !RESERVED.test(text)
    ? text
    : yamlDoubleQuoted(text);
}

// A YAML value inside the reference subset (I-TPL-1): strings, finite numbers, booleans, flow lists of those.
export function yamlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(", ")}]`;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return yamlString(String(value));
}
