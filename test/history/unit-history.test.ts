import { describe, expect, it } from "vitest";
import { censusOf, isKnownEventType } from "../../src/history/event-census.js";
import {
  isFailedOutcome,
  outcomeCategory,
} from "../../src/history/outcome-category.js";
import { buildHistories, sumOf } from "../../src/history/unit-history.js";
import { eventsOf, outcome } from "./events-fixture.js";

const T1 = "FEAT-2026-0042/T01";
const T2 = "FEAT-2026-0042/T02";

describe("unit histories from events.jsonl (formats.md F-EV-3, F-EV-4)", () => {
  it("groups a unit's attempts into one cycle with its start and its ending", () => {
    const h = buildHistories(
      eventsOf([
        { type: "task_started", corr: T1, at: 0, payload: { re_arm_count: 0 } },
        outcome(T1, 1, "failed", 10),
        outcome(T1, 2, "passed", 30, { cost_usd: 0.5 }),
        {
          type: "task_completed",
          corr: T1,
          at: 31,
          payload: { attempts: 2, commit: "a".repeat(40) },
        },
        { type: "gate_reached", corr: "FEAT-2026-0042", at: 40 },
      ]),
    );
    expect([...h.keys()]).toEqual([T1]);
    const c = h.get(T1)?.cycles ?? [];
    expect(c).toHaveLength(1);
    expect(c[0]?.cycle).toBe(1);
    expect(c[0]?.startedAt).toBe("2026-11-22T02:00:00.000000+00:00");
    expect(c[0]?.attempts.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, "failed"],
      [2, "passed"],
    ]);
    expect(c[0]?.attempts[0]).toMatchObject({
      failureClass: "tests",
      failureExcerpt: "### tests: FAIL",
      durationSeconds: 10,
      costUsd: 0.25,
      isCounted: true,
      lane: null,
      endMs: Date.UTC(2026, 10, 22, 2, 0, 10),
    });
    expect(c[0]?.ending).toMatchObject({
      kind: "completed",
      commit: "a".repeat(40),
    });
    expect(sumOf(c[0]?.attempts ?? [], (a) => a.costUsd)).toBe(0.75);
    expect(sumOf([], (a) => a.costUsd)).toBeNull();
  });

  it("EV-CYC-1 an unblock starts cycle 2, also in a reference log whose attempts all say re_arm_count 0", () => {
    const h = buildHistories(
      eventsOf([
        outcome(T2, 1, "failed", 1),
        outcome(T2, 2, "failed", 2),
        {
          type: "human_escalation",
          corr: T2,
          at: 3,
          payload: { reason: "spinning_signature_repeat" },
        },
        { type: "wu_unblocked", corr: T2, at: 4, payload: { re_arm_count: 1 } },
        {
          type: "re_arm_dispatched",
          corr: T2,
          at: 5,
          payload: { re_arm_count: 1 },
        },
        outcome(T2, 1, "passed", 6),
      ]),
    ).get(T2);
    expect(h?.cycles.map((c) => c.cycle)).toEqual([1, 2]);
    expect(h?.cycles[0]?.ending).toMatchObject({
      kind: "escalated",
      reason: "spinning_signature_repeat",
    });
    expect(h?.cycles[1]?.attempts.map((a) => a.outcome)).toEqual(["passed"]);
    expect(h?.cycles[1]?.startedAt).not.toBeNull();
  });

  it("reads zero_token_skip as zero_token, parallel lanes and uncounted attempts; skips attempts without a number", () => {
    const a = buildHistories(
      eventsOf([
        outcome(T1, 1, "zero_token_skip", 1),
        outcome(T1, 2, "rate_limited", 2, {
          counted: false,
          lane: 2,
          run_id: "20261122T020000Z-42",
        }),
        outcome(T1, 0, "failed", 3),
        {
          type: "attempt_outcome",
          corr: T1,
          at: 4,
          payload: { outcome: "failed" },
        },
      ]),
    ).get(T1)?.cycles[0]?.attempts;
    expect(a?.map((x) => [x.outcome, x.isCounted, x.lane, x.runId])).toEqual([
      ["zero_token", true, null, null],
      ["rate_limited", false, 2, "20261122T020000Z-42"],
      ["failed", true, null, null],
    ]);
  });
});

describe("event census and outcome categories", () => {
  it("F-EV-1 counts unknown event types by type and knows the audit.md AU-EV-2 types", () => {
    const census = censusOf(
      eventsOf([
        { type: "task_started", corr: T1 },
        { type: "mystery_event", corr: T1 },
        { type: "terminal_flips", corr: "FEAT-2026-0042" },
        { type: "mystery_event", corr: T2 },
        { type: "from_the_future", corr: T2 },
      ]),
    );
    expect(census).toEqual({
      total: 5,
      unknown: [
        { type: "mystery_event", count: 2 },
        { type: "from_the_future", count: 1 },
      ],
      unknownTotal: 3,
    });
    expect(isKnownEventType("feature_completed")).toBe(true);
    expect(isKnownEventType("gate_armed")).toBe(true);
  });

  it.each([
    ["passed", "passed"],
    ["failed", "failed"],
    ["timeout", "timeout"],
    ["blocked", "blocked"],
    ["deliverable_missing", "guard"],
    ["protected_path_modified", "guard"],
    ["zero_token_skip", "zero_token"],
    ["interrupted", "interrupted"],
    ["integration_conflict", "integration"],
    ["something_new", "other"],
  ])("outcome %s is drawn as %s", (word, category) => {
    expect(outcomeCategory(word)).toBe(category);
  });

  it("every outcome but a pass leaves evidence", () => {
    expect(isFailedOutcome("passed")).toBe(false);
    expect(isFailedOutcome("timeout")).toBe(true);
    expect(outcomeCategory(null)).toBe("other");
  });
});
