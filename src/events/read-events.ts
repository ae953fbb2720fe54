import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { StoredEvent } from "./event-types.js";

/** One usable event line. */
export interface ReadEvent {
  event: StoredEvent;
  /** The line exactly as stored, without its newline (`log --json` prints it as is). */
  raw: string;
  /** 1-based line number in the file. */
  line: number;
  /** Epoch milliseconds (with a sub-millisecond fraction), or null when the timestamp does not parse. */
  time: number | null;
}

/** The events of a text, plus the lines that were not events. */
export interface EventScan {
  events: ReadEvent[];
  /** How many non-blank lines were skipped as unparseable (F-EV-1). */
  skipped: number;
  /** Their line numbers. */
  skippedLines: number[];
}

/** Where a tail reader stopped: just after the last complete line it consumed. */
export interface EventCursor {
  /** Byte offset. */
  offset: number;
  /** Line number of the next line. */
  line: number;
}

/** One poll of `readEventsFrom`. */
export interface EventTail extends EventScan {
  /** Pass it to the next poll. */
  cursor: EventCursor;
  /** The file shrank or was rewritten since the last poll; reading restarted at its beginning. */
  isTruncated: boolean;
  isMissing: boolean;
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
const decoder = new TextDecoder("utf-8");

// Parses an event timestamp: 0–9 fractional digits, `Z` or a `±HH:MM` offset (F-EV-2); null if invalid.
export function parseEventTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  if (m === null) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const base = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(base);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  )
    return null;
  const zone = m[8] ?? "Z";
  let offset = 0;
  if (zone !== "Z") {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offset = (zone.startsWith("-") ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  return base + fraction - offset;
}

// Reads one line as an event envelope; null for blank, unparseable or envelope-less lines.
export function parseEventLine(raw: string): StoredEvent | null {
  if (raw.trim() === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return null;
  const o = value as Record<string, unknown>;
  if (
    typeof o.timestamp !== "string" ||
    typeof o.correlation_id !== "string" ||
    typeof o.event_type !== "string" ||
    o.event_type === ""
  )
    return null;
  const payload =
    typeof o.payload === "object" &&
    o.payload !== null &&
    !Array.isArray(o.payload)
      ? (o.payload as Record<string, unknown>)
      : {};
  return {
    timestamp: o.timestamp,
    correlation_id: o.correlation_id,
    event_type: o.event_type,
    source: typeof o.source === "string" ? o.source : "",
    source_version:
      typeof o.source_version === "string" ? o.source_version : "",
    payload,
  };
}

// Splits events.jsonl text into events, skipping blank and unparseable lines (F-EV-1); pure.
export function parseEvents(text: string, firstLine = 1): EventScan {
  const scan: EventScan = { events: [], skipped: 0, skippedLines: [] };
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((raw, i) => {
    const line = firstLine + i;
    const stripped = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const event = parseEventLine(stripped);
    if (event !== null) {
      scan.events.push({
        event,
        raw: stripped,
        line,
        time: parseEventTimestamp(event.timestamp),
      });
    } else if (stripped.trim() !== "") {
      scan.skipped++;
      scan.skippedLines.push(line);
    }
  });
  return scan;
}

// Reads a whole events.jsonl, its unterminated last line included; a missing file has no events.
export function readEvents(file: string): EventScan & { isMissing: boolean } {
  const bytes = readFrom(file, 0);
  if (bytes === null) return { ...parseEvents(""), isMissing: true };
  return { ...parseEvents(decoder.decode(bytes.data)), isMissing: false };
}

// Reads the complete lines added since `cursor` (`log --follow`); a file that shrank or was rewritten is read again from its start, flagged truncated.
export function readEventsFrom(
  file: string,
  cursor: EventCursor = { offset: 0, line: 1 },
): EventTail {
  const start = { offset: cursor.offset, line: cursor.line };
  let bytes = readFrom(file, start.offset);
  if (bytes === null)
    return {
      ...parseEvents(""),
      cursor: { offset: 0, line: 1 },
      isTruncated: cursor.offset > 0,
      isMissing: true,
    };
  let isTruncated = false;
  if (bytes.isRewritten) {
    isTruncated = true;
    start.offset = 0;
    start.line = 1;
    bytes = readFrom(file, 0) ?? { data: new Uint8Array(), isRewritten: false };
  }
  const end = bytes.data.lastIndexOf(0x0a) + 1;
  const text = decoder.decode(bytes.data.subarray(0, end));
  const scan = parseEvents(text, start.line);
  const consumed = end === 0 ? 0 : text.split("\n").length - 1;
  return {
    ...scan,
    cursor: { offset: start.offset + end, line: start.line + consumed },
    isTruncated,
    isMissing: false,
  };
}

// The bytes from `offset` to the end (null: missing); `isRewritten` when the file no longer continues where the offset was taken.
function readFrom(
  file: string,
  offset: number,
): { data: Uint8Array; isRewritten: boolean } | null {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    if (size < offset) return { data: new Uint8Array(), isRewritten: true };
    if (offset > 0) {
      const before = Buffer.alloc(1);
      readSync(fd, before, 0, 1, offset - 1);
      if (before[0] !== 0x0a)
        return { data: new Uint8Array(), isRewritten: true };
    }
    const data = Buffer.alloc(size - offset);
    let read = 0;
    while (read < data.length) {
      const n = readSync(fd, data, read, data.length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return { data: data.subarray(0, read), isRewritten: false };
  } finally {
    closeSync(fd);
  }
}
