import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decideAutoClose,
  isAutoClosedDone,
  type AutoCloseInput,
} from "../../src/driver/close/auto-close-decision.js";
import {
  appendAutoCloseStub,
  autoCloseStub,
  hasAutoCloseHeading,
} from "../../src/driver/close/auto-close-stub.js";
import {
  evaluatePredicate,
  formatRatio,
  isAutoCloseDisabled,
  sub,
  type PredicateInput,
} from "../../src/driver/close/auto-close-predicate.js";
import { parsePlan } from "../../src/plan/parse-plan.js";
import { toPlanGraph } from "../../src/plan/plan-graph.js";
import type { LoggedEvent } from "../../src/types/outcome.js";
import { dedent } from "../helpers/dedent.js";

const PLAN = dedent`
  ---
  feature_id: FEAT-2026-0042
  ---
  \`\`\`yaml
  gates:
    - gate: 1
      file: GATE-01.md
      work_units:
        - id: FEAT-2026-0042/T01
          file: WU-01.md
        - id: FEAT-2026-0042/T02
          file: WU-02.md
        - id: FEAT-2026-0042/G1-CLOSE-INTERMEDIATE
          file: WU-90.md
        - id: FEAT-2026-0042/G1-PLAN
          file: WU-91.md
  \`\`\`
`;
const graph = toPlanGraph(
  parsePlan(PLAN).graph ?? { isGatesList: false, gatesLine: null, gates: [] },
);
const T01 = "FEAT-2026-0042/T01";
const T02 = "FEAT-2026-0042/T02";
const CI = "FEAT-2026-0042/G1-CLOSE-INTERMEDIATE";
const PN = "FEAT-2026-0042/G1-PLAN";

const ev = (
  id: string,
  type: string,
  ts = "2026-03-04T05:06:07.000000+00:00",
): LoggedEvent => ({
  timestamp: ts,
  correlation_id: id,
  event_type: type,
  payload: {},
});

function input(over: Partial<PredicateInput> = {}): PredicateInput {
  return {
    plan: { feature_id: "FEAT-2026-0042" },
    graph,
    gate: 1,
    gateBudget: 5,
    units: new Map<string, Record<string, unknown>>([
      [
        T01,
        {
          type: "implementation",
          status: "done",
          cost_usd: 0.1,
          planned_cost_usd: 0.1,
        },
      ],
      [T02, { status: "done", cost_usd: 0.15, planned_cost_usd: "0.1" }],
      [
        CI,
        {
          type: "close-intermediate",
          status: "pending",
          cost_usd: 0,
          planned_cost_usd: 0.01,
        },
      ],
      [PN, { type: "plan-next", status: "pending", planned_cost_usd: 0.5 }],
    ]),
    events: [ev(T01, "task_completed"), ev(T02, "task_completed")],
    ...over,
  };
}

function withUnit(id: string, fm: Record<string, unknown>): PredicateInput {
  const base = input();
  const units = new Map(base.units);
  units.set(id, fm);
  return { ...base, units };
}

