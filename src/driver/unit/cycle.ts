import type { PriorAttempt } from "../../agent/retry-evidence.js";
import type { UnitModel } from "../../plan/feature-model.js";
import type {
  AttemptRecord,
  FailureSignature,
  LoggedEvent,
  Outcome,
} from "../../types/outcome.js";
import type { DriverKeys } from "./driver-keys.js";

/** One dispatch cycle of a unit (driver D-ATT): each attempt returns the next value, nothing is mutated. */
export interface Cycle {
  readonly unit: UnitModel;
  readonly max: number;
  readonly startAttempt: number;
  /** When the cycle (this run's part of it) started, ISO UTC. */
  readonly startedAt: string;
  /** Counted attempt records of the whole cycle, earlier runs included (D-COST-1). */
  readonly records: readonly AttemptRecord[];
  /** Counted outcomes of the cycle, oldest first (D-EXH-1). */
  readonly outcomes: readonly Outcome[];
  /** Earlier attempts for the prompt (D-PROMPT-5). */
  readonly history: readonly PriorAttempt[];
  /** The recorded failure pair (D-SPIN-3). */
  readonly priorSignature: FailureSignature | null;
  /** The last note, for the retry line (D-ATT-4). */
  readonly lastNote: string | null;
  /** The driver-owned keys written so far (D-ATT-3). */
  readonly keys: DriverKeys;
}

/** What an interrupted or recovered cycle carries over from events.jsonl. */
export interface CarriedOver {
  records: AttemptRecord[];
  outcomes: Outcome[];
  signatures: Map<number, FailureSignature>;
  excerpts: Map<number, string>;
  outcomeOf: Map<number, string>;
}

// The counted attempts of the current cycle before `startAttempt`, read from the unit's attempt_outcome events.
// A cycle starts at attempt 1, so the last attempt-1 event opens it; a repeated number keeps its last record.
export function carriedOver(
  events: readonly LoggedEvent[],
  unitId: string,
  startAttempt: number,
): CarriedOver {
  const mine = events.filter(
    (e) => e.correlation_id === unitId && e.event_type === "attempt_outcome",
  );
  let from = -1;
  mine.forEach((e, i) => {
    if (e.payload.attempt === 1) from = i;
  });
  const byAttempt = new Map<number, LoggedEvent>();
  for (const e of from < 0 ? [] : mine.slice(from)) {
    const a = e.payload.attempt;
    if (typeof a !== "number" || a >= startAttempt) continue;
    if (e.payload.outcome === "interrupted" && e.payload.counted === false)
      continue;
    byAttempt.set(a, e);
  }
  const out: CarriedOver = {
    records: [],
    outcomes: [],
    signatures: new Map(),
    excerpts: new Map(),
    outcomeOf: new Map(),
  };
  for (const a of [...byAttempt.keys()].sort((x, y) => x - y)) {
    const p = byAttempt.get(a)?.payload ?? {};
    const record: AttemptRecord = {
      attempt: a,
      duration_seconds: num(p.duration_seconds),
    };
    if (num(p.cost_usd) > 0) record.cost_usd = num(p.cost_usd);
    for (const k of [
      "input_tokens",
      "output_tokens",
      "cache_read_input_tokens",
      "cache_creation_input_tokens",
    ] as const)
      if (num(p[k]) > 0) record[k] = num(p[k]);
    out.records.push(record);
    const outcome = (
      p.outcome === "zero_token_skip" ? "zero_token" : p.outcome
    ) as Outcome;
    out.outcomes.push(outcome);
    out.outcomeOf.set(a, String(outcome));
    if (
      typeof p.failure_class === "string" &&
      typeof p.failure_signature === "string"
    )
      out.signatures.set(a, {
        failure_class: p.failure_class,
        failure_signature: p.failure_signature,
      });
    if (typeof p.failure_excerpt === "string")
      out.excerpts.set(a, p.failure_excerpt);
  }
  return out;
}

function num(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}
