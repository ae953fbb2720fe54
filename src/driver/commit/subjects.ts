/** A bookkeeping commit: its subject and the value of its `Feature:` trailer (a WU ID or the feature ID). */
export interface BookkeepingMessage {
  subject: string;
  feature: string;
}

/** Why a cycle ran out of attempts (driver D-EXH-1). */
export type ExhaustionReason =
  "spinning_detected" | "all_attempts_zero_token" | "all_attempts_timeout";

const loop = (subject: string, feature: string): BookkeepingMessage => ({
  subject: `chore(loop): ${subject}`,
  feature,
});

// Every bookkeeping subject of formats.md F-GIT-3 / driver D-GIT-8, each paired with the right `Feature:` value.
export const subjects = {
  /** The agent reported `blocked` (D-OUT-2). */
  blockedAgentReported: (wu: string) =>
    loop(`${wu} blocked_human (agent-reported)`, wu),
  /** The same failure signature twice in a row (D-SPIN-3). */
  blockedSpinning: (wu: string, attempt: number) =>
    loop(
      `${wu} blocked_human (spinning_signature_repeat, attempt ${attempt})`,
      wu,
    ),
  /** Every attempt used up (D-EXH-2). */
  blockedExhausted: (wu: string, reason: ExhaustionReason, attempts: number) =>
    loop(`${wu} blocked_human (${reason}, ${attempts} attempts)`, wu),
  /** A hedged close verdict put PLAN back to `active` (D-PASS-7). */
  revertPlanDone: (wu: string) =>
    loop(`${wu} revert PLAN.md done (hedged verdict)`, wu),
  /** The auto-close predicate closed a unit (§24). */
  autoClosed: (wu: string, featureId: string) =>
    loop(`${wu} auto-closed (predicate=v1)`, featureId),
  /** The gate budget brake (D-BUDGET-2); the dash is an em dash. */
  budgetExceeded: (gate: number, featureId: string) =>
    loop(`gate ${gate} budget exceeded \u2014 awaiting_review`, featureId),
  /** The gate completed (D-END-3). */
  gateAwaitingReview: (gate: number, featureId: string) =>
    loop(`gate ${gate} awaiting_review`, featureId),
  /** The terminal flips after a `met` close (D-FLIP). */
  terminalFlips: (closeWu: string, featureId: string) =>
    loop(`${closeWu} terminal flips`, featureId),
  /** The post-pass invariant failed (D-INV-2). */
  postPassInvariantFailed: (closeWu: string, featureId: string) =>
    loop(`${closeWu} post_pass_invariant_failed`, featureId),
  /** A signal stopped an attempt (D-SIGNAL-2). */
  interrupted: (wu: string, attempt: number) =>
    loop(`${wu} interrupted (attempt ${attempt})`, wu),
  /** Crash recovery of an attempt (D-REC-3). */
  recovered: (wu: string, attempt: number) =>
    loop(`${wu} recovered after interrupted attempt ${attempt}`, wu),
  /** The run-end commit (D-END-5). */
  gateHalted: (gate: number, featureId: string) =>
    loop(`gate ${gate} halted`, featureId),
  /** Every gate passed (D-END-6). */
  allGatesPassed: (featureId: string) =>
    loop(`${featureId} all gates passed`, featureId),
  /** `specfuse arm` (D-ARM-1). */
  armGate: (gate: number, featureId: string): BookkeepingMessage => ({
    subject: `chore(arm): arm gate ${gate}`,
    feature: featureId,
  }),
  /** `specfuse unblock` (D-UNB-1). */
  reArmed: (wu: string, reArmCount: number): BookkeepingMessage => ({
    subject: `chore(unblock): ${wu} re-armed (re_arm_count=${reArmCount})`,
    feature: wu,
  }),
} as const;
