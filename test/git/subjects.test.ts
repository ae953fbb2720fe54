import { describe, expect, it } from "vitest";
import { subjects } from "../../src/driver/commit/subjects.js";

const WU = "FEAT-2026-0042/T01";
const F = "FEAT-2026-0042";

describe("bookkeeping subjects (F-GIT-3, D-GIT-8)", () => {
  it.each([
    [
      subjects.blockedAgentReported(WU),
      `chore(loop): ${WU} blocked_human (agent-reported)`,
      WU,
    ],
    [
      subjects.blockedSpinning(WU, 2),
      `chore(loop): ${WU} blocked_human (spinning_signature_repeat, attempt 2)`,
      WU,
    ],
    [
      subjects.blockedExhausted(WU, "spinning_detected", 3),
      `chore(loop): ${WU} blocked_human (spinning_detected, 3 attempts)`,
      WU,
    ],
    [
      subjects.blockedExhausted(WU, "all_attempts_zero_token", 3),
      `chore(loop): ${WU} blocked_human (all_attempts_zero_token, 3 attempts)`,
      WU,
    ],
    [
      subjects.blockedExhausted(WU, "all_attempts_timeout", 4),
      `chore(loop): ${WU} blocked_human (all_attempts_timeout, 4 attempts)`,
      WU,
    ],
    [
      subjects.revertPlanDone(WU),
      `chore(loop): ${WU} revert PLAN.md done (hedged verdict)`,
      WU,
    ],
    [
      subjects.autoClosed(WU, F),
      `chore(loop): ${WU} auto-closed (predicate=v1)`,
      F,
    ],
    [
      subjects.budgetExceeded(2, F),
      "chore(loop): gate 2 budget exceeded \u2014 awaiting_review",
      F,
    ],
    [
      subjects.gateAwaitingReview(2, F),
      "chore(loop): gate 2 awaiting_review",
      F,
    ],
    [subjects.terminalFlips(WU, F), `chore(loop): ${WU} terminal flips`, F],
    [
      subjects.postPassInvariantFailed(WU, F),
      `chore(loop): ${WU} post_pass_invariant_failed`,
      F,
    ],
    [
      subjects.interrupted(WU, 2),
      `chore(loop): ${WU} interrupted (attempt 2)`,
      WU,
    ],
    [
      subjects.recovered(WU, 2),
      `chore(loop): ${WU} recovered after interrupted attempt 2`,
      WU,
    ],
    [subjects.gateHalted(3, F), "chore(loop): gate 3 halted", F],
    [subjects.allGatesPassed(F), `chore(loop): ${F} all gates passed`, F],
    [subjects.armGate(3, F), "chore(arm): arm gate 3", F],
    [
      subjects.reArmed(WU, 2),
      `chore(unblock): ${WU} re-armed (re_arm_count=2)`,
      WU,
    ],
  ])("%j", (message, subject, feature) => {
    expect(message).toStrictEqual({ subject, feature });
  });

  it("F-GIT-3: the budget subject uses an em dash (U+2014)", () => {
    const { subject } = subjects.budgetExceeded(1, F);
    expect(
      [...subject].filter((c) => c.codePointAt(0) === 0x2014),
    ).toHaveLength(1);
    expect(subject).not.toContain(" - ");
  });
});
