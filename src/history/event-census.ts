import { isEventType } from "../events/event-types.js";
import type { ReadEvent } from "../events/read-events.js";

// Event types of audit.md AU-EV-2 that this version reads but does not write yet.
const LATER_TYPES: ReadonlySet<string> = new Set([
  "terminal_flips",
  "plan_reverted",
  "feature_completed",
]);

/** Event types this version does not know, with how many events of each were ignored. */
export interface EventCensus {
  total: number;
  unknown: Array<{ type: string; count: number }>;
  unknownTotal: number;
}

// Whether a reader of this version knows an event type (formats.md F-EV-3, audit.md AU-EV-2).
export function isKnownEventType(type: string): boolean {
  return isEventType(type) || LATER_TYPES.has(type);
}

// Counts the events whose type is unknown, by type in first-seen order (F-EV-1: they are ignored); pure.
export function censusOf(events: readonly ReadEvent[]): EventCensus {
  const counts = new Map<string, number>();
  for (const e of events) {
    const type = e.event.event_type;
    if (!isKnownEventType(type)) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const unknown = [...counts].map(([type, count]) => ({ type, count }));
  return {
    total: events.length,
    unknown,
    unknownTotal: unknown.reduce((s, u) => s + u.count, 0),
  };
}
