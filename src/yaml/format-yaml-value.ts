import { formatFloat, plainDecimal } from "./format-number.js";

/** A scalar specfuse writes into frontmatter (formats.md F-WRITE-4). */
export type FrontmatterScalar = string | number | boolean | null;

/** A block map written under a key (F-WRITE-5); its values follow the same rules. */
export interface FrontmatterMap {
  readonly [key: string]: FrontmatterValue;
}

/**
 * A value specfuse writes into frontmatter: a scalar, a flow list of scalars, a block map, or a block list
 * of maps (formats.md F-WRITE-4, F-WRITE-5). Numbers under a float key (`FLOAT_KEYS`) are written as floats.
 */
export type FrontmatterValue =
  | FrontmatterScalar
  | readonly FrontmatterScalar[]
  | FrontmatterMap
  | readonly FrontmatterMap[];

// Key names specfuse writes: the subset every YAML reader takes as a plain key.
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null)$/i;
// Unicode control characters (Cc) and the line and paragraph separators, which some readers split lines on.
const UNWRITABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Whether a key can be written as specfuse writes keys (`[A-Za-z_][A-Za-z0-9_-]*`).
export function isWritableKey(key: string): boolean {
  return KEY.test(key);
}

// The text a string reads back as once written: control characters become spaces, lone surrogates U+FFFD.
export function writableString(value: string): string {
  return value.replace(UNWRITABLE, " ").replace(LONE_SURROGATE, "\ufffd");
}

// A string in F-WRITE-4 form: plain when safe, else double-quoted with only the `\\` and `\"` escapes.
export function formatString(value: string): string {
  const text = writableString(value);
  if (PLAIN.test(text) && !RESERVED.test(text)) return text;
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

// A number in F-WRITE-4 form: integers in decimal, floats (or any number when `isFloat`) in plain decimal.
export function formatNumber(value: number, isFloat: boolean): string {
  if (!Number.isFinite(value))
    throw new RangeError(
      `cannot write ${value}: NaN and infinities are never written`,
    );
  return isFloat || !Number.isInteger(value)
    ? formatFloat(value)
    : plainDecimal(value);
}

// A non-null scalar in F-WRITE-4 form, as it appears after `key: ` or inside a flow list.
export function formatScalar(
  value: string | number | boolean,
  isFloat: boolean,
): string {
  if (typeof value === "string") return formatString(value);
  if (typeof value === "number") return formatNumber(value, isFloat);
  return value ? "true" : "false";
}

// The lines of one `key: value` entry at `indent` spaces, without line endings; `firstPrefix` replaces the first line's indentation (a list item's `- `).
export function renderEntry(
  key: string,
  value: FrontmatterValue,
  indent: number,
  floatKeys: ReadonlySet<string>,
  firstPrefix = " ".repeat(indent),
): string[] {
  if (!KEY.test(key))
    throw new TypeError(
      `cannot write key ${JSON.stringify(key)}: keys match ${KEY.source}`,
    );
  const head = `${firstPrefix}${key}:`;
  if (value === null) return [head];
  if (Array.isArray(value))
    return renderList(head, key, value, indent, floatKeys);
  if (typeof value === "object")
    return [head, ...renderMap(value as FrontmatterMap, indent + 2, floatKeys)];
  return [
    `${head} ${formatScalar(value as string | number | boolean, floatKeys.has(key))}`,
  ];
}

function renderList(
  head: string,
  key: string,
  items: readonly unknown[],
  indent: number,
  floatKeys: ReadonlySet<string>,
): string[] {
  if (items.length === 0) return [`${head} []`];
  if (items.every(isPlainObject)) {
    const lines = [head];
    for (const item of items as FrontmatterMap[])
      lines.push(
        ...renderMap(
          item,
          indent + 4,
          floatKeys,
          `${" ".repeat(indent + 2)}- `,
        ),
      );
    return lines;
  }
  const scalars = items.map((item) => {
    if (item === null || (typeof item === "object" && item !== null))
      throw new TypeError(
        `cannot write ${key}: a list holds only non-null scalars, or only maps`,
      );
    return formatScalar(item as string | number | boolean, floatKeys.has(key));
  });
  return [`${head} [${scalars.join(", ")}]`];
}

function renderMap(
  map: FrontmatterMap,
  indent: number,
  floatKeys: ReadonlySet<string>,
  firstPrefix = " ".repeat(indent),
): string[] {
  const entries = Object.entries(map).filter(([, v]) => v !== undefined);
  if (entries.length === 0)
    throw new TypeError(
      "cannot write an empty map: block style has no form for it",
    );
  return entries.flatMap(([k, v], i) =>
    renderEntry(
      k,
      v,
      indent,
      floatKeys,
      i === 0 ? firstPrefix : " ".repeat(indent),
    ),
  );
}

function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
