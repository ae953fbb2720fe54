import { describe, expect, it } from "vitest";
import {
  buildReport,
  type ReportInputs,
} from "../../src/report/build-report.js";
import { attemptKey } from "../../src/report/build-timeline.js";
import type { ReportNote } from "../../src/report/report-model.js";
import { modelOf, type GateSpec } from "../operator/feature-fixture.js";
import { eventsOf, outcome, type LineSpec } from "../history/events-fixture.js";

const F = "FEAT-2026-0042";
const gates: GateSpec[] = [
  {
    gate: 1,
    status: "awaiting_review",
    budget: 5,
    units: [
      { id: "T01", status: "done" },
      { id: "T02", status: "blocked_human", deps: ["T01"] },
      { id: "T03", status: "pending", deps: ["T01"] },
    ],
  },
  {
    gate: 2,
    units: [
      {
        id: "T04",
        status: "draft",
        deps: ["T02"],
        extra: "cost_usd: 0.4\ncumulative_cost_usd: 1.1\nduration_seconds: 20",
      },
    ],
  },
];

function inputs(
  lines: LineSpec[],
  extra: Partial<ReportInputs> = {},
): ReportInputs {
  return {
    model: modelOf(gates),
    events: eventsOf(lines),
    skippedLines: 0,
    notes: new Map(),
    findings: new Map(),
    commits: new Map(),
    problems: [],
    generatedAt: "2026-11-22T03:00:00.000Z",
    version: "0.4.0",
    ...extra,
  };
}

const run: LineSpec[] = [
  { type: "task_started", corr: `${F}/T01`, at: 0 },
  outcome(`${F}/T01`, 1, "passed", 10),
  { type: "task_completed", corr: `${F}/T01`, at: 11 },
  { type: "task_started", corr: `${F}/T02`, at: 12 },
  outcome(`${F}/T02`, 1, "failed", 30),
  outcome(`${F}/T02`, 2, "timeout", 50, { summary: "wall clock" }),
  {
    type: "human_escalation",
    corr: `${F}/T02`,
    at: 51,
    payload: { reason: "all_attempts_timeout" },
  },
  { type: "new_kind_of_event", corr: F, at: 52 },
];

