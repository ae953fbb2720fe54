import { describe, expect, it } from "vitest";
import {
  decideCloseHandling,
  isLegacyShape,
  type CloseHandlingInput,
} from "../../src/driver/close/close-handling.js";
import {
  completedEnding,
  decideEnding,
  endingReport,
  type EndingContext,
  type WalkSummary,
} from "../../src/driver/end/ending.js";
import { unfinishedReasons } from "../../src/plan/frontier.js";

const blockedReason = unfinishedReasons(
  [{ id: "F/T01", status: "blocked_human", dependsOn: [] }],
  () => "blocked_human",
  () => true,
);

describe("decideEnding (driver D-END-1)", () => {
  const walk: WalkSummary = {
    hasEscalated: false,
    unfinished: [],
    wasAwaitingReview: false,
    hasProgress: true,
  };
  it.each<[string, Partial<WalkSummary>, unknown]>([
    [
      "escalation first, even with unfinished units",
      { hasEscalated: true, unfinished: blockedReason },
      { ending: "halted_escalation", exitCode: 1 },
    ],
    [
      "unfinished units (Q1, Fix 5)",
      { unfinished: blockedReason },
      { ending: "halted_blocked", exitCode: 1 },
    ],
    [
      "awaiting gate with nothing done (Q30)",
      { wasAwaitingReview: true, hasProgress: false },
      { ending: "nothing_to_do", exitCode: 0 },
    ],
    [
      "awaiting gate that dispatched the rest",
      { wasAwaitingReview: true, hasProgress: true },
      { ending: "complete" },
    ],
    ["otherwise complete", {}, { ending: "complete" }],
  ])("D-END-1 %s", (_n, over, expected) => {
    expect(decideEnding({ ...walk, ...over })).toStrictEqual(expected);
  });
});

describe("completedEnding (driver D-END-3, D-END-4)", () => {
  it.each<[string, Parameters<typeof completedEnding>[0], unknown]>([
    [
      "invariant failure halts",
      { planStatus: "done", isTerminalGate: true, isInvariantFailed: true },
      { ending: "halted_invariant", exitCode: 1 },
    ],
    [
      "PLAN done wraps",
      { planStatus: "done", isTerminalGate: true, isInvariantFailed: false },
      { ending: "feature_ready_to_wrap", exitCode: 0 },
    ],
    [
      "terminal without PLAN done",
      { planStatus: "active", isTerminalGate: true, isInvariantFailed: false },
      { ending: "terminal_incomplete", exitCode: 0 },
    ],
    [
      "a middle gate",
      { planStatus: "active", isTerminalGate: false, isInvariantFailed: false },
      { ending: "gate_awaiting_review", exitCode: 0 },
    ],
  ])("D-END-4 %s", (_n, input, expected) => {
    expect(completedEnding(input)).toStrictEqual(expected);
  });
});

describe("endingReport next steps (driver D-END-2, D-END-4, D-GATE-2, D-BUDGET-2)", () => {
  const ctx: EndingContext = {
    ending: "gate_awaiting_review",
    featureId: "FEAT-2026-0042",
    featureDir: ".specfuse/features/F",
    gate: 1,
    branch: "feat/limits",
  };

  it("D-END-4 gate_awaiting_review: read the review, arm, run", () => {
    expect(endingReport(ctx).nextSteps).toStrictEqual([
      "read .specfuse/features/F/GATE-02-REVIEW.md and the drafted units of gate 2",
      "specfuse arm   (accepts gate 1 and arms gate 2; --wu <ID>... arms a subset)",
      "specfuse run",
    ]);
  });

  it("D-END-4 feature_ready_to_wrap: push and open a pull request", () => {
    expect(
      endingReport({ ...ctx, ending: "feature_ready_to_wrap" }).nextSteps,
    ).toStrictEqual([
      "git push -u origin feat/limits",
      "open a pull request for feat/limits",
    ]);
  });

  it("D-END-4 terminal_incomplete: shows the verdict, settle by hand, then status", () => {
    const r = endingReport({
      ...ctx,
      ending: "terminal_incomplete",
      verdict: "partially_met",
      closeUnitFile: "F/WU-90.md",
    });
    expect(r.details[0]).toContain("the close verdict is partially_met");
    expect(r.details[0]).toContain("only for met");
    expect(r.nextSteps.at(-1)).toBe("specfuse status");
    expect(
      endingReport({ ...ctx, ending: "terminal_incomplete" }).details[0],
    ).toContain("verdict is unset");
  });

  it("D-END-4 nothing_to_do: specfuse arm", () => {
    expect(
      endingReport({ ...ctx, ending: "nothing_to_do" }).nextSteps[0],
    ).toMatch(/^specfuse arm /);
  });

  it("D-END-2 a halt lists each unit with its reason and notes, then unblock per blocked unit", () => {
    const r = endingReport({
      ...ctx,
      ending: "halted_escalation",
      units: [
        {
          id: "F/T01",
          status: "blocked_human",
          reason: "blocked_human",
          notes: ["F/work/F_T01/attempt-1.md"],
        },
        {
          id: "F/T02",
          status: "pending",
          reason: "waiting on F/T01 (blocked_human)",
          notes: [],
        },
      ],
    });
    expect(r.details).toStrictEqual([
      "F/T01: blocked_human",
      "  notes: F/work/F_T01/attempt-1.md",
      "F/T02: waiting on F/T01 (blocked_human)",
    ]);
    expect(r.nextSteps).toStrictEqual([
      "fix the cause (the notes above hold the evidence)",
      'specfuse unblock F/T01 --reason "<what changed>"',
      "specfuse run",
      "specfuse status   (shows the state)",
    ]);
  });

  it("D-END-2 without a blocked unit the unblock line is generic", () => {
    const r = endingReport({
      ...ctx,
      ending: "halted_blocked",
      units: [
        { id: "F/T3", status: "in_review", reason: "in_review", notes: [] },
      ],
    });
    expect(r.nextSteps).toContain(
      'specfuse unblock <ID> --reason "<what changed>"',
    );
    expect(r.headline).toBe("halted: gate 1 has unfinished units");
  });

  it("D-GATE-2 drafts_not_armed: arm the gate, then run", () => {
    const r = endingReport({
      ...ctx,
      ending: "drafts_not_armed",
      gate: 2,
      draftCount: 3,
      hasReviewFile: true,
    });
    expect(r.headline).toBe("gate 2 has 3 draft unit(s) and is not armed");
    expect(r.details).toStrictEqual([
      "review notes: .specfuse/features/F/GATE-02-REVIEW.md",
    ]);
    expect(r.nextSteps).toStrictEqual([
      "specfuse arm --gate 2   (--wu <ID>... arms a subset)",
      "specfuse run",
    ]);
  });

  it("D-BUDGET-2 halted_budget suggests raising cost_budget_usd", () => {
    const r = endingReport({
      ...ctx,
      ending: "halted_budget",
      gateFile: "F/GATE-01.md",
    });
    expect(r.nextSteps[0]).toContain("raise cost_budget_usd in F/GATE-01.md");
    expect(r.nextSteps[1]).toMatch(/^specfuse run /);
  });

  it("D-INV-2 halted_invariant lists the repairs", () => {
    const r = endingReport({
      ...ctx,
      ending: "halted_invariant",
      repairSteps: ["do x"],
    });
    expect(r.details).toStrictEqual(["do x"]);
  });

  it("D-END-6 feature_complete suggests wrapping up", () => {
    expect(
      endingReport({ ...ctx, ending: "feature_complete" }).nextSteps[0],
    ).toBe("git push -u origin feat/limits");
  });
});

