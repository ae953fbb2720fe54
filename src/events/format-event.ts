import { FLOAT_KEYS } from "../yaml/float-keys.js";
import { formatFloat, plainDecimal } from "../yaml/format-number.js";
import type { EventRecord, EventType, NewEvent } from "./event-types.js";

/** Options of `serializeJson`. */
export interface SerializeOptions {
  /** Keys whose numbers are written as floats even when integral. @default FLOAT_KEYS */
  floatKeys?: ReadonlySet<string>;
}

// Builds the F-EV-2 envelope, keys in order, for an event happening at `at`.
export function buildEvent<K extends EventType>(
  event: NewEvent<K>,
  at: Date,
  version: string,
): EventRecord<K> {
  return {
    timestamp: formatTimestamp(at),
    correlation_id: event.correlation_id,
    event_type: event.event_type,
    source: "driver",
    source_version: version,
    payload: event.payload,
  } as EventRecord<K>;
}

// One events.jsonl line, without its newline, in the reference's serialization (formats.md F-EV-1).
export function formatEvent(
  event: EventRecord,
  options: SerializeOptions = {},
): string {
  return serializeJson(event, options);
}

// `YYYY-MM-DDTHH:MM:SS.ffffff+00:00` in UTC (F-EV-2); a Date has milliseconds, so the last 3 digits are 0.
export function formatTimestamp(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000+00:00`;
}

// JSON as Python's `json.dumps(obj, ensure_ascii=True)` writes it, but floats never take an exponent; undefined properties are left out, NaN and infinities become null.
export function serializeJson(
  value: unknown,
  options: SerializeOptions = {},
): string {
  return write(value, false, options.floatKeys ?? FLOAT_KEYS);
}

function write(
  value: unknown,
  isFloat: boolean,
  floatKeys: ReadonlySet<string>,
): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "null";
    return isFloat || !Number.isInteger(value)
      ? formatFloat(value)
      : plainDecimal(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value))
    return `[${value.map((v: unknown) => write(v, isFloat, floatKeys)).join(", ")}]`;
  if (typeof value === "object") {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      parts.push(`${quote(k)}: ${write(v, floatKeys.has(k), floatKeys)}`);
    }
    return `{${parts.join(", ")}}`;
  }
  throw new TypeError(`cannot serialize a ${typeof value} as JSON`);
}

const SHORT: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

// Python's ensure_ascii string form: short escapes, else `\uXXXX` per UTF-16 unit (astral characters become surrogate pairs).
function quote(text: string): string {
  return `"${text.replace(/["\\]|[^ -~]/g, (ch) => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}