describe("the report model (issue 16 §3)", () => {
  it("one unit-mode timeline row per unit of the gate, bars placed by end time minus duration", () => {
    const m = buildReport(inputs(run));
    const g1 = m.gates[0];
    expect(g1?.timeline?.mode).toBe("unit");
    expect(g1?.timeline?.rows.map((r) => r.label)).toEqual([
      "T01",
      "T02",
      "T03",
    ]);
    // Span: T01 starts at 0 (10 s ending at 10), T02's last ends at 50.
    expect(g1?.timeline?.spanSeconds).toBe(50);
    const t2 = g1?.timeline?.rows[1]?.bars ?? [];
    expect(t2.map((b) => [b.left, b.width, b.category])).toEqual([
      [40, 20, "failed"],
      [80, 20, "timeout"],
    ]);
    expect(g1?.timeline?.rows[2]).toMatchObject({
      bars: [],
      empty: "not dispatched yet",
    });
    expect(m.gates[1]?.timeline).toBeNull();
    expect(m.legend).toEqual(["passed", "failed", "timeout"]);
  });

  it("evidence for every non-passing attempt, linked from its bar; notes and findings by attempt", () => {
    const note: ReportNote = {
      path: `.specfuse/features/x/work/${F}_T02/attempt-1.md`,
      href: `${F}_T02/attempt-1.md`,
      text: "### tests: FAIL",
      bytes: 15,
      isCut: false,
      omitted: null,
    };
    const m = buildReport(
      inputs(run, {
        notes: new Map([[attemptKey(`${F}/T02`, 1, 1), note]]),
        findings: new Map([[attemptKey(`${F}/T02`, 1, 1), 3]]),
      }),
    );
    expect(
      m.evidence.map((e) => [e.id, e.unitId, e.attempt, e.outcome]),
    ).toEqual([
      ["ev-1", `${F}/T02`, 1, "failed"],
      ["ev-2", `${F}/T02`, 2, "timeout"],
    ]);
    expect(m.evidence[0]).toMatchObject({ findings: 3, note });
    expect(m.evidence[1]).toMatchObject({ note: null, summary: "wall clock" });
    const bars = m.gates[0]?.timeline?.rows.flatMap((r) => r.bars) ?? [];
    expect(bars.map((b) => b.evidenceId)).toEqual([null, "ev-1", "ev-2"]);
  });

  it("EV-LIFE-2 costs: attempts' sums when events exist, else cumulative plus the frontmatter's cycle; gate sums", () => {
    const m = buildReport(inputs(run));
    const cost = Object.fromEntries(m.units.map((u) => [u.short, u.costUsd]));
    expect(cost).toEqual({ T01: 0.25, T02: 0.5, T03: null, T04: 1.5 });
    expect(m.gates.map((g) => [g.costUsd, g.budgetUsd])).toEqual([
      [0.75, 5],
      [1.5, null],
    ]);
    expect(m.totals).toEqual({
      units: 4,
      done: 1,
      attempts: 3,
      failed: 2,
      costUsd: 2.25,
      durationSeconds: 50,
    });
  });

  it("F-EV-1 unknown event types are ignored and counted; commits come from the event, else git", () => {
    const m = buildReport(
      inputs(
        [
          ...run.slice(0, 2),
          {
            type: "task_completed",
            corr: `${F}/T01`,
            at: 11,
            payload: { commit: "b".repeat(40) },
          },
          ...run.slice(3),
        ],
        {
          commits: new Map([
            [`${F}/T02`, { sha: "c".repeat(40), subject: "feat: two" }],
          ]),
        },
      ),
    );
    expect(m.census.unknown).toEqual([{ type: "new_kind_of_event", count: 1 }]);
    expect(m.units[0]?.commit).toEqual({ sha: "b".repeat(40), subject: null });
    expect(m.units[1]?.commit).toEqual({
      sha: "c".repeat(40),
      subject: "feat: two",
    });
  });

  it("a feature with no events: no timelines, every unit still in the table and the graph", () => {
    const m = buildReport(inputs([]));
    expect(m.hasEvents).toBe(false);
    expect(m.gates.every((g) => g.timeline === null)).toBe(true);
    expect(m.units.map((u) => u.short)).toEqual(["T01", "T02", "T03", "T04"]);
    expect(m.graph.nodes).toHaveLength(4);
    expect(m.graph.edges).toHaveLength(3);
    expect(m.legend).toEqual([]);
  });

  it("P-EVT-1 a parallel run gets one row per lane, the closing unit on the main checkout, idle units listed", () => {
    const m = buildReport(
      inputs([
        outcome(`${F}/T01`, 1, "passed", 10, { lane: 1, run_id: "r" }),
        outcome(`${F}/T02`, 1, "failed", 12, { lane: 2, run_id: "r" }),
        outcome(`${F}/T02`, 2, "passed", 30, { lane: 2, run_id: "r" }),
      ]),
    );
    const rows = m.gates[0]?.timeline?.rows ?? [];
    expect(m.gates[0]?.timeline?.mode).toBe("lane");
    expect(rows.map((r) => [r.label, r.detail, r.bars.length])).toEqual([
      ["lane 1", "T01", 1],
      ["lane 2", "T02", 2],
      ["no attempt", "T03", 0],
    ]);
  });

  it("an attempt whose timestamp does not parse is counted, not drawn", () => {
    const events = eventsOf([outcome(`${F}/T01`, 1, "passed", 10)]);
    const broken = events.map((e) => ({ ...e, time: null }));
    const m = buildReport({
      ...inputs([]),
      events: [...eventsOf(run.slice(0, 2)), ...broken],
    });
    expect(m.gates[0]?.timeline?.unplaced).toBe(1);
  });
});
