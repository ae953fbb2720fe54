import { describe, expect, it } from "vitest";
import {
  classifyAttempt,
  interruptedDecision,
  type AttemptFacts,
  type OutcomeDecision,
} from "../../src/driver/attempt/decide-outcome.js";
import {
  decideReArmFold,
  lastReArmReason,
  reArmCountOf,
} from "../../src/driver/unit/re-arm-fold.js";
import {
  decideCycleStart,
  decideNextStep,
  escalationPayload,
  exhaustionReason,
  resolveMaxAttempts,
  type CycleState,
} from "../../src/driver/unit/retry-policy.js";
import type { FailureSignature, Outcome } from "../../src/types/outcome.js";

const ID = "FEAT-2026-0042/T01";

const facts: AttemptFacts = {
  stop: null,
  timeout: null,
  isCostTracking: true,
  usage: { input_tokens: 3 },
  agentStatus: "complete",
  blockedReason: null,
  protectedPaths: [],
  verification: { isPassed: true, evidence: "" },
  unchangedPaths: [],
  pass: { outcome: "passed" },
};
function outcomeOf(over: Partial<AttemptFacts>): OutcomeDecision {
  const c = classifyAttempt({ ...facts, ...over });
  if (c.status !== "decided") throw new Error("undecided");
  return c.decision;
}
const failed = (line: string) =>
  outcomeOf({
    verification: {
      isPassed: false,
      evidence: `### tests: FAIL\n\`\`\`\n$ t\n${line}\n\`\`\``,
    },
  });
const noMarker = outcomeOf({
  verification: { isPassed: false, evidence: "CONFIGURATION ERROR" },
});
const zero = outcomeOf({ usage: { input_tokens: 0 } });
const timeout = outcomeOf({ timeout: { kind: "wall_clock", limitSeconds: 1 } });

function state(over: Partial<CycleState>): CycleState {
  return {
    unitId: ID,
    attempt: 1,
    max: 3,
    outcomes: [],
    priorSignature: null,
    ...over,
  };
}

describe("resolveMaxAttempts (driver D-ATT-1)", () => {
  it.each([
    ["unit wins", { unit: 2, cli: 5, config: 4 }, 2],
    ["--max-attempts next", { cli: 5, config: 4 }, 5],
    ["config next", { config: 4 }, 4],
    ["default 3", {}, 3],
    ["a non-number unit value is skipped", { unit: "7", cli: 6 }, 6],
  ])("D-ATT-1 %s", (_n, sources, max) => {
    expect(resolveMaxAttempts(sources)).toBe(max);
  });
});

describe("decideCycleStart (driver D-ATT-1)", () => {
  it.each([
    [0, 1, false, false],
    [1, 2, true, false],
    [2, 3, true, false],
    [3, 1, false, true],
    [7, 1, false, true],
    [-1, 1, false, false],
  ])(
    "D-ATT-1 attempts=%i with max 3 starts at %i",
    (attempts, start, isContinuation, hasWarning) => {
      const s = decideCycleStart(ID, attempts, 3);
      expect(s.startAttempt).toBe(start);
      expect(s.isContinuation).toBe(isContinuation);
      expect(s.warning !== null).toBe(hasWarning);
    },
  );

  it("D-ATT-1 the warning points to specfuse unblock", () => {
    expect(decideCycleStart(ID, 3, 3).warning).toContain(
      `specfuse unblock ${ID} --reason "<what changed>"`,
    );
  });

  it("D-ATT-1 a missing or odd attempts value starts at 1", () => {
    expect(decideCycleStart(ID, undefined, 3).startAttempt).toBe(1);
    expect(decideCycleStart(ID, 1.5, 3).startAttempt).toBe(1);
  });
});

