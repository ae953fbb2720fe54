import type { ReadEvent } from "../events/read-events.js";
import { normalizeOutcome } from "../events/event-types.js";

/** One attempt as events.jsonl recorded it (formats.md F-EV-4). */
export interface AttemptView {
  /** 1-based cycle: 1 before any re-arm, n+1 after the n-th (the `cycle-<n>` folder of EV-CYC-1). */
  cycle: number;
  attempt: number;
  /** The outcome word (`zero_token_skip` read as `zero_token`). */
  outcome: string;
  /** The event's timestamp as stored: when the attempt ended. */
  endedAt: string;
  /** Epoch ms of `endedAt`, or null when it does not parse. */
  endMs: number | null;
  durationSeconds: number | null;
  costUsd: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  model: string | null;
  failureClass: string | null;
  failureExcerpt: string | null;
  /** The guard's summary, the blocked reason or the interrupt reason, whichever the event carries. */
  summary: string | null;
  /** False for attempts that did not count toward the limit (`counted: false`). */
  isCounted: boolean;
  /** Parallel runs only (parallel.md P-EVT-1). */
  runId: string | null;
  lane: number | null;
  /** Line of the event in events.jsonl. */
  line: number;
}

/** How a cycle ended, as far as the events say. */
export interface CycleEnding {
  kind: "completed" | "escalated";
  at: string;
  /** `human_escalation.reason`, for an escalation. */
  reason: string | null;
  /** `task_completed.commit` (audit.md AU-EV-2), when present. */
  commit: string | null;
}

/** One dispatch cycle of a unit: the attempts between two re-arms. */
export interface CycleView {
  cycle: number;
  /** The first `task_started` or `re_arm_dispatched` of the cycle. */
  startedAt: string | null;
  attempts: AttemptView[];
  ending: CycleEnding | null;
}

/** Everything events.jsonl says about one unit. */
export interface UnitHistory {
  id: string;
  /** Cycles that have at least one event, in cycle order. */
  cycles: CycleView[];
  /** How many events named the unit. */
  events: number;
}

const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;
const str = (v: unknown): string | null =>
  typeof v === "string" && v !== "" ? v : null;
const int = (v: unknown): number | null =>
  Number.isInteger(v) && (v as number) >= 0 ? (v as number) : null;

// Groups the events of every unit into cycles and attempts, in file order; other events are skipped; pure.
export function buildHistories(
  events: readonly ReadEvent[],
): Map<string, UnitHistory> {
  const histories = new Map<string, UnitHistory>();
  const current = new Map<string, number>();
  for (const e of events) {
    const id = e.event.correlation_id;
    if (!id.includes("/")) continue;
    const cycle = nextCycle(current.get(id) ?? 0, e);
    current.set(id, cycle);
    const kept = record(e, cycle + 1);
    if (kept === null) continue;
    const h = histories.get(id) ?? { id, cycles: [], events: 0 };
    histories.set(id, h);
    h.events++;
    const c = cycleOf(h, cycle + 1);
    if (kept.kind === "start") c.startedAt ??= e.event.timestamp;
    else if (kept.kind === "attempt") c.attempts.push(kept.attempt);
    else c.ending = kept.ending;
  }
  for (const h of histories.values())
    h.cycles.sort((a, b) => a.cycle - b.cycle);
  return histories;
}

// The 0-based cycle (the unit's re_arm_count) an event belongs to: unblock and re-arm events move it on.
function nextCycle(cycle: number, e: ReadEvent): number {
  const p = e.event.payload;
  const count = int(p.re_arm_count);
  switch (e.event.event_type) {
    case "wu_unblocked":
      return Math.max(cycle + 1, count ?? 0);
    case "re_arm_dispatched":
    case "task_started":
    case "attempt_outcome":
      return Math.max(cycle, count ?? 0);
    default:
      return cycle;
  }
}

type Kept =
  | { kind: "start" }
  | { kind: "attempt"; attempt: AttemptView }
  | { kind: "ending"; ending: CycleEnding };

function record(e: ReadEvent, cycle: number): Kept | null {
  const p = e.event.payload;
  const at = e.event.timestamp;
  switch (e.event.event_type) {
    case "task_started":
    case "re_arm_dispatched":
      return { kind: "start" };
    case "attempt_outcome":
      return attemptOf(e, cycle);
    case "task_completed":
      return {
        kind: "ending",
        ending: { kind: "completed", at, reason: null, commit: str(p.commit) },
      };
    case "human_escalation":
      return {
        kind: "ending",
        ending: {
          kind: "escalated",
          at,
          reason: str(p.reason),
          commit: null,
        },
      };
    default:
      return null;
  }
}

function attemptOf(e: ReadEvent, cycle: number): Kept | null {
  const p = e.event.payload;
  const attempt = int(p.attempt);
  const outcome = normalizeOutcome(p.outcome);
  if (attempt === null || outcome === null) return null;
  return {
    kind: "attempt",
    attempt: {
      cycle,
      attempt,
      outcome,
      endedAt: e.event.timestamp,
      endMs: e.time,
      durationSeconds: num(p.duration_seconds),
      costUsd: num(p.cost_usd),
      inputTokens: num(p.input_tokens),
      outputTokens: num(p.output_tokens),
      model: str(p.model),
      failureClass: str(p.failure_class),
      failureExcerpt: str(p.failure_excerpt),
      summary:
        str(p.summary) ??
        str(p.agent_blocked_reason) ??
        str(p.interrupt_reason) ??
        null,
      isCounted: p.counted !== false,
      runId: str(p.run_id),
      lane: int(p.lane),
      line: e.line,
    },
  };
}

function cycleOf(h: UnitHistory, cycle: number): CycleView {
  let c = h.cycles.find((x) => x.cycle === cycle);
  if (c === undefined) {
    c = { cycle, startedAt: null, attempts: [], ending: null };
    h.cycles.push(c);
  }
  return c;
}

// The sum of a field over attempts, or null when no attempt carries it.
export function sumOf(
  attempts: readonly AttemptView[],
  pick: (a: AttemptView) => number | null,
): number | null {
  let total: number | null = null;
  for (const a of attempts) {
    const v = pick(a);
    if (v !== null) total = (total ?? 0) + v;
  }
  return total;
}
