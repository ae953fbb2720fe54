import { serializeJson } from "../../src/events/format-event.js";
import { parseEvents, type ReadEvent } from "../../src/events/read-events.js";

/** One event line to build a test log from. */
export interface LineSpec {
  type: string;
  corr: string;
  payload?: Record<string, unknown>;
  /** Seconds after 2026-11-22T02:00:00Z. */
  at?: number;
}

const BASE = Date.UTC(2026, 10, 22, 2, 0, 0);

// An F-EV-2 timestamp `seconds` after the fixture's base time.
export function stampAt(seconds: number): string {
  return new Date(BASE + seconds * 1000)
    .toISOString()
    .replace("Z", "000+00:00");
}

// The text of an events.jsonl holding these events, written as the driver writes them.
export function eventsText(lines: readonly LineSpec[]): string {
  return lines
    .map(
      (l, i) =>
        `${serializeJson({ timestamp: stampAt(l.at ?? i), correlation_id: l.corr, event_type: l.type, source: "driver", source_version: "0.4.0", payload: l.payload ?? {} })}\n`,
    )
    .join("");
}

// The events of such a log, as readers get them.
export function eventsOf(lines: readonly LineSpec[]): ReadEvent[] {
  return parseEvents(eventsText(lines)).events;
}

// An attempt_outcome line with the F-EV-4 keys a reader uses.
export function outcome(
  corr: string,
  attempt: number,
  result: string,
  at: number,
  extra: Record<string, unknown> = {},
): LineSpec {
  return {
    type: "attempt_outcome",
    corr,
    at,
    payload: {
      attempt,
      outcome: result,
      duration_seconds: 10.0,
      cost_usd: 0.25,
      input_tokens: 100,
      output_tokens: 50,
      model: "sonnet",
      failure_class: result === "failed" ? "tests" : null,
      failure_excerpt: result === "failed" ? "### tests: FAIL" : null,
      re_arm_count: 0,
      ...extra,
    },
  };
}