describe("decideNextStep (driver D-OUT-1, D-SPIN-3, D-EXH-1)", () => {
  it("D-OUT-1 passed is done; interrupted stops", () => {
    expect(decideNextStep(outcomeOf({}), state({}))).toStrictEqual({
      action: "done",
    });
    expect(
      decideNextStep(
        interruptedDecision({ kind: "signal", signal: "SIGINT" }),
        state({}),
      ),
    ).toStrictEqual({ action: "stop" });
  });

  it("D-OUT-2 blocked escalates at once, even on attempt 1", () => {
    const next = decideNextStep(
      outcomeOf({ agentStatus: "blocked" }),
      state({ attempt: 1 }),
    );
    expect(next).toMatchObject({
      action: "escalate",
      escalation: {
        reason: "agent_reported_blocked",
        attempts: 1,
        lastAttempt: 1,
        commitSubject: `chore(loop): ${ID} blocked_human (agent-reported)`,
      },
    });
  });

  it("D-SPIN-3 a failure records its pair and retries", () => {
    const next = decideNextStep(failed("FAILED a::b"), state({ attempt: 1 }));
    expect(next).toStrictEqual({
      action: "retry",
      nextAttempt: 2,
      priorSignature: { failure_class: "tests", failure_signature: "a::b" },
    });
  });

  it("D-SPIN-3 the same pair twice stops early, before max", () => {
    const prior: FailureSignature = {
      failure_class: "tests",
      failure_signature: "a::b",
    };
    const next = decideNextStep(
      failed("FAILED a::b"),
      state({ attempt: 2, priorSignature: prior }),
    );
    expect(next).toMatchObject({
      action: "escalate",
      escalation: {
        reason: "spinning_signature_repeat",
        attempts: 2,
        failure: prior,
        commitSubject: `chore(loop): ${ID} blocked_human (spinning_signature_repeat, attempt 2)`,
      },
    });
  });

  it("D-SPIN-3 the early stop wins over exhaustion on the last attempt", () => {
    const prior: FailureSignature = {
      failure_class: "tests",
      failure_signature: "a::b",
    };
    const next = decideNextStep(
      failed("FAILED a::b"),
      state({
        attempt: 3,
        priorSignature: prior,
        outcomes: ["failed", "failed", "failed"],
      }),
    );
    expect(next.action === "escalate" && next.escalation.reason).toBe(
      "spinning_signature_repeat",
    );
  });

  it("D-SPIN-3 the no-marker pair never repeats and never replaces the recorded pair", () => {
    const prior: FailureSignature = {
      failure_class: "tests",
      failure_signature: "a::b",
    };
    const next = decideNextStep(
      noMarker,
      state({ attempt: 1, priorSignature: prior }),
    );
    expect(next).toStrictEqual({
      action: "retry",
      nextAttempt: 2,
      priorSignature: prior,
    });
    const again = decideNextStep(
      noMarker,
      state({
        attempt: 2,
        priorSignature: {
          failure_class: "other",
          failure_signature: "no_gate_marker",
        },
      }),
    );
    expect(again.action).toBe("retry");
  });

  it("D-SPIN-3 other outcomes keep the recorded pair", () => {
    const prior: FailureSignature = {
      failure_class: "lint",
      failure_signature: "E1",
    };
    const next = decideNextStep(
      zero,
      state({ attempt: 1, priorSignature: prior }),
    );
    expect(next).toStrictEqual({
      action: "retry",
      nextAttempt: 2,
      priorSignature: prior,
    });
  });

  it("D-SPIN-3 a different signature is not a repeat", () => {
    const prior: FailureSignature = {
      failure_class: "tests",
      failure_signature: "a::b",
    };
    const next = decideNextStep(
      failed("FAILED a::c"),
      state({ attempt: 2, priorSignature: prior }),
    );
    expect(next.action).toBe("retry");
  });

  const exhaust: Array<[string, OutcomeDecision, Outcome[], string]> = [
    [
      "all zero-token",
      zero,
      ["zero_token", "zero_token", "zero_token"],
      "all_attempts_zero_token",
    ],
    [
      "all timeout (new)",
      timeout,
      ["timeout", "timeout", "timeout"],
      "all_attempts_timeout",
    ],
    [
      "mixed",
      timeout,
      ["zero_token", "failed", "timeout"],
      "spinning_detected",
    ],
  ];
  it.each(exhaust)("D-EXH-1 %s", (_n, last, outcomes, reason) => {
    const next = decideNextStep(last, state({ attempt: 3, outcomes }));
    expect(next).toMatchObject({
      action: "escalate",
      escalation: {
        reason,
        attempts: 3,
        lastAttempt: 3,
        failure: null,
        commitSubject: `chore(loop): ${ID} blocked_human (${reason}, 3 attempts)`,
      },
    });
  });

  it("D-EXH-1 an empty list is spinning_detected", () => {
    expect(exhaustionReason([])).toBe("spinning_detected");
  });
});

