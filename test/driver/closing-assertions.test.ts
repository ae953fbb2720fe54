import { describe, expect, it } from "vitest";
import {
  checkClosingDeliverables,
  gateAttemptOutcomes,
  needsFailureBreakdown,
  reviewFileName,
  type ClosingFacts,
} from "../../src/driver/close/closing-assertions.js";
import type { LoggedEvent } from "../../src/types/outcome.js";
import { dedent } from "../helpers/dedent.js";

const F = ".specfuse/features/FEAT-2026-0042-limits";

const goodRetro = dedent`
  # Retrospective

  ## Gate 2 — what happened
  It went fine.

  ## Cost analysis
  Cheap.
`;

const closeOk: ClosingFacts = {
  type: "close",
  gate: 2,
  featureDir: F,
  retrospective: goodRetro,
  learningsLinesAdded: 1,
  squashPaths: [`${F}/RETROSPECTIVE.md`, `${F}/WU-90-close.md`],
  verdict: "met",
  body: "Write the retrospective.",
  gateOutcomes: ["passed", "interrupted"],
  nextGate: null,
  reviewFileSize: null,
  planStatus: "active",
  roadmapStatus: null,
};

const names = (f: ClosingFacts) => {
  const r = checkClosingDeliverables(f);
  return r.ok ? [] : r.failures.map((x) => x.name);
};

describe("close assertions (driver D-CLOSE-1)", () => {
  it("D-CLOSE-1 a complete close passes", () => {
    expect(checkClosingDeliverables(closeOk)).toStrictEqual({ ok: true });
  });

  it.each<[string, Partial<ClosingFacts>, string[]]>([
    [
      "1 retro missing (5 follows for met)",
      { retrospective: null },
      ["retrospective_missing", "cost_analysis_missing"],
    ],
    [
      "1 retro blank",
      { retrospective: "  \n", verdict: "not_met" },
      ["retrospective_missing"],
    ],
    ["2 no learnings line", { learningsLinesAdded: 0 }, ["learnings_missing"]],
    [
      "3 nothing under docs/roadmap/LEARNINGS/RETRO",
      { squashPaths: [`${F}/WU-90-close.md`, "src/x.ts", "docsy/a.md"] },
      ["docs_not_updated"],
    ],
    ["4 no verdict", { verdict: undefined }, ["verdict_missing"]],
    ["4 a bad verdict", { verdict: "mostly" }, ["verdict_missing"]],
    [
      "5 met without a cost analysis",
      { retrospective: "# Retro\n### Costs\n" },
      ["cost_analysis_missing"],
    ],
    [
      "6 breakdown after a failed attempt",
      { gateOutcomes: ["passed", "failed"] },
      ["failure_breakdown_missing"],
    ],
  ])("D-CLOSE-1 close %s", (_n, over, expected) => {
    expect(names({ ...closeOk, ...over })).toStrictEqual(expected);
  });

  it("D-CLOSE-1 2 'nothing generalizes' in the retro replaces a LEARNINGS line", () => {
    expect(
      names({
        ...closeOk,
        learningsLinesAdded: 0,
        retrospective: `${goodRetro}\nNothing Generalizes here.\n`,
      }),
    ).toStrictEqual([]);
  });

  it.each([
    ["docs/guide.md"],
    [".specfuse/roadmap.md"],
    [".specfuse/LEARNINGS.md"],
    ["other/RETROSPECTIVE.md"],
  ])("D-CLOSE-1 3 touching %s satisfies the docs assertion", (p) => {
    expect(names({ ...closeOk, squashPaths: [p] })).toStrictEqual([]);
  });

  it("D-CLOSE-1 5 the cost heading may be deeper and any case", () => {
    expect(
      names({ ...closeOk, retrospective: "# R\n### COST ANALYSIS of gate\n" }),
    ).toStrictEqual([]);
    expect(
      names({ ...closeOk, retrospective: "# R\n# Cost analysis\n" }),
    ).toStrictEqual(["cost_analysis_missing"]);
  });

  it("D-CLOSE-2 the breakdown heading satisfies the check; passed and interrupted never trigger it", () => {
    const withBreakdown = `${goodRetro}\n### Failure-class breakdown\n- tests: 1\n`;
    expect(
      names({
        ...closeOk,
        retrospective: withBreakdown,
        gateOutcomes: ["zero_token"],
      }),
    ).toStrictEqual([]);
    expect(
      needsFailureBreakdown({
        ...closeOk,
        gateOutcomes: ["passed", "interrupted"],
      }),
    ).toBe(false);
    expect(
      needsFailureBreakdown({
        ...closeOk,
        retrospective: null,
        gateOutcomes: ["failed"],
      }),
    ).toBe(false);
  });

  it("D-CLOSE-1 one failure is its own message; several are listed under a count", () => {
    const one = checkClosingDeliverables({ ...closeOk, verdict: "maybe" });
    expect(one).toMatchObject({
      ok: false,
      assertion: "verdict_missing",
      summary:
        "verdict_missing: set `verdict` in this unit's frontmatter to one of met, met_locally, partially_met, not_met",
    });
    const many = checkClosingDeliverables({
      ...closeOk,
      learningsLinesAdded: 0,
      verdict: null,
    });
    expect(many.ok).toBe(false);
    if (many.ok) return;
    expect(many.assertion).toBe("learnings_missing");
    expect(many.summary.split("\n")).toStrictEqual([
      "2 closing deliverables unmet (fix all in one attempt):",
      `  - learnings_missing: add at least one line to .specfuse/LEARNINGS.md, or say "nothing generalizes" in the retrospective`,
      "  - verdict_missing: set `verdict` in this unit's frontmatter to one of met, met_locally, partially_met, not_met",
    ]);
    for (const f of many.failures)
      expect(f.message.startsWith(`${f.name}: `)).toBe(true);
  });
});

