import type {
  AttemptRecord,
  FailureSignature,
  Outcome,
} from "../../types/outcome.js";
import type { HumanEscalationPayload } from "../../events/event-types.js";
import type { OutcomeDecision } from "../attempt/decide-outcome.js";
import { isNoMarker } from "../attempt/failure-signature.js";

const DEFAULT_MAX_ATTEMPTS = 3;

/** Where `max` can come from, most specific first (driver D-ATT-1). */
export interface MaxAttemptsSources {
  /** The unit's `max_attempts` (validated 1–10 at load). */
  unit?: unknown;
  /** `--max-attempts`. */
  cli?: number | undefined;
  /** config.yml `max_attempts`. */
  config?: number | undefined;
}

// `max` for a unit (D-ATT-1): unit `max_attempts`, else --max-attempts, else config, else 3.
export function resolveMaxAttempts(sources: MaxAttemptsSources): number {
  for (const value of [sources.unit, sources.cli, sources.config])
    if (typeof value === "number" && Number.isInteger(value) && value >= 1)
      return value;
  return DEFAULT_MAX_ATTEMPTS;
}

/** Where a dispatch cycle starts (D-ATT-1). */
export interface CycleStart {
  startAttempt: number;
  /** True when an interrupted or recovered cycle goes on at `attempts + 1`. */
  isContinuation: boolean;
  /** Printed when the on-disk `attempts` already reached `max`. */
  warning: string | null;
}

// Cycle start (D-ATT-1): continue at attempts+1 when 1 ≤ attempts ≤ max−1, else start at 1 (warning when attempts ≥ max).
export function decideCycleStart(
  unitId: string,
  attemptsOnDisk: unknown,
  max: number,
): CycleStart {
  const attempts =
    typeof attemptsOnDisk === "number" && Number.isInteger(attemptsOnDisk)
      ? attemptsOnDisk
      : 0;
  if (attempts >= 1 && attempts <= max - 1)
    return {
      startAttempt: attempts + 1,
      isContinuation: true,
      warning: null,
    };
  const warning =
    attempts >= max
      ? `${unitId} already shows attempts: ${attempts} (max ${max}); starting a new cycle at attempt 1. To re-arm a unit with a record of why, use \`specfuse unblock ${unitId} --reason "<what changed>"\`.`
      : null;
  return { startAttempt: 1, isContinuation: false, warning };
}

/** Every way a cycle ends in `blocked_human` (driver D-OUT-2, D-SPIN-3, D-EXH-1). */
export type EscalationReason =
  | "agent_reported_blocked"
  | "spinning_signature_repeat"
  | "all_attempts_zero_token"
  | "all_attempts_timeout"
  | "spinning_detected";

/** An escalation to perform. */
export interface Escalation {
  reason: EscalationReason;
  /** The payload's `attempts`: `max` on exhaustion, else the attempt that stopped. */
  attempts: number;
  /** The frontmatter's `attempts`: the last attempt that ran (Fix 8). */
  lastAttempt: number;
  /** The repeated pair, for a spinning stop. */
  failure: FailureSignature | null;
  commitSubject: string;
}

/** The cycle so far, as the policy sees it after an outcome. */
export interface CycleState {
  unitId: string;
  attempt: number;
  max: number;
  /** The counted outcomes of this cycle, oldest first, this attempt's included. */
  outcomes: readonly Outcome[];
  /** The recorded pair (D-SPIN-3), or null. */
  priorSignature: FailureSignature | null;
}

/** What the cycle does next. */
export type NextStep =
  | { action: "done" }
  | { action: "stop" }
  | {
      action: "retry";
      nextAttempt: number;
      priorSignature: FailureSignature | null;
    }
  | {
      action: "escalate";
      escalation: Escalation;
      priorSignature: FailureSignature | null;
    };

// After one outcome: finish, stop, retry, stop early on a repeated signature (D-SPIN-3), or exhaust (D-EXH-1).
export function decideNextStep(
  decision: OutcomeDecision,
  state: CycleState,
): NextStep {
  if (decision.then === "done") return { action: "done" };
  if (decision.then === "stop") return { action: "stop" };
  const { unitId, attempt, max } = state;
  if (decision.then === "escalate")
    return {
      action: "escalate",
      priorSignature: state.priorSignature,
      escalation: {
        reason: "agent_reported_blocked",
        attempts: attempt,
        lastAttempt: attempt,
        failure: null,
        commitSubject: `chore(loop): ${unitId} blocked_human (agent-reported)`,
      },
    };
  const sig = decision.outcome === "failed" ? decision.failure : null;
  const hasRealSignature = sig !== null && !isNoMarker(sig);
  if (
    hasRealSignature &&
    state.priorSignature !== null &&
    samePair(sig, state.priorSignature)
  )
    return {
      action: "escalate",
      priorSignature: sig,
      escalation: {
        reason: "spinning_signature_repeat",
        attempts: attempt,
        lastAttempt: attempt,
        failure: sig,
        commitSubject: `chore(loop): ${unitId} blocked_human (spinning_signature_repeat, attempt ${attempt})`,
      },
    };
  const priorSignature = hasRealSignature ? sig : state.priorSignature;
  if (attempt < max)
    return { action: "retry", nextAttempt: attempt + 1, priorSignature };
  const reason = exhaustionReason(state.outcomes);
  return {
    action: "escalate",
    priorSignature,
    escalation: {
      reason,
      attempts: max,
      lastAttempt: attempt,
      failure: null,
      commitSubject: `chore(loop): ${unitId} blocked_human (${reason}, ${max} attempts)`,
    },
  };
}

// The exhaustion reason (D-EXH-1): all zero-token, else all timeout, else spinning_detected.
export function exhaustionReason(
  outcomes: readonly Outcome[],
): "all_attempts_zero_token" | "all_attempts_timeout" | "spinning_detected" {
  if (outcomes.length > 0 && outcomes.every((o) => o === "zero_token"))
    return "all_attempts_zero_token";
  if (outcomes.length > 0 && outcomes.every((o) => o === "timeout"))
    return "all_attempts_timeout";
  return "spinning_detected";
}

// The `human_escalation` payload of an escalation, keys in the order formats.md F-EV-3 lists them.
export function escalationPayload(
  escalation: Escalation,
  blockedReason: string | null,
  attemptsUsage: readonly AttemptRecord[],
): HumanEscalationPayload {
  const attempts = escalation.attempts;
  const usage = attemptsUsage.map((r) => ({ ...r }));
  const { reason, failure } = escalation;
  if (reason === "agent_reported_blocked")
    return {
      reason,
      blocked_reason: blockedReason,
      attempts,
      attempts_usage: usage,
    };
  if (reason === "spinning_signature_repeat" && failure !== null)
    return {
      reason,
      failure_class: failure.failure_class,
      failure_signature: failure.failure_signature,
      attempts,
      attempts_usage: usage,
    };
  if (reason === "spinning_signature_repeat")
    throw new Error("a spinning stop always carries its failure pair");
  return { reason, attempts, attempts_usage: usage };
}

function samePair(a: FailureSignature, b: FailureSignature): boolean {
  return (
    a.failure_class === b.failure_class &&
    a.failure_signature === b.failure_signature
  );
}
