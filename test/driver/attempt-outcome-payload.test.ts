import { describe, expect, it } from "vitest";
import { attemptOutcomePayload } from "../../src/driver/attempt/attempt-outcome-payload.js";
import {
  classifyAttempt,
  interruptedDecision,
  type AttemptFacts,
  type OutcomeDecision,
} from "../../src/driver/attempt/decide-outcome.js";

const facts: AttemptFacts = {
  stop: null,
  timeout: null,
  isCostTracking: true,
  usage: { input_tokens: 4 },
  agentStatus: "missing",
  blockedReason: null,
  protectedPaths: [],
  verification: { isPassed: true, evidence: "" },
  unchangedPaths: [],
  pass: { outcome: "passed" },
};
function decided(over: Partial<AttemptFacts>): OutcomeDecision {
  const c = classifyAttempt({ ...facts, ...over });
  if (c.status !== "decided") throw new Error("undecided");
  return c.decision;
}

const FIXED = [
  "attempt",
  "outcome",
  "duration_seconds",
  "cost_usd",
  "input_tokens",
  "output_tokens",
  "cache_read_input_tokens",
  "cache_creation_input_tokens",
  "model",
  "effort",
  "failure_class",
  "failure_signature",
  "failure_excerpt",
  "files_touched",
  "agent_status",
  "agent_blocked_reason",
  "re_arm_count",
];

describe("attemptOutcomePayload (driver D-EVT-5, formats.md F-EV-4)", () => {
  it("D-EVT-5 fixed keys come first, in order, with 0 defaults", () => {
    const p = attemptOutcomePayload({
      decision: decided({}),
      record: { attempt: 2, duration_seconds: 3.5 },
      model: "sonnet",
      effort: "medium",
      failureExcerpt: "ignored",
      filesTouched: ["src/a.ts"],
      reArmCount: 1,
    });
    expect(Object.keys(p)).toStrictEqual(FIXED);
    expect(p).toMatchObject({
      attempt: 2,
      outcome: "passed",
      cost_usd: 0,
      input_tokens: 0,
      failure_class: null,
      failure_excerpt: null,
      agent_status: "missing",
      re_arm_count: 1,
    });
  });

  it("D-EVT-5 a failed attempt carries its class, signature and excerpt", () => {
    const p = attemptOutcomePayload({
      decision: decided({
        verification: { isPassed: false, evidence: "### lint: FAIL\nE501 x" },
      }),
      record: {
        attempt: 1,
        duration_seconds: 1,
        cost_usd: 0.5,
        input_tokens: 10,
      },
      model: "m",
      effort: "e",
      failureExcerpt: "E501 x",
      filesTouched: [],
      reArmCount: 0,
    });
    expect(p).toMatchObject({
      outcome: "failed",
      cost_usd: 0.5,
      input_tokens: 10,
      failure_class: "lint",
      failure_signature: "E501",
      failure_excerpt: "E501 x",
    });
  });

  it("F-EV-4 extras follow in table order, agent fields last", () => {
    const p = attemptOutcomePayload({
      decision: interruptedDecision({ kind: "signal", signal: "SIGINT" }),
      record: { attempt: 3, duration_seconds: 0.2 },
      model: "m",
      effort: "e",
      failureExcerpt: null,
      filesTouched: [],
      reArmCount: 0,
      agentCommits: ["abc123"],
      agent: {
        is_error: true,
        subtype: "error_max_turns",
        session_id: "s1",
        permission_denials: ["Bash"],
        exit_code: 1,
      },
    });
    expect(Object.keys(p).slice(FIXED.length)).toStrictEqual([
      "interrupt_reason",
      "counted",
      "agent_commits",
      "agent_is_error",
      "agent_subtype",
      "agent_session_id",
      "permission_denials",
      "agent_exit_code",
    ]);
    expect(p.agent_status).toBeNull();
  });

  it("F-EV-4 guard extras: summary, assertion, missing", () => {
    const p = attemptOutcomePayload({
      decision: decided({
        pass: {
          outcome: "deliverable_missing",
          summary: "declared deliverable absent: a",
          missing: ["a"],
        },
      }),
      record: { attempt: 1, duration_seconds: 1 },
      model: "m",
      effort: "e",
      failureExcerpt: null,
      filesTouched: [],
      reArmCount: 0,
      agentCommits: [],
    });
    expect(Object.keys(p).slice(FIXED.length)).toStrictEqual([
      "summary",
      "missing",
    ]);
  });
});
