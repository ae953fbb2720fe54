// The declared status changes of audit.md AU-TAB-1 and the supported hand edits of AU-TAB-2, as data.
// The transition service, lint `status-impossible` and `log --verify` all read this one module; pure.

/** What a status belongs to. */
export type Entity = "unit" | "gate" | "feature";

/** Who makes a change: a command, or `agent` (a closing unit's own squash, recorded by `run`). */
export type Actor = "adopt" | "arm" | "unblock" | "run" | "agent";

// Every actor, in table order.
export const ACTORS: readonly Actor[] = [
  "adopt",
  "arm",
  "unblock",
  "run",
  "agent",
];

// Statuses per entity (formats.md F-WU-8, F-GATE-3, F-PLAN-2 with the AU amendment's deferred and blocked).
export const ENTITY_STATUSES: Readonly<Record<Entity, readonly string[]>> = {
  unit: [
    "draft",
    "pending",
    "ready",
    "in_progress",
    "in_review",
    "abandoned",
    "done",
    "blocked_human",
  ],
  gate: ["open", "awaiting_review", "passed"],
  feature: [
    "planned",
    "active",
    "done",
    "abandoned",
    "complete",
    "deferred",
    "blocked",
  ],
};

/** One status change; `from` is null for ∅ (no file yet). */
export interface StatusChange {
  entity: Entity;
  /** Unit graph id, gate number (as text) or feature id. */
  id: string;
  from: string | null;
  to: string;
}

/** One row of AU-TAB-1. */
export interface TransitionRow {
  /** `U1`…`U9`, `G1`…`G4`, `P1`…`P5`. */
  id: string;
  entity: Entity;
  /** Accepted `from` values; null is ∅. */
  from: ReadonlyArray<string | null>;
  to: string;
  by: readonly Actor[];
  /** The event types that record it. */
  events: readonly string[];
  /** How the command makes it, in words (for docs). */
  note: string;
}

function row(
  id: string,
  entity: Entity,
  from: ReadonlyArray<string | null>,
  to: string,
  by: readonly Actor[],
  events: readonly string[],
  note: string,
): TransitionRow {
  return { id, entity, from, to, by, events, note };
}

// AU-TAB-1: the only changes specfuse itself makes, in table order.
export const TRANSITION_ROWS: readonly TransitionRow[] = [
  row(
    "U1",
    "unit",
    [null],
    "draft",
    ["adopt", "agent"],
    ["feature_adopted"],
    "adopt; a plan-next agent drafts the next gate",
  ),
  row(
    "U2",
    "unit",
    ["draft"],
    "pending",
    ["arm"],
    ["gate_armed"],
    "arm accepts a draft",
  ),
  row(
    "U3",
    "unit",
    ["draft"],
    "abandoned",
    ["arm"],
    ["gate_armed"],
    "arm --abandon-rest",
  ),
  row(
    "U4",
    "unit",
    ["pending", "ready"],
    "in_progress",
    ["run"],
    ["task_started"],
    "dispatch starts",
  ),
  row(
    "U5",
    "unit",
    ["pending", "ready"],
    "done",
    ["run"],
    ["auto_close_decision"],
    "auto-close, without dispatch",
  ),
  row(
    "U6",
    "unit",
    ["in_progress"],
    "done",
    ["run"],
    ["task_completed"],
    "an attempt passed",
  ),
  row(
    "U7",
    "unit",
    ["in_progress"],
    "blocked_human",
    ["run"],
    ["human_escalation"],
    "escalation",
  ),
  row(
    "U8",
    "unit",
    ["in_progress"],
    "pending",
    ["run"],
    ["attempt_outcome"],
    "a signal, or crash recovery",
  ),
  row(
    "U9",
    "unit",
    ["blocked_human"],
    "pending",
    ["unblock"],
    ["wu_unblocked"],
    "re-arm",
  ),
  row(
    "G1",
    "gate",
    [null],
    "open",
    ["adopt", "agent"],
    ["feature_adopted"],
    "adopt; a plan-next agent adds the gate",
  ),
  row(
    "G2",
    "gate",
    ["open"],
    "awaiting_review",
    ["run"],
    ["gate_reached", "human_escalation"],
    "the gate is finished, or the budget brake fired",
  ),
  row(
    "G3",
    "gate",
    ["awaiting_review"],
    "passed",
    ["arm", "run"],
    ["gate_armed", "terminal_flips"],
    "arm accepts the gate; run's terminal flips",
  ),
  row(
    "G4",
    "gate",
    ["awaiting_review"],
    "open",
    ["unblock", "arm"],
    ["wu_unblocked", "gate_armed"],
    "unblock, or arm with new drafts",
  ),
  row(
    "P1",
    "feature",
    [null],
    "planned",
    ["adopt"],
    ["feature_adopted"],
    "adopt",
  ),
  row(
    "P2",
    "feature",
    ["planned"],
    "active",
    ["arm"],
    ["gate_armed"],
    "arm activates the feature",
  ),
  row(
    "P3",
    "feature",
    ["active"],
    "done",
    ["run", "agent"],
    ["terminal_flips", "task_completed"],
    "run's flips; a close (or legacy plan-next) unit's squash",
  ),
  row(
    "P4",
    "feature",
    ["done"],
    "active",
    ["run"],
    ["plan_reverted"],
    "a hedged close verdict",
  ),
  row(
    "P5",
    "feature",
    ["active"],
    "complete",
    ["run"],
    ["feature_completed"],
    "every gate passed (D-END-6)",
  ),
];

