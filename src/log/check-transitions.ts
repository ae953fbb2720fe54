import {
  isLegalChange,
  isReachableByHandEdits,
  showStatus,
  type Entity,
} from "../audit/transition-table.js";
import type { StoredEvent } from "../events/event-types.js";

/** An event line of one file, in file order. */
export interface TrailEvent {
  line: number;
  /** The oldest commit holding the line as it stands, or null (working tree). */
  origin: string | null;
  event: StoredEvent;
  isLegacy: boolean;
}

/** A violation before it is placed in a file. */
export interface LineViolation {
  kind: "transition_illegal" | "transition_gap";
  line: number;
  commit: string | null;
  message: string;
}

interface Entry {
  entity: Entity;
  id: string;
  from: string | null;
  to: string;
  by?: string;
}

function entriesOf(event: StoredEvent): Entry[] {
  const list = event.payload.transitions;
  return Array.isArray(list) ? (list as Entry[]) : [];
}

// AU-VER-1 `transition_illegal` and `transition_gap` over one file's events; legacy lines are skipped, and an entity's first recorded change after a legacy line has no known predecessor; pure.
export function checkTransitions(
  events: readonly TrailEvent[],
): LineViolation[] {
  const last = new Map<string, string | null>();
  const found: LineViolation[] = [];
  let hasLegacy = false;
  for (const e of events) {
    if (e.isLegacy) {
      hasLegacy = true;
      continue;
    }
    const trigger =
      typeof e.event.payload.trigger === "string"
        ? e.event.payload.trigger
        : "";
    for (const t of entriesOf(e.event)) {
      const by = t.by ?? trigger;
      const where = `${t.entity} ${t.id}: ${showStatus(t.from)} → ${t.to}`;
      if (!isLegalChange(t, by))
        found.push({
          kind: "transition_illegal",
          line: e.line,
          commit: e.origin,
          message: `${where} is no transition-table row of ${by || "(no trigger)"} (${e.event.event_type})`,
        });
      const key = `${t.entity}\0${t.id}`;
      const isKnown = last.has(key) || !hasLegacy;
      const before = last.get(key) ?? null;
      if (isKnown && !isReachableByHandEdits(t.entity, before, t.from))
        found.push({
          kind: "transition_gap",
          line: e.line,
          commit: e.origin,
          message: `${where}, but the last recorded status is ${showStatus(before)} and no supported hand edit leads from it to ${showStatus(t.from)}`,
        });
      last.set(key, t.to);
    }
  }
  return found;
}
