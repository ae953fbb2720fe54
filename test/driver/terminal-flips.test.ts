import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ARCHIVE_HEADER,
  ARCHIVE_MARKER,
  archiveFeature,
  collapseBlankRuns,
} from "../../src/driver/close/archive-feature.js";
import {
  findRoadmapRow,
  keepPadding,
  roadmapStatus,
} from "../../src/driver/close/roadmap-table.js";
import {
  checkPostPassInvariant,
  flipRoadmapStatus,
  invariantRepairSteps,
  planTerminalFlips,
  type FlipInput,
} from "../../src/driver/close/terminal-flips.js";
import { dedent } from "../helpers/dedent.js";

const ID = "FEAT-2026-0042";

const ROADMAP = dedent`
  ---
  project: demo
  ---
  # Roadmap

  | Feature ID | Title | Status | Folder | Detail |
  |---|---|---|---|---|
  | FEAT-2026-0001 | Older | done | f1 | [→ archive](roadmap-archive.md#feat-2026-0001) |
  | FEAT-2026-0042 | Rate limits | active  | FEAT-2026-0042-limits | [details](#feat-2026-0042) |
  | FEAT-2026-0050 | Later | planned | f3 | see below |

  ## FEAT-2026-0042 — Rate limits

  Why: p99.

  ### Notes
  More.

  ## FEAT-2026-0050 — Later

  Next.
`;

const ARCHIVE = dedent`
  # Archive

  ${ARCHIVE_MARKER}

  <a id="feat-2026-0001"></a>
  ## FEAT-2026-0001 — Older
  Done.
`;

describe("roadmap table by header (driver D-FLIP-2, Q10)", () => {
  it("D-FLIP-2 finds the row and its Status and Detail cells by header name", () => {
    const row = findRoadmapRow(ROADMAP, ID);
    expect(row).toMatchObject({
      statusColumn: 2,
      detailColumn: 4,
      status: "active",
      detail: "[details](#feat-2026-0042)",
    });
  });

  it("D-FLIP-2 works when Status is not the third column, and ignores tables without Status", () => {
    const text = dedent`
      | Feature ID | Status |
      |---|---|
      | X | y |

      | Feature ID | Owner | State | Detail | Status |
      | :--- | --- | --- | --- | ---: |
      | FEAT-2026-0042 | me | n/a | d | active |
    `;
    expect(roadmapStatus(text, ID)).toBe("active");
    expect(
      roadmapStatus(
        "| Feature ID | Title |\n|---|---|\n| FEAT-2026-0042 | t |\n",
        ID,
      ),
    ).toBeNull();
    expect(
      roadmapStatus(
        "| Feature ID | Status |\n| FEAT-2026-0042 | active |\n",
        ID,
      ),
    ).toBeNull();
  });

  it("D-FLIP-2 the header match is case-insensitive and trimmed; the first matching row wins", () => {
    const text =
      "| Feature ID |  STATUS  |\n|-|-|\n| FEAT-2026-0042 | active |\n| FEAT-2026-0042 | done |\n";
    expect(roadmapStatus(text, ID)).toBe("active");
  });

  it("keepPadding keeps the cell's own whitespace", () => {
    expect(keepPadding(" active  ", "done")).toBe(" done  ");
    expect(keepPadding("active", "done")).toBe("done");
    expect(keepPadding("   ", "done")).toBe(" done ");
  });
});

describe("roadmap Status flip (driver D-FLIP-1 step 2)", () => {
  it("D-FLIP-1 active becomes done, keeping padding; every other line is byte-identical", () => {
    const logs: string[] = [];
    const out = flipRoadmapStatus(ROADMAP, ID, logs);
    const before = ROADMAP.split("\n");
    const after = out.split("\n");
    const changed = after.flatMap((l, i) => (l === before[i] ? [] : [l]));
    expect(changed).toStrictEqual([
      "| FEAT-2026-0042 | Rate limits | done  | FEAT-2026-0042-limits | [details](#feat-2026-0042) |",
    ]);
    expect(logs).toStrictEqual([`roadmap: ${ID} Status active → done`]);
  });

  it.each([
    [
      "already done",
      ROADMAP.replace("active ", "done "),
      `roadmap: ${ID} Status already done`,
    ],
    [
      "planned",
      ROADMAP.replace("active ", "planned "),
      `roadmap: ${ID} Status is 'planned', not active; left as is`,
    ],
    [
      "no row",
      ROADMAP.replace(`| ${ID} |`, "| FEAT-2026-0999 |"),
      `roadmap: no row for ${ID} in a table with a Status column; skipped`,
    ],
  ])("D-FLIP-1 %s leaves the text alone", (_n, text, log) => {
    const logs: string[] = [];
    expect(flipRoadmapStatus(text, ID, logs)).toBe(text);
    expect(logs).toStrictEqual([log]);
  });

  it("property: flipping one row never changes another row (D-FLIP-2)", () => {
    const cell = fc.stringMatching(/^[a-z0-9 ]{0,8}$/);
    const row = fc.tuple(
      fc.constantFrom("FEAT-2026-0001", "FEAT-2026-0002", ID),
      cell,
      fc.constantFrom("active", "done", "planned"),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const lines = [
          "| Feature ID | Title | Status |",
          "|---|---|---|",
          ...rows.map(([id, t, s]) => `| ${id} | ${t} | ${s} |`),
        ];
        const text = `${lines.join("\n")}\n`;
        const out = flipRoadmapStatus(text, ID);
        const a = text.split("\n");
        const b = out.split("\n");
        const target = a.findIndex((l) => l.startsWith(`| ${ID} |`));
        return (
          a.length === b.length && a.every((l, i) => i === target || l === b[i])
        );
      }),
    );
  });
});