/** One supported hand edit of AU-TAB-2. */
export interface HandEdit {
  entity: Entity;
  from: string | null;
  to: string;
  /** `in_review → done` only in a gate that holds no `draft`. */
  isNoDraftGateOnly?: boolean;
}

function edges(
  entity: Entity,
  froms: ReadonlyArray<string | null>,
  tos: readonly string[],
): HandEdit[] {
  return froms.flatMap((from) => tos.map((to) => ({ entity, from, to })));
}

// AU-TAB-2: the hand edits people make and specfuse supports; they are never recorded.
export const HAND_EDITS: readonly HandEdit[] = [
  ...edges("unit", [null], ["draft", "pending"]),
  ...edges("unit", ["draft"], ["pending"]),
  ...edges("unit", ["pending"], ["ready"]),
  ...edges("unit", ["ready"], ["pending"]),
  ...edges("unit", ["pending", "ready"], ["in_review"]),
  { entity: "unit", from: "in_review", to: "done", isNoDraftGateOnly: true },
  ...edges(
    "unit",
    ["draft", "pending", "ready", "blocked_human"],
    ["abandoned"],
  ),
  ...edges("unit", ["blocked_human"], ["pending"]),
  ...edges("gate", [null], ["open"]),
  ...edges("gate", ["open", "awaiting_review"], ["passed"]),
  ...edges("gate", ["passed"], ["open"]),
  ...edges("feature", [null], ["planned"]),
  ...edges("feature", ["planned"], ["active"]),
  ...edges("feature", ["planned", "active"], ["deferred", "blocked"]),
  ...edges("feature", ["deferred", "blocked"], ["planned", "active"]),
  ...edges(
    "feature",
    ["planned", "active", "deferred", "blocked"],
    ["abandoned"],
  ),
];

/** Why a change was refused: the service exits 70 with `message` (AU-TR-2). */
export interface TransitionViolation {
  change: StatusChange;
  by: string;
  message: string;
}

// The rows a change matches for an actor (usually one; none when it is illegal).
export function rowsFor(
  change: Pick<StatusChange, "entity" | "from" | "to">,
  by: string,
): TransitionRow[] {
  return TRANSITION_ROWS.filter(
    (r) =>
      r.entity === change.entity &&
      r.to === change.to &&
      r.from.includes(change.from) &&
      (r.by as readonly string[]).includes(by),
  );
}

// Whether a change is a row of its actor (AU-TAB-1).
export function isLegalChange(
  change: Pick<StatusChange, "entity" | "from" | "to">,
  by: string,
): boolean {
  return rowsFor(change, by).length > 0;
}

// A status as messages show it: ∅ for "no file yet".
export function showStatus(status: string | null): string {
  return status ?? "∅";
}

// `illegal transition <entity> <id>: <from> → <to> (by <command>)`, plus `expected <x>` on a mismatch (AU-TR-2).
export function transitionMessage(
  change: StatusChange,
  by: string,
  expected?: string | null,
): string {
  const base = `illegal transition ${change.entity} ${change.id}: ${showStatus(change.from)} → ${change.to} (by ${by})`;
  return expected === undefined
    ? base
    : `${base}; expected ${showStatus(expected)}`;
}

// The service's validator hook `(change, by) => violation | null` (AU-TR-1).
export function checkTransition(
  change: StatusChange,
  by: string,
): TransitionViolation | null {
  if (isLegalChange(change, by)) return null;
  return { change, by, message: transitionMessage(change, by) };
}

/** What reachability may assume about the unit's gate. */
export interface ReachOptions {
  /** The gate holds a `draft` (blocks `in_review → done`). @default false */
  hasDraftInGate?: boolean;
}

// Whether `to` is reachable from `from` by zero or more supported hand edits (AU-TAB-2); pure.
export function isReachableByHandEdits(
  entity: Entity,
  from: string | null,
  to: string | null,
  options: ReachOptions = {},
): boolean {
  if (from === to) return true;
  const usable = HAND_EDITS.filter(
    (e) =>
      e.entity === entity &&
      !(e.isNoDraftGateOnly === true && options.hasDraftInGate === true),
  );
  const seen = new Set<string | null>([from]);
  const queue: Array<string | null> = [from];
  while (queue.length > 0) {
    const at = queue.shift() ?? null;
    for (const e of usable) {
      if (e.from !== at || seen.has(e.to)) continue;
      if (e.to === to) return true;
      seen.add(e.to);
      queue.push(e.to);
    }
  }
  return false;
}

// Every event type a row names, in first-seen order (the events that carry `transitions`).
export function transitionEventTypes(): string[] {
  return [...new Set(TRANSITION_ROWS.flatMap((r) => r.events))];
}
