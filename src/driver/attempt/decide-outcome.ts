import type {
  AgentStatus,
  FailureSignature,
  InterruptCause,
  Outcome,
  TimeoutKind,
  TreeAction,
  Usage,
} from "../../types/outcome.js";
import { failureSignature } from "./failure-signature.js";
import {
  filesChangedNote,
  guardNote,
  protectedNote,
  timeoutNote,
  zeroTokenNote,
} from "./outcome-notes.js";

/** The guard outcomes of the pass pipeline (driver §10). */
export type GuardOutcome =
  | "squash_commit_failed"
  | "smoke_import_failed"
  | "closing_deliverable_missing"
  | "deliverable_missing"
  | "no_deliverable_files";

/** The result of the pass pipeline (D-ATT-5 step 9). */
export type PassResult =
  | { outcome: "passed" }
  | {
      outcome: GuardOutcome;
      /** The guard's summary; for a rejected squash, already redacted (D-GIT-6). */
      summary: string;
      /** `closing_deliverable_missing` only: the first unmet assertion's name. */
      assertion?: string;
      /** `deliverable_missing` only. */
      missing?: string[];
    };

/**
 * Everything known about one attempt, gathered step by step (driver D-ATT-5).
 * Fields of later steps stay undefined until that step has run.
 */
export interface AttemptFacts {
  /** Step 2: a stop was requested (signal or lost lock), or null. */
  stop: InterruptCause | null;
  /** Step 3: the agent limit that fired, or null. */
  timeout: { kind: TimeoutKind; limitSeconds: number } | null;
  /** verification.yml `cost_tracking` (D-VER-1). */
  isCostTracking: boolean;
  /** Usage as parsed from the agent, or null when there was none (D-DISP-5). */
  usage: Usage | null;
  /** RESULT verdict (D-RESULT-2). */
  agentStatus: AgentStatus;
  /** RESULT `blocked_reason` as a string, or null. */
  blockedReason: string | null;
  /** Step 6: protected paths that changed (§17); empty when none. */
  protectedPaths: readonly string[];
  /** Step 7: verification result; undefined until the gates ran. */
  verification?: { isPassed: boolean; evidence: string };
  /** Step 8: the declared paths found unchanged (D-GUARD-1); undefined until checked. */
  unchangedPaths?: readonly string[];
  /** Step 9: the pass pipeline's result; undefined until it ran. */
  pass?: PassResult;
}

/** The F-EV-4 extras an outcome carries, in the order they are written. */
export interface OutcomeExtras {
  summary?: string;
  assertion?: string;
  missing?: string[];
  unchanged_paths?: string[];
  protected_paths?: string[];
  timeout_kind?: TimeoutKind;
  limit_seconds?: number;
  interrupt_reason?: string;
  counted?: boolean;
}

/** How one attempt is recorded and handled (driver D-OUT-1). */
export interface OutcomeDecision {
  outcome: Outcome;
  /** Whether the attempt counts towards `max`. */
  isCounted: boolean;
  /** What happens to the tree. */
  tree: TreeAction;
  /** The D-OUT-1 "Then" column; `retry` may still become a spinning stop or exhaustion (retry-policy). */
  then: "done" | "retry" | "escalate" | "stop";
  /** The note for the next attempt, written to `attempt-<a>.md`, or null. */
  note: string | null;
  /** `failed` only: class and signature (the excerpt comes from verify/evidence). */
  failure: FailureSignature | null;
  /** F-EV-4 `agent_status`: null when the attempt ended before the agent's output was judged. */
  agentStatus: AgentStatus | null;
  /** F-EV-4 `agent_blocked_reason`. */
  agentBlockedReason: string | null;
  extras: OutcomeExtras;
}

/** A decided attempt, or the next step the orchestrator must run first. */
export type Classification =
  | { status: "decided"; decision: OutcomeDecision }
  | { status: "needs"; step: "verification" | "files_changed" | "pass" };