describe("auto-close predicate v1 (driver D-AC-1..3)", () => {
  it("D-AC-3 fires with no reasons, and reports metrics", () => {
    expect(evaluatePredicate(input())).toStrictEqual({
      auto: true,
      reasons: [],
      warnings: [],
      metrics: {
        gate_total_cost: 0.25,
        gate_budget: 5,
        blocked_human_events: 0,
        replan_events: 0,
      },
    });
  });

  it("D-AC-2 short-circuits: disabled, gate not found, missing WU files", () => {
    for (const v of [true, "true", "True"])
      expect(
        evaluatePredicate(input({ plan: { auto_close_disabled: v } })).reasons,
      ).toStrictEqual(["auto_close_disabled_per_plan"]);
    expect(
      evaluatePredicate(input({ plan: { auto_close_disabled: "yes" } })).auto,
    ).toBe(true);
    expect(evaluatePredicate(input({ gate: 7 })).reasons).toStrictEqual([
      "gate_not_found: gate 7 absent in PLAN.md graph",
    ]);
    const units = new Map(input().units);
    units.delete(T02);
    units.set(PN, null);
    expect(evaluatePredicate(input({ units })).reasons).toStrictEqual([
      "wu_file_missing: T02",
      "wu_file_missing: G1-PLAN",
    ]);
  });

  it("D-AC-3 check 1: escalations dated by the first one, and re-arms (legacy key too)", () => {
    const events = [
      ev(T02, "human_escalation", "2026-05-01T00:00:00.000000+00:00"),
      ev(T02, "blocked_human", "2026-05-09T00:00:00.000000+00:00"),
      ev(T01, "task_completed"),
      ev(T02, "task_completed"),
    ];
    const units = new Map(input().units);
    units.set(T01, { ...(units.get(T01) ?? {}), rearm_count: 2 });
    const r = evaluatePredicate(input({ events, units }));
    expect(r.reasons).toStrictEqual([
      "blocked_human_in_chain: T01 (re_arm_count=2)",
      "blocked_human_in_chain: T02 escalated 2026-05-01",
    ]);
    expect(r.metrics.blocked_human_events).toBe(2);
  });

  it("D-AC-3 check 2: replan events, one reason per unit", () => {
    const events = [...input().events, ev(PN, "replan"), ev(PN, "replan")];
    const r = evaluatePredicate(input({ events }));
    expect(r.reasons).toStrictEqual(["replan_event: G1-PLAN"]);
    expect(r.metrics.replan_events).toBe(2);
  });

  it("D-AC-3 checks 3 and 4: per-unit overruns with $ amounts and a 2-decimal ratio", () => {
    const soft = evaluatePredicate(
      withUnit(T01, { status: "done", cost_usd: 0.16, planned_cost_usd: 0.1 }),
    );
    expect(soft.reasons).toStrictEqual([
      "per_wu_cost_overrun: T01 actual=$0.16 planned=$0.10 ratio=1.60x",
    ]);
    const hard = evaluatePredicate(
      withUnit(T01, {
        status: "done",
        cost_usd: 0.0042,
        planned_cost_usd: 0.002,
      }),
    );
    expect(hard.reasons).toStrictEqual([
      "per_wu_cost_overrun: T01 actual=$0.0042 planned=$0.0020 ratio=2.10x",
      "per_wu_hard_overrun: T01 actual=$0.0042 planned=$0.0020 ratio=2.10x",
    ]);
    const edge = evaluatePredicate(
      withUnit(T01, { status: "done", cost_usd: 0.15, planned_cost_usd: 0.1 }),
    );
    expect(edge.auto).toBe(true);
  });

  it("D-AC-3 a zero plan with a cost is an infinite ratio; zero and zero is fine", () => {
    const inf = evaluatePredicate(
      withUnit(T01, { status: "done", cost_usd: 0.01, planned_cost_usd: 0 }),
    );
    expect(inf.reasons).toStrictEqual([
      "per_wu_cost_overrun: T01 actual=$0.01 planned=$0.00 ratio=infx",
      "per_wu_hard_overrun: T01 actual=$0.01 planned=$0.00 ratio=infx",
    ]);
    expect(
      evaluatePredicate(withUnit(T01, { status: "done", planned_cost_usd: 0 }))
        .auto,
    ).toBe(true);
  });

  it("D-AC-3 check 5: plan-next overrun; closing units skip checks 3, 4 and 7", () => {
    const r = evaluatePredicate(
      withUnit(PN, { type: "plan-next", cost_usd: 2, planned_cost_usd: 0.5 }),
    );
    expect(r.reasons).toStrictEqual([
      "plan_next_overrun: G1-PLAN actual=$2.00 planned=$0.50 ratio=4.00x",
    ]);
    const ci = evaluatePredicate(
      withUnit(CI, {
        type: "close-intermediate",
        cost_usd: 9,
        planned_cost_usd: 0.01,
      }),
    );
    expect(ci.reasons).toStrictEqual([
      "gate_budget_exceeded: total=$9.25 budget=$5.00",
    ]);
  });

  it("D-AC-3 a missing planned cost only warns", () => {
    const r = evaluatePredicate(withUnit(T01, { status: "done", cost_usd: 3 }));
    expect(r.auto).toBe(true);
    expect(r.warnings).toStrictEqual(["planned_cost_missing: T01"]);
    const pn = evaluatePredicate(
      withUnit(PN, { type: "plan-next", planned_cost_usd: "lots" }),
    );
    expect(pn.warnings).toStrictEqual(["planned_cost_missing: G1-PLAN"]);
  });

  it("D-AC-3 check 6: gate total over the budget; no budget, no check", () => {
    expect(evaluatePredicate(input({ gateBudget: 0.2 })).reasons).toStrictEqual(
      ["gate_budget_exceeded: total=$0.25 budget=$0.20"],
    );
    expect(evaluatePredicate(input({ gateBudget: 0.25 })).auto).toBe(true);
    expect(
      evaluatePredicate(input({ gateBudget: undefined })).metrics.gate_budget,
    ).toBeNull();
    expect(evaluatePredicate(input({ gateBudget: "0.01" })).auto).toBe(true);
  });

  it("D-AC-3 check 7: the last of completed/escalated must be task_completed", () => {
    const none = evaluatePredicate(
      input({ events: [ev(T01, "task_completed")] }),
    );
    expect(none.reasons).toStrictEqual([
      "final_attempt_not_passed: T02 (outcome=no_events)",
    ]);
    const late = evaluatePredicate(
      input({
        events: [
          ev(T01, "task_completed"),
          ev(T02, "task_completed"),
          ev(T02, "human_escalation"),
        ],
      }),
    );
    expect(late.reasons).toStrictEqual([
      "blocked_human_in_chain: T02 escalated 2026-03-04",
      "final_attempt_not_passed: T02 (outcome=escalated)",
    ]);
  });

  it("D-AC-3 reasons are ordered by check, then graph order", () => {
    const units = new Map(input().units);
    units.set(T01, {
      status: "done",
      cost_usd: 1,
      planned_cost_usd: 0.1,
      re_arm_count: 1,
    });
    units.set(T02, { status: "done", cost_usd: 1, planned_cost_usd: 0.1 });
    const r = evaluatePredicate(
      input({ units, gateBudget: 1, events: [ev(PN, "replan")] }),
    );
    expect(
      r.reasons.map((x) => x.split(":")[0] + ":" + (x.split(" ")[1] ?? "")),
    ).toStrictEqual([
      "blocked_human_in_chain:T01",
      "replan_event:G1-PLAN",
      "per_wu_cost_overrun:T01",
      "per_wu_cost_overrun:T02",
      "per_wu_hard_overrun:T01",
      "per_wu_hard_overrun:T02",
      "gate_budget_exceeded:total=$2.00",
      "final_attempt_not_passed:T01",
      "final_attempt_not_passed:T02",
    ]);
  });

  it("D-AC-3 (Q33) events match by graph id; other units' events are ignored", () => {
    const events = [
      ...input().events,
      ev("FEAT-2026-0042/T09", "human_escalation"),
    ];
    expect(evaluatePredicate(input({ events })).auto).toBe(true);
  });

  it("helpers: sub, ratio text, the disabled flag", () => {
    expect(sub("INIT-2026-0001/F06/G2-PLAN")).toBe("G2-PLAN");
    expect(formatRatio(1.505)).toBe("1.50");
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe("inf");
    expect(isAutoCloseDisabled({ auto_close_disabled: "TRUE" })).toBe(false);
  });

  it("property: auto is true exactly when there are no reasons", () => {
    const unit = fc.record({
      cost_usd: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), {
        nil: undefined,
      }),
      planned_cost_usd: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), {
        nil: undefined,
      }),
      re_arm_count: fc.nat(2),
    });
    fc.assert(
      fc.property(
        unit,
        unit,
        fc.option(fc.double({ min: 0, max: 5, noNaN: true }), {
          nil: undefined,
        }),
        (a, b, budget) => {
          const r = evaluatePredicate({
            ...withUnit(T01, a),
            gateBudget: budget,
            units: new Map([...withUnit(T01, a).units, [T02, b]]),
          });
          return r.auto === (r.reasons.length === 0);
        },
      ),
    );
  });
});