describe("archive (driver D-FLIP-3)", () => {
  const done = flipRoadmapStatus(ROADMAP, ID);

  it("D-FLIP-3 moves the section after the marker with its anchor, and links Detail", () => {
    const r = archiveFeature(done, ARCHIVE, ID, "Rate limits");
    expect(r.result).toBe("archived");
    expect(r.archive).toBe(
      dedent`
        # Archive

        ${ARCHIVE_MARKER}
        <a id="feat-2026-0042"></a>
        ## FEAT-2026-0042 — Rate limits

        Why: p99.

        ### Notes
        More.

        <a id="feat-2026-0001"></a>
        ## FEAT-2026-0001 — Older
        Done.
      `,
    );
    expect(r.roadmap).not.toContain("Why: p99.");
    expect(r.roadmap).toContain("## FEAT-2026-0050 — Later");
    expect(findRoadmapRow(r.roadmap ?? "", ID)?.cells[4]).toBe(
      " [→ archive](roadmap-archive.md#feat-2026-0042) ",
    );
    expect(r.roadmap).not.toMatch(/\n{3,}/);
  });

  it("D-FLIP-3 other rows stay byte-identical when archiving", () => {
    const r = archiveFeature(done, ARCHIVE, ID, "t");
    const rows = (t: string) =>
      t.split("\n").filter((l) => l.startsWith("|") && !l.includes(ID));
    expect(rows(r.roadmap ?? "")).toStrictEqual(rows(done));
  });

  it("D-FLIP-3 synthesises a section when the roadmap has none, and creates a missing archive", () => {
    const noSection = done.replace(
      /## FEAT-2026-0042[\s\S]*?(?=## FEAT-2026-0050)/,
      "",
    );
    const r = archiveFeature(noSection, null, ID, "Rate limits");
    expect(r.result).toBe("archived");
    expect(
      r.archive?.startsWith(ARCHIVE_HEADER.split(ARCHIVE_MARKER)[0] ?? "x"),
    ).toBe(true);
    expect(r.archive).toContain(
      `${ARCHIVE_MARKER}\n<a id="feat-2026-0042"></a>\n## FEAT-2026-0042 — Rate limits\n`,
    );
    expect(archiveFeature(noSection, null, ID, undefined).archive).toContain(
      "\n## FEAT-2026-0042\n",
    );
  });

  it("D-FLIP-3 the heading must be exactly this id", () => {
    const text = done.replace(
      "## FEAT-2026-0042 — Rate limits",
      "## FEAT-2026-00421 — Other",
    );
    const r = archiveFeature(text, ARCHIVE, ID, "Rate limits");
    expect(r.roadmap).toContain("## FEAT-2026-00421 — Other");
  });

  it.each<[string, string, string | null, string]>([
    [
      "already linked",
      done.replace(
        "[details](#feat-2026-0042)",
        "[→ archive](roadmap-archive.md#feat-2026-0042)",
      ),
      ARCHIVE,
      "already archived",
    ],
    [
      "status active",
      ROADMAP,
      ARCHIVE,
      "refused: roadmap Status is 'active', not done or abandoned",
    ],
    [
      "no marker",
      done,
      "# Archive\n",
      `refused: roadmap-archive.md has no "${ARCHIVE_MARKER}" line`,
    ],
    [
      "no row",
      "# nothing\n",
      ARCHIVE,
      `refused: no row for ${ID} in a roadmap table with a Status column`,
    ],
    [
      "no Detail column",
      "| Feature ID | Status |\n|---|---|\n| FEAT-2026-0042 | done |\n",
      ARCHIVE,
      "refused: the roadmap table has no Detail column",
    ],
  ])("D-FLIP-3 %s", (_n, roadmap, archive, result) => {
    expect(archiveFeature(roadmap, archive, ID, "t")).toStrictEqual({
      roadmap: null,
      archive: null,
      result,
    });
  });

  it("D-FLIP-3 abandoned features are archived too", () => {
    const abandoned = ROADMAP.replace("active ", "abandoned ");
    expect(archiveFeature(abandoned, ARCHIVE, ID, "t").result).toBe("archived");
  });

  it("collapseBlankRuns keeps single blank lines", () => {
    expect(collapseBlankRuns("a\n\n\n\nb\n\nc\n")).toBe("a\n\nb\n\nc\n");
  });
});

