import path from "node:path";
import { appendEvent } from "../events/append-event.js";
import type {
  EventRecord,
  EventType,
  NewEvent,
  StoredEvent,
} from "../events/event-types.js";
import { buildEvent } from "../events/format-event.js";
import { parseEvents } from "../events/read-events.js";
import type { LoggedEvent } from "../types/outcome.js";
import { readPaths } from "../workspace/read-paths.js";

/** A feature's events.jsonl plus the driver's own copy of it (driver D-EVT-2, D-EVT-3). */
export interface EventLog {
  /** Repo-relative path. */
  rel: string;
  /** Appends one event now (write-through) and to the copy. */
  append(
    correlationId: string,
    type: EventType,
    payload: Record<string, unknown>,
  ): void;
  /** The driver's copy, written back on every restore. */
  copy(): Uint8Array | null;
  /** The events as parsed from the copy. */
  records(): LoggedEvent[];
}

/** What the log needs from the run. */
export interface EventLogContext {
  now(): Date;
  version: string;
}

// Opens a feature's event log, reading the current file as the driver's first copy.
export async function openEventLog(
  root: string,
  featureDir: string,
  ctx: EventLogContext,
): Promise<EventLog> {
  const rel = `${featureDir}/events.jsonl`;
  const abs = path.join(root, rel);
  const initial = (await readPaths(root, [rel])).get(rel) ?? null;
  let text = initial === null ? null : Buffer.from(initial).toString("utf8");
  let parsed: LoggedEvent[] | null = null;
  return {
    rel,
    append(correlationId, type, payload) {
      // Payloads come from the pure decision modules as plain records; the schema tests pin their shapes.
      const event = buildEvent(
        {
          correlation_id: correlationId,
          event_type: type,
          payload,
        } as unknown as NewEvent<EventType>,
        ctx.now(),
        ctx.version,
      ) as EventRecord;
      const appended = appendEvent(abs, event);
      const base = text ?? "";
      // The copy mirrors what a reader of the file sees: the append repairs a missing final newline.
      text =
        appended.startsWith("\n") || base === "" || base.endsWith("\n")
          ? base + appended
          : `${base}\n${appended}`;
      parsed = null;
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
    payload: (event.payload ?? {}) as Record<string, unknown>,
  };
}
