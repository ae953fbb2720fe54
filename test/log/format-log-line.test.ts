import { describe, expect, it } from "vitest";
import { formatLogLine, payloadPairs } from "../../src/log/format-log-line.js";
import { makePaint } from "../../src/output/color.js";
import type { StoredEvent } from "../../src/events/event-types.js";

const ev = (
  event_type: string,
  payload: Record<string, unknown>,
): StoredEvent => ({
  timestamp: "2026-11-22T02:01:24.506000+00:00",
  correlation_id: "FEAT-2026-0042/T01",
  event_type,
  source: "driver",
  source_version: "0.4.0",
  payload,
});

const t = Date.UTC(2026, 10, 22, 2, 1, 24, 506);
const local = new Date(t);
const clock = [local.getHours(), local.getMinutes(), local.getSeconds()]
  .map((n) => String(n).padStart(2, "0"))
  .join(":");

describe("log text lines (driver §32 D-LOG-1)", () => {
  it("D-LOG-1 local time, correlation id, type and key payload values", () => {
    expect(
      formatLogLine(
        ev("attempt_outcome", {
          attempt: 2,
          outcome: "failed",
          duration_seconds: 84.1,
          cost_usd: 0.4123,
          input_tokens: 10,
          failure_class: "tests",
          failure_signature: "test_bucket refill",
          failure_excerpt: "long text that is left out",
          agent_status: "complete",
        }),
        t,
        makePaint(false),
      ),
    ).toBe(
      `${clock}  FEAT-2026-0042/T01  attempt_outcome  attempt=2  outcome=failed  duration=1:24  cost=$0.41  failure_class=tests  failure_signature="test_bucket refill"  agent_status=complete`,
    );
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      "task_started",
      {
        type: "implementation",
        model: "sonnet",
        effort: "medium",
        re_arm_count: 0,
      },
      ["type=implementation", "model=sonnet", "effort=medium"],
    ],
    [
      "task_completed",
      {
        attempts: 2,
        attempts_usage: [
          { attempt: 1, duration_seconds: 60, cost_usd: 0.2 },
          { attempt: 2, duration_seconds: 30.5, cost_usd: 0.1 },
        ],
      },
      ["attempts=2", "cost=$0.30", "time=1:30"],
    ],
    [
      "gate_armed",
      {
        gate: 2,
        armed: ["FEAT-2026-0042/T03", "FEAT-2026-0042/T04"],
        gates_passed: [1],
      },
      ["gate=2", "armed=[T03,T04]", "gates_passed=[1]"],
    ],
    [
      "wu_unblocked",
      {
        re_arm_count: 1,
        reason: "fixed the flaky check",
        prior_status: "blocked_human",
        prior_attempts: 3,
      },
      [
        "re_arm_count=1",
        "prior_status=blocked_human",
        "prior_attempts=3",
        'reason="fixed the flaky check"',
      ],
    ],
    [
      "human_escalation",
      {
        reason: "gate_budget_exceeded",
        budget_usd: 2,
        spent_usd: 2.5,
        next_wu_id: "X/T05",
      },
      [
        "reason=gate_budget_exceeded",
        "spent=$2.50",
        "budget=$2.00",
        "next_wu_id=X/T05",
      ],
    ],
    [
      "plan_next_draft_lint",
      { gate: 1, warns: ["a", "b"], blocking: false },
      ["gate=1", "warns=2"],
    ],
    [
      "custom_event",
      { note: "hi", n: 3, nested: { a: 1 } },
      ["note=hi", "n=3"],
    ],
  ])("%s shows its key values", (type, payload, expected) => {
    expect(payloadPairs(type, payload)).toEqual(expected);
  });

  it("long values are cut and quoted; an unreadable time shows as ??:??:??", () => {
    const pairs = payloadPairs("re_arm_dispatched", {
      re_arm_count: 1,
      reason: "x".repeat(200),
    });
    expect(pairs[1]).toMatch(/^reason=x{79}…$/);
    expect(
      formatLogLine(ev("gate_reached", { gate: 1 }), null, makePaint(false)),
    ).toMatch(/^\?\?:\?\?:\?\? /);
  });
});