describe("close-intermediate assertions (driver D-CLOSE-1)", () => {
  const ci: ClosingFacts = {
    ...closeOk,
    type: "close-intermediate",
    gate: 1,
    retrospective: "# Retro\n\n## Gate 1 — notes\n",
    verdict: undefined,
    squashPaths: ["src/a.ts"],
    body: "Summarise gate 1.",
  };

  it("D-CLOSE-1 passes with a gate heading and a body that asks for no docs", () => {
    expect(names(ci)).toStrictEqual([]);
  });

  it.each<[string, Partial<ClosingFacts>, string[]]>([
    [
      "1 no heading",
      { retrospective: "# Retro\n\n## Gate 12 — other\n" },
      ["gate_section_missing"],
    ],
    [
      "1 heading too deep",
      { retrospective: "#### Gate 1\n" },
      ["gate_section_missing"],
    ],
    ["1 no retro", { retrospective: null }, ["gate_section_missing"]],
    ["2 no learnings", { learningsLinesAdded: 0 }, ["learnings_missing"]],
    [
      "3 body mentions docs/",
      { body: "Update docs/limits.md" },
      ["docs_not_updated"],
    ],
    [
      "3 body mentions roadmap.md",
      { body: "Touch roadmap.md" },
      ["docs_not_updated"],
    ],
    [
      "4 breakdown",
      { gateOutcomes: ["timeout"] },
      ["failure_breakdown_missing"],
    ],
  ])("D-CLOSE-1 close-intermediate %s", (_n, over, expected) => {
    expect(names({ ...ci, ...over })).toStrictEqual(expected);
  });

  it("D-CLOSE-1 3 passes when the body asks for docs and the squash has them", () => {
    expect(
      names({ ...ci, body: "Update docs/x.md", squashPaths: ["docs/x.md"] }),
    ).toStrictEqual([]);
  });

  it("D-CLOSE-1 1 accepts the auto-close stub heading", () => {
    expect(
      names({
        ...ci,
        retrospective: "## Gate 1 — auto-closed (predicate=v1)\n",
      }),
    ).toStrictEqual([]);
  });
});

describe("plan-next assertions (driver D-CLOSE-1)", () => {
  const pn: ClosingFacts = {
    ...closeOk,
    type: "plan-next",
    gate: 1,
    retrospective: null,
    learningsLinesAdded: 0,
    squashPaths: [],
    verdict: undefined,
    nextGate: { unitCount: 2 },
    reviewFileSize: 120,
  };

  it.each<[string, Partial<ClosingFacts>, string[]]>([
    ["drafted next gate with a review", {}, []],
    ["a: review file missing", { reviewFileSize: null }, ["review_missing"]],
    ["a: review file empty", { reviewFileSize: 0 }, ["review_missing"]],
    [
      "a: no gate N+1, no review needed",
      { nextGate: null, reviewFileSize: null },
      [],
    ],
    [
      "b: gate N+1 has no units",
      { nextGate: { unitCount: 0 } },
      ["next_gate_empty"],
    ],
    [
      "b: PLAN done excuses an empty gate",
      { nextGate: { unitCount: 0 }, planStatus: "done" },
      [],
    ],
    [
      "b: roadmap done excuses an empty gate",
      { nextGate: { unitCount: 0 }, roadmapStatus: "done" },
      [],
    ],
  ])("D-CLOSE-1 plan-next %s", (_n, over, expected) => {
    expect(names({ ...pn, ...over })).toStrictEqual(expected);
  });

  it("D-CLOSE-1 a names the two-digit review file", () => {
    expect(reviewFileName(2)).toBe("GATE-02-REVIEW.md");
    expect(reviewFileName(100)).toBe("GATE-100-REVIEW.md");
    const r = checkClosingDeliverables({ ...pn, reviewFileSize: null });
    expect(!r.ok && r.summary).toContain(`${F}/GATE-02-REVIEW.md`);
  });

  it("D-CLOSE-1 other types have no assertions", () => {
    expect(
      checkClosingDeliverables({
        ...pn,
        type: "implementation",
        nextGate: { unitCount: 0 },
        reviewFileSize: null,
      }),
    ).toStrictEqual({ ok: true });
    expect(
      checkClosingDeliverables({
        ...closeOk,
        type: "retrospective",
        retrospective: null,
      }),
    ).toStrictEqual({ ok: true });
  });
});

describe("gateAttemptOutcomes (driver D-CLOSE-2, Q15)", () => {
  it("D-CLOSE-2 counts every unit of the gate by graph membership", () => {
    const ev = (id: string, type: string, outcome: string): LoggedEvent => ({
      timestamp: "2026-01-01T00:00:00.000000+00:00",
      correlation_id: id,
      event_type: type,
      payload: { outcome },
    });
    const events = [
      ev("F/T01", "attempt_outcome", "failed"),
      ev("F/X-odd-id", "attempt_outcome", "timeout"),
      ev("F/T09", "attempt_outcome", "zero_token"),
      ev("F/T01", "task_completed", "passed"),
    ];
    expect(
      gateAttemptOutcomes(events, new Set(["F/T01", "F/X-odd-id"])),
    ).toStrictEqual(["failed", "timeout"]);
  });
});