describe("decideCloseHandling (driver D-PASS-7, Q32)", () => {
  const base: CloseHandlingInput = {
    unitId: "F/G2-CLOSE",
    type: "close",
    isTerminalGate: true,
    verdict: "met",
    planStatus: "active",
    gateUnits: [],
  };
  it.each<[string, Partial<CloseHandlingInput>, unknown]>([
    ["terminal met is remembered", {}, { action: "remember", path: "close" }],
    [
      "hedged verdict with PLAN done reverts",
      { verdict: "partially_met", planStatus: "done" },
      {
        action: "revert_plan",
        commitSubject:
          "chore(loop): F/G2-CLOSE revert PLAN.md done (hedged verdict)",
      },
    ],
    [
      "hedged verdict with PLAN active does nothing",
      { verdict: "not_met" },
      { action: "none" },
    ],
    [
      "implementation units do nothing",
      { type: "implementation" },
      { action: "none" },
    ],
  ])("D-PASS-7 %s", (_n, over, expected) => {
    expect(decideCloseHandling({ ...base, ...over })).toStrictEqual(expected);
  });

  it("D-PASS-7 a close outside the terminal gate warns and never flips", () => {
    const d = decideCloseHandling({ ...base, isTerminalGate: false });
    expect(d.action).toBe("warn");
  });

  it("D-PASS-7 legacy plan-next in the terminal gate with all four units done is remembered", () => {
    const four = ["retrospective", "lessons", "docs", "plan-next"].map(
      (type) => ({ type, status: "done" }),
    );
    const legacy = {
      ...base,
      type: "plan-next",
      gateUnits: [{ type: "implementation", status: "done" }, ...four],
    };
    expect(decideCloseHandling(legacy)).toStrictEqual({
      action: "remember",
      path: "legacy",
    });
    expect(
      decideCloseHandling({ ...legacy, isTerminalGate: false }),
    ).toStrictEqual({ action: "none" });
    const notDone = four.map((u, i) =>
      i === 1 ? { ...u, status: "pending" } : u,
    );
    expect(isLegacyShape(notDone)).toBe(false);
    expect(isLegacyShape(four.slice(1))).toBe(false);
  });
});

describe("unfinishedReasons reuse (driver D-WALK-5)", () => {
  it("D-WALK-5 blocked units and their dependents get reasons", () => {
    const units = [
      { id: "A", status: "blocked_human", dependsOn: [] },
      { id: "B", status: "pending", dependsOn: ["A"] },
      { id: "C", status: "in_review", dependsOn: [] },
      { id: "D", status: "done", dependsOn: [] },
    ];
    const status = new Map(units.map((u) => [u.id, u.status]));
    expect(
      unfinishedReasons(
        units,
        (id) => status.get(id),
        (id) => status.has(id),
      ).map((r) => r.reason),
    ).toStrictEqual([
      "blocked_human",
      "waiting on A (blocked_human)",
      "in_review",
    ]);
  });
});