describe("decideAutoClose (driver D-AC-4..7, D-PRE-3/4)", () => {
  const base: AutoCloseInput = {
    unitId: CI,
    type: "close-intermediate",
    featureId: "FEAT-2026-0042",
    isTerminalGate: false,
    unit: { status: "pending" },
    isForceFullClose: false,
    predicate: input(),
  };

  it("D-AC-6 intermediate fires: writes, event, stub, commit", () => {
    const d = decideAutoClose(base);
    expect(d.action).toBe("auto_close");
    if (d.action !== "auto_close") return;
    expect(d.kind).toBe("intermediate");
    expect(d.to).toBe("done");
    expect(d.keys).toStrictEqual([
      { key: "auto_close", value: true },
      { key: "auto_close_reasons", value: [] },
    ]);
    expect(d.event).toStrictEqual({
      gate: 1,
      gate_type: "intermediate",
      auto: true,
      reasons: [],
      plan_next_dispatched: true,
      predicate_version: "v1",
    });
    expect(Object.keys(d.event)).toStrictEqual([
      "gate",
      "gate_type",
      "auto",
      "reasons",
      "plan_next_dispatched",
      "predicate_version",
    ]);
    expect(d.commitSubject).toBe(
      `chore(loop): ${CI} auto-closed (predicate=v1)`,
    );
    expect(d.isRemembered).toBe(false);
    expect(d.stub).toContain("## Gate 1 — auto-closed (predicate=v1)");
  });

  it("D-AC-7 terminal close fires with verdict met, metrics, and is remembered", () => {
    const d = decideAutoClose({
      ...base,
      unitId: "FEAT-2026-0042/G1-CLOSE",
      type: "close",
      isTerminalGate: true,
    });
    if (d.action !== "auto_close") throw new Error(d.action);
    expect(["status", ...d.keys.map((w) => w.key)]).toStrictEqual([
      "status",
      "verdict",
      "auto_close",
      "auto_close_reasons",
    ]);
    expect(d.to).toBe("done");
    expect(d.keys[0]).toStrictEqual({ key: "verdict", value: "met" });
    expect(d.event).toStrictEqual({
      gate: 1,
      auto: true,
      reasons: [],
      predicate_version: "v1",
      metrics: {
        gate_total_cost: 0.25,
        gate_budget: 5,
        blocked_human_events: 0,
        replan_events: 0,
      },
    });
    expect(d.isRemembered).toBe(true);
    expect(d.stub).toContain("full retrospective was skipped");
  });

  it("D-AC-7 a terminal close that has a verdict is dispatched", () => {
    expect(
      decideAutoClose({
        ...base,
        type: "close",
        isTerminalGate: true,
        unit: { verdict: "partially_met" },
      }),
    ).toStrictEqual({ action: "dispatch", why: "has_verdict" });
  });

  it("D-PRE-4 a close outside the terminal gate and other types are not applicable", () => {
    expect(
      decideAutoClose({ ...base, type: "close", isTerminalGate: false }),
    ).toStrictEqual({ action: "not_applicable" });
    expect(decideAutoClose({ ...base, type: "plan-next" })).toStrictEqual({
      action: "not_applicable",
    });
  });

  it("D-AC-4 a done unit with a truthy auto_close is left alone", () => {
    expect(
      decideAutoClose({ ...base, unit: { status: "done", auto_close: "yes" } }),
    ).toStrictEqual({
      action: "already_done",
    });
    expect(isAutoClosedDone({ status: "done", auto_close: [] })).toBe(false);
    expect(isAutoClosedDone({ status: "done", auto_close: {} })).toBe(false);
    expect(isAutoClosedDone({ status: "done", auto_close: 1 })).toBe(true);
    expect(isAutoClosedDone({ status: "pending", auto_close: true })).toBe(
      false,
    );
  });

  it("D-AC-5 the force flag wins, with an override event on the WU", () => {
    const d = decideAutoClose({
      ...base,
      isForceFullClose: true,
      predicate: input({ plan: { auto_close_disabled: true } }),
    });
    expect(d).toStrictEqual({
      action: "dispatch",
      why: "override",
      reason: "force_full_close_cli_flag",
      event: {
        gate: 1,
        gate_type: "intermediate",
        auto: false,
        reasons: ["force_full_close_cli_flag"],
        predicate_version: "v1",
        override: true,
      },
    });
  });

  it("D-AC-5 PLAN auto_close_disabled overrides; terminal events carry no gate_type", () => {
    const d = decideAutoClose({
      ...base,
      type: "close",
      isTerminalGate: true,
      predicate: input({ plan: { auto_close_disabled: "True" } }),
    });
    expect(d).toMatchObject({
      action: "dispatch",
      why: "override",
      reason: "auto_close_disabled_per_plan",
    });
    if (d.action === "dispatch" && d.why === "override")
      expect(Object.keys(d.event)).toStrictEqual([
        "gate",
        "auto",
        "reasons",
        "predicate_version",
        "override",
      ]);
  });

  it("D-AC-6 a refusal dispatches with the reasons and warnings to print", () => {
    const d = decideAutoClose({
      ...base,
      predicate: input({ gateBudget: 0.1 }),
    });
    expect(d).toStrictEqual({
      action: "dispatch",
      why: "refused",
      reasons: ["gate_budget_exceeded: total=$0.25 budget=$0.10"],
      warnings: [],
    });
  });
});