// Classifies one attempt (D-ATT-5): the first matching step decides; later steps are asked for only when needed.
export function classifyAttempt(facts: AttemptFacts): Classification {
  const decided = (d: OutcomeDecision): Classification => ({
    status: "decided",
    decision: d,
  });
  if (facts.stop !== null) return decided(interruptedDecision(facts.stop));
  if (facts.timeout !== null) return decided(timeoutDecision(facts.timeout));
  if (isZeroToken(facts.isCostTracking, facts.usage))
    return decided(
      base("zero_token", "retry", zeroTokenNote(), { agentStatus: null }),
    );
  const judged = { agentStatus: facts.agentStatus };
  if (facts.agentStatus === "blocked")
    return decided({
      ...base("blocked", "escalate", null, judged),
      agentBlockedReason: facts.blockedReason,
    });
  if (facts.protectedPaths.length > 0) {
    const paths = [...facts.protectedPaths];
    return decided({
      ...base("protected_path_modified", "retry", protectedNote(paths), judged),
      extras: { protected_paths: paths },
    });
  }
  if (facts.verification === undefined)
    return { status: "needs", step: "verification" };
  if (!facts.verification.isPassed) {
    const evidence = facts.verification.evidence;
    return decided({
      ...base("failed", "retry", evidence, judged),
      failure: failureSignature(evidence),
    });
  }
  if (facts.unchangedPaths === undefined)
    return { status: "needs", step: "files_changed" };
  if (facts.unchangedPaths.length > 0) {
    const paths = [...facts.unchangedPaths];
    return decided({
      ...base(
        "files_changed_mismatch",
        "retry",
        filesChangedNote(paths),
        judged,
      ),
      extras: { unchanged_paths: paths },
    });
  }
  if (facts.pass === undefined) return { status: "needs", step: "pass" };
  return decided(passDecision(facts.pass, judged.agentStatus));
}

// Zero-token rule (D-ATT-5 step 4): cost tracking on, input_tokens reported, and no input of any kind.
export function isZeroToken(
  isCostTracking: boolean,
  usage: Usage | null,
): boolean {
  if (!isCostTracking || usage === null || usage.input_tokens === undefined)
    return false;
  const total =
    usage.input_tokens +
    (usage.cache_read_input_tokens ?? 0) +
    (usage.cache_creation_input_tokens ?? 0);
  return total === 0;
}

// The `interrupted` decision for a signal, a lost lock, or a crash found by recovery (D-OUT-1, D-REC-3).
export function interruptedDecision(cause: InterruptCause): OutcomeDecision {
  const reason =
    cause.kind === "signal" ? `signal:${cause.signal}` : cause.kind;
  // A signal undoes the attempt; a lost lock or a crash leaves `attempts: a` on disk, so it counts.
  const isCounted = cause.kind !== "signal";
  const tree: TreeAction =
    cause.kind === "lock_compromised" ? "untouched" : "restore";
  const note =
    cause.kind === "driver_crash"
      ? "Attempt interrupted: the driver stopped before this attempt finished. Its changes were set aside and the tree was reset to the commit the attempt started from."
      : null;
  return {
    ...base("interrupted", "stop", note, { agentStatus: null }),
    isCounted,
    tree,
    extras: { interrupt_reason: reason, counted: isCounted },
  };
}

function timeoutDecision(t: {
  kind: TimeoutKind;
  limitSeconds: number;
}): OutcomeDecision {
  return {
    ...base("timeout", "retry", timeoutNote(t.kind, t.limitSeconds), {
      agentStatus: null,
    }),
    extras: { timeout_kind: t.kind, limit_seconds: t.limitSeconds },
  };
}

function passDecision(
  pass: PassResult,
  agentStatus: AgentStatus,
): OutcomeDecision {
  if (pass.outcome === "passed")
    return { ...base("passed", "done", null, { agentStatus }), tree: "keep" };
  const extras: OutcomeExtras = { summary: pass.summary };
  if (pass.outcome === "closing_deliverable_missing")
    extras.assertion = pass.assertion ?? "";
  if (pass.outcome === "deliverable_missing")
    extras.missing = [...(pass.missing ?? [])];
  return {
    ...base(pass.outcome, "retry", guardNote(pass.outcome, pass.summary), {
      agentStatus,
    }),
    extras,
  };
}

function base(
  outcome: Outcome,
  then: OutcomeDecision["then"],
  note: string | null,
  judged: { agentStatus: AgentStatus | null },
): OutcomeDecision {
  return {
    outcome,
    isCounted: true,
    tree: "restore",
    then,
    note,
    failure: null,
    agentStatus: judged.agentStatus,
    agentBlockedReason: null,
    extras: {},
  };
}
