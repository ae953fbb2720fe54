import type { EventRecord, NewEvent } from "../events/event-types.js";
import type { FrontmatterChange } from "../yaml/edit-frontmatter.js";

/** What a status belongs to (audit.md AU-EV-1 `transitions[].entity`). */
export type Entity = "unit" | "gate" | "feature";

/** Who makes a change: a command, or `agent` for a closing unit's own squash (audit.md AU-TAB-1 "By"; `abandon` is a recorded-nowhere hand edit, AU-TAB-2). */
export type Actor = "run" | "arm" | "unblock" | "adopt" | "abandon" | "agent";

/** One status change as read from disk and written (audit.md AU-EV-1); `from` is null when the file did not exist. */
export interface StatusChange {
  entity: Entity;
  id: string;
  from: string | null;
  to: string;
}

/** One atomic frontmatter write that sets a status, with the other keys written in the same write. */
export interface StatusWrite {
  entity: Entity;
  /** Unit id, gate number as text, or feature id. */
  id: string;
  /** Path relative to the root the service writes under. */
  file: string;
  /** The new status; written first, then `keys` in order. */
  to: string;
  keys?: ReadonlyArray<FrontmatterChange>;
  /** Create the GATE stub when the file is missing (formats.md F-GATE-4). */
  stubGate?: number;
  /** Overrides the service's actor for this write (AU-TR-3: a closing unit's squash is the agent's). */
  by?: Actor;
}

/** An event as the service appends it: the payload type follows the event type (formats.md F-EV-3). */
export type StepEvent = NewEvent;

/** One transition step: its writes, then its event (either may be empty). */
export interface Step {
  writes: readonly StatusWrite[];
  event: StepEvent | null;
}

/** A forbidden change: why, in words (audit.md AU-TR-2 renders it). */
export type Violation = string;

/** Decides whether a change is legal; the audit table plugs in here (audit.md AU-TAB-1). */
export type Validator = (change: StatusChange, by: Actor) => Violation | null;

/**
 * Told after every step, in order: the appended line (without its newline) and event, or null for a step
 * without an event, and the status changes the step made (audit.md AU-HOOK-2).
 */
export type Subscriber = (
  line: string | null,
  event: EventRecord | null,
  changes: readonly StatusChange[],
) => void;

// The default validator: every change is allowed until the audit table plugs in (audit.md AU-TAB-1).
export const allowEveryChange: Validator = () => null;