describe("auto-close stub (driver D-AC-8, Q22)", () => {
  const metrics = {
    gate_total_cost: 0.256,
    gate_budget: null,
    blocked_human_events: 0,
    replan_events: 0,
  };
  const stub = autoCloseStub({
    gate: 3,
    featureId: "FEAT-2026-0042",
    isTerminal: false,
    metrics,
  });

  it("D-AC-8 heading, a paragraph and the five bullets", () => {
    const lines = stub.split("\n");
    expect(lines[0]).toBe("## Gate 3 — auto-closed (predicate=v1)");
    expect(lines.filter((l) => l.startsWith("- "))).toStrictEqual([
      "- feature_id: FEAT-2026-0042",
      "- predicate_version: v1",
      "- gate_total_cost: 0.26",
      "- gate_budget: <unset>",
      "- reasons: none",
    ]);
    expect(
      autoCloseStub({
        gate: 3,
        featureId: "F",
        isTerminal: true,
        metrics: { ...metrics, gate_budget: 2 },
      }),
    ).toContain("- gate_budget: 2.00");
  });

  it("D-AC-8 appends once; a second append is a no-op", () => {
    const existing = "# Retrospective\n\n## Gate 2 — notes\nText.\n\n\n";
    const once = appendAutoCloseStub(existing, 3, stub);
    expect(once).toBe(`# Retrospective\n\n## Gate 2 — notes\nText.\n\n${stub}`);
    expect(appendAutoCloseStub(once, 3, stub)).toBeNull();
    expect(appendAutoCloseStub(null, 3, stub)).toBe(
      `# Retrospective\n\n${stub}`,
    );
    expect(appendAutoCloseStub("", 3, stub)).toBe(stub);
  });

  it("D-AC-8 the heading check is per gate and accepts levels 1-3", () => {
    expect(hasAutoCloseHeading("# Gate 3: auto-closed by hand\n", 3)).toBe(
      true,
    );
    expect(hasAutoCloseHeading("### Gate 3 — auto-closed\n", 3)).toBe(true);
    expect(hasAutoCloseHeading("#### Gate 3 — auto-closed\n", 3)).toBe(false);
    expect(hasAutoCloseHeading("## Gate 30 — auto-closed\n", 3)).toBe(false);
    expect(hasAutoCloseHeading("## Gate 3 — notes\n", 3)).toBe(false);
  });

  it("property: appending is idempotent for any existing text", () => {
    fc.assert(
      fc.property(
        fc.option(fc.string(), { nil: null }),
        fc.integer({ min: 1, max: 40 }),
        (text, gate) => {
          const s = autoCloseStub({
            gate,
            featureId: "F",
            isTerminal: false,
            metrics,
          });
          const once = appendAutoCloseStub(text, gate, s) ?? text ?? "";
          return (
            appendAutoCloseStub(once, gate, s) === null &&
            hasAutoCloseHeading(once, gate)
          );
        },
      ),
    );
  });
});
