import path from "node:path";
import { appendEvent } from "../events/append-event.js";
import type {
  EventRecord,
  NewEvent,
  StoredEvent,
} from "../events/event-types.js";
import { buildEvent } from "../events/format-event.js";
import { parseEvents } from "../events/read-events.js";
import type { LoggedEvent } from "../types/outcome.js";
import { readPaths } from "../workspace/read-paths.js";

/** One event as appended: the line (without its newline) and the record. */
export interface Appended {
  line: string;
  record: EventRecord;
}

/** A feature's events.jsonl plus the driver's own copy of it (driver D-EVT-2, D-EVT-3). */
export interface EventLog {
  /** Path relative to the root. */
  rel: string;
  /** Appends one event now (write-through) and to the copy; only the transition service calls it. */
  append(event: NewEvent): Appended;
  /** The driver's copy, written back on every restore (null without a kept copy). */
  copy(): Uint8Array | null;
  /** The events as parsed from the copy. */
  records(): LoggedEvent[];
}

/** What the log needs from the command. */
export interface EventLogContext {
  now(): Date;
  version: string;
}

// Opens a feature's event log; `run` reads the current file as its first copy, `arm` and `unblock` only append.
export async function openEventLog(
  root: string,
  featureDir: string,
  ctx: EventLogContext,
  options: { isCopyKept: boolean } = { isCopyKept: true },
): Promise<EventLog> {
  const rel = `${featureDir}/events.jsonl`;
  const abs = path.join(root, rel);
  const initial = options.isCopyKept
    ? ((await readPaths(root, [rel])).get(rel) ?? null)
    : null;
  let text = initial === null ? null : Buffer.from(initial).toString("utf8");
  let parsed: LoggedEvent[] | null = null;
  return {
    rel,
    append(event) {
      const record = buildEvent(event, ctx.now(), ctx.version);
      const appended = appendEvent(abs, record);
      const line = appended.replace(/^\n/, "").replace(/\n$/, "");
      if (!options.isCopyKept) return { line, record };
      const base = text ?? "";
      // The copy mirrors what a reader of the file sees: the append repairs a missing final newline.
      text =
        appended.startsWith("\n") || base === "" || base.endsWith("\n")
          ? base + appended
          : `${base}\n${appended}`;
      parsed = null;
      return { line, record };
    },
    copy() {
      return text === null ? null : Buffer.from(text, "utf8");
    },
    records() {
      parsed ??= parseEvents(text ?? "").events.map((e) => toLogged(e.event));
      return parsed;
    },
  };
}

function toLogged(event: StoredEvent): LoggedEvent {
  return {
    timestamp: event.timestamp,
    correlation_id: event.correlation_id,
    event_type: event.event_type,
    payload: event.payload,
  };
}
