import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import type { EventRecord } from "./event-types.js";
import { formatEvent, type SerializeOptions } from "./format-event.js";

// Appends one event with a single synchronous open-append-close (F-EV-1, D-EVT-2); returns the text appended, for the driver's own copy (D-EVT-3).
export function appendEvent(
  file: string,
  event: EventRecord,
  options: SerializeOptions = {},
): string {
  return appendEventLine(file, formatEvent(event, options));
}

// Appends one serialized line: creates the file, and first ends an unterminated last line (F-EV-1).
export function appendEventLine(file: string, line: string): string {
  if (line.includes("\n"))
    throw new TypeError("an event line holds no newline");
  const fd = openSync(file, "a+");
  try {
    const size = fstatSync(fd).size;
    let text = `${line}\n`;
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) text = `\n${text}`;
    }
    writeSync(fd, text);
    return text;
  } finally {
    closeSync(fd);
  }
}