describe("planTerminalFlips (driver D-FLIP-1)", () => {
  const base: FlipInput = {
    closeUnitId: `${ID}/G2-CLOSE`,
    featureId: ID,
    terminalGate: 2,
    gateStatus: "awaiting_review",
    planStatus: "active",
    planTitle: "Rate limits",
    verdict: "met",
    roadmap: ROADMAP,
    archive: ARCHIVE,
  };

  it("D-FLIP-1 all steps run and log, and the result satisfies the invariant", () => {
    const plan = planTerminalFlips(base);
    expect(plan.isGatePassed).toBe(true);
    expect(plan.isPlanDone).toBe(true);
    expect(plan.archiveResult).toBe("archived");
    expect(plan.hasChanges).toBe(true);
    expect(plan.commitSubject).toBe(
      `chore(loop): ${ID}/G2-CLOSE terminal flips`,
    );
    expect(plan.logs).toStrictEqual([
      "gate 2: awaiting_review → passed",
      `roadmap: ${ID} Status active → done`,
      "PLAN.md: status active → done",
      "archive: archived",
    ]);
    expect(
      checkPostPassInvariant({
        featureId: ID,
        terminalGate: 2,
        gateStatus: "passed",
        roadmap: plan.roadmap,
        archive: plan.archive,
      }),
    ).toStrictEqual({ ok: true });
  });

  it("D-FLIP-1 skips: gate not awaiting, verdict not met, no roadmap", () => {
    const plan = planTerminalFlips({
      ...base,
      gateStatus: "open",
      verdict: "partially_met",
      roadmap: null,
    });
    expect(plan).toMatchObject({
      isGatePassed: false,
      isPlanDone: false,
      roadmap: null,
      archive: null,
      archiveResult: "skipped",
      hasChanges: false,
    });
    expect(plan.logs).toStrictEqual([
      "gate 2: status is open, not awaiting_review; left as is",
      "PLAN.md: status left as active (verdict is partially_met; the flip needs met)",
    ]);
    expect(plan.warnings).toStrictEqual([
      "no .specfuse/roadmap.md: the roadmap Status and archive steps were skipped",
    ]);
    expect(planTerminalFlips({ ...base, gateStatus: null }).logs[0]).toBe(
      "gate 2: GATE file missing; status not changed",
    );
  });

  it("D-FLIP-1 re-running on a flipped tree changes nothing", () => {
    const first = planTerminalFlips(base);
    const again = planTerminalFlips({
      ...base,
      gateStatus: "passed",
      planStatus: "done",
      roadmap: first.roadmap,
      archive: first.archive,
    });
    expect(again.hasChanges).toBe(false);
    expect(again.archiveResult).toBe("already archived");
  });
});

describe("post-pass invariant (driver D-INV-1, D-INV-2)", () => {
  it("D-INV-1 lists every failure; assertion is the first one's name", () => {
    const r = checkPostPassInvariant({
      featureId: ID,
      terminalGate: 2,
      gateStatus: "awaiting_review",
      roadmap: ROADMAP,
      archive: ARCHIVE,
    });
    expect(r).toStrictEqual({
      ok: false,
      failures: [
        "terminal_gate_not_passed: gate 2 is awaiting_review",
        `roadmap_row_not_done: ${ID} Status is 'active'`,
        "archive_anchor_missing: feat-2026-0042",
      ],
      assertion: "terminal_gate_not_passed",
      summary: [
        "terminal_gate_not_passed: gate 2 is awaiting_review",
        `roadmap_row_not_done: ${ID} Status is 'active'`,
        "archive_anchor_missing: feat-2026-0042",
      ].join("\n"),
    });
  });

  it("D-INV-1 without a roadmap only the gate is checked", () => {
    expect(
      checkPostPassInvariant({
        featureId: ID,
        terminalGate: 2,
        gateStatus: "passed",
        roadmap: null,
        archive: null,
      }),
    ).toStrictEqual({ ok: true });
  });

  it("D-INV-1 a missing row is a roadmap failure", () => {
    const r = checkPostPassInvariant({
      featureId: ID,
      terminalGate: 2,
      gateStatus: "passed",
      roadmap: "# empty\n",
      archive: `<a id="feat-2026-0042"></a>`,
    });
    expect(r.ok === false && r.failures).toStrictEqual([
      `roadmap_row_not_done: no row for ${ID} in .specfuse/roadmap.md`,
    ]);
  });

  it("D-INV-2 gives one repair step per failure", () => {
    const steps = invariantRepairSteps(
      [
        "terminal_gate_not_passed: x",
        "roadmap_row_not_done: y",
        "archive_anchor_missing: z",
      ],
      ".specfuse/features/F/GATE-02.md",
      ID,
    );
    expect(steps[0]).toBe(
      "set `status: passed` in .specfuse/features/F/GATE-02.md",
    );
    expect(steps[1]).toContain("Status cell");
    expect(steps[2]).toContain('<a id="feat-2026-0042"></a>');
  });
});