describe("escalationPayload (formats.md F-EV-3)", () => {
  const usage = [{ attempt: 1, duration_seconds: 1.5 }];
  it("D-OUT-2 agent-reported payload", () => {
    const next = decideNextStep(
      outcomeOf({ agentStatus: "blocked" }),
      state({}),
    );
    if (next.action !== "escalate") throw new Error("expected escalate");
    const p = escalationPayload(next.escalation, "need a decision", usage);
    expect(Object.keys(p)).toStrictEqual([
      "reason",
      "blocked_reason",
      "attempts",
      "attempts_usage",
    ]);
    expect(p).toStrictEqual({
      reason: "agent_reported_blocked",
      blocked_reason: "need a decision",
      attempts: 1,
      attempts_usage: usage,
    });
  });
  it("D-SPIN-3 spinning payload", () => {
    const prior: FailureSignature = {
      failure_class: "tests",
      failure_signature: "a::b",
    };
    const next = decideNextStep(
      failed("FAILED a::b"),
      state({ attempt: 2, priorSignature: prior }),
    );
    if (next.action !== "escalate") throw new Error("expected escalate");
    expect(
      Object.keys(escalationPayload(next.escalation, null, usage)),
    ).toStrictEqual([
      "reason",
      "failure_class",
      "failure_signature",
      "attempts",
      "attempts_usage",
    ]);
  });
  it("D-EXH-2 exhaustion payload has attempts = max", () => {
    const next = decideNextStep(
      zero,
      state({ attempt: 3, outcomes: ["zero_token"] }),
    );
    if (next.action !== "escalate") throw new Error("expected escalate");
    expect(escalationPayload(next.escalation, null, usage)).toStrictEqual({
      reason: "all_attempts_zero_token",
      attempts: 3,
      attempts_usage: usage,
    });
  });
});

describe("re-arm fold (driver D-ATT-2, D-COST-4)", () => {
  const fm = {
    re_arm_count: 1,
    attempts: 0,
    cost_usd: 0.1234567,
    duration_seconds: 10.0004,
    input_tokens: 100,
    output_tokens: 50,
    cumulative_cost_usd: 1,
    cumulative_duration_seconds: 5,
    cumulative_input_tokens: 1,
    re_arm_history: [{ reason: "first" }, { reason: "fixed the fixture" }],
  };

  it("D-ATT-2 folds the per-cycle fields into cumulative_* and resets them", () => {
    const fold = decideReArmFold(fm, 1);
    expect(fold?.writes).toStrictEqual([
      { key: "cumulative_cost_usd", value: 1.123457, isFloat: true },
      { key: "cumulative_duration_seconds", value: 15.0, isFloat: true },
      { key: "cumulative_input_tokens", value: 101, isFloat: false },
      { key: "cumulative_output_tokens", value: 50, isFloat: false },
      { key: "cost_usd", value: 0, isFloat: true },
      { key: "duration_seconds", value: 0, isFloat: true },
      { key: "input_tokens", value: 0, isFloat: false },
      { key: "output_tokens", value: 0, isFloat: false },
    ]);
    expect(fold?.event).toStrictEqual({
      re_arm_count: 1,
      reason: "fixed the fixture",
    });
  });

  it("D-ATT-2 folds even when every field is zero", () => {
    expect(
      decideReArmFold({ re_arm_count: 2, attempts: 0 }, 1)?.event,
    ).toStrictEqual({
      re_arm_count: 2,
      reason: "",
    });
  });

  it.each([
    ["never re-armed", { ...fm, re_arm_count: 0 }, 1],
    ["attempts not 0", { ...fm, attempts: 1 }, 1],
    ["continuing cycle", fm, 2],
  ])("D-ATT-2 no fold when %s", (_n, unit, start) => {
    expect(decideReArmFold(unit, start)).toBeNull();
  });

  it("Q6 reads the legacy rearm_count too", () => {
    expect(reArmCountOf({ rearm_count: 2 })).toBe(2);
    expect(reArmCountOf({ re_arm_count: 1, rearm_count: 3 })).toBe(3);
    expect(reArmCountOf({ re_arm_count: "2" })).toBe(0);
  });

  it("F-WU-4 reads the last history reason, or empty", () => {
    expect(lastReArmReason({ re_arm_history: "nope" })).toBe("");
    expect(lastReArmReason({ re_arm_history: [{ reason: 42 }] })).toBe("42");
    expect(lastReArmReason({ re_arm_history: [["x"]] })).toBe("");
  });
});
