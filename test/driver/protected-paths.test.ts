import { describe, expect, it } from "vitest";
import {
  detectViolations,
  graphSubset,
  stableJson,
  type FileState,
} from "../../src/driver/protect/compare-protected.js";
import {
  gateFileNumber,
  protectedSet,
  type ProtectedSet,
} from "../../src/driver/protect/protected-set.js";
import { parsePlan } from "../../src/plan/parse-plan.js";
import { toPlanGraph, type PlanGraph } from "../../src/plan/plan-graph.js";
import { dedent } from "../helpers/dedent.js";

const F = ".specfuse/features/FEAT-2026-0042-limits";

const PLAN = dedent`
  ---
  feature_id: FEAT-2026-0042
  status: active
  ---
  # Plan

  \`\`\`yaml
  gates:
    - gate: 1
      file: GATE-01.md
      work_units:
        - id: FEAT-2026-0042/T01
          file: WU-01-a.md
        - id: FEAT-2026-0042/G1-CLOSE-INTERMEDIATE
          file: WU-90-ci.md
          depends_on: [FEAT-2026-0042/T01]
        - id: FEAT-2026-0042/G1-PLAN
          file: WU-91-plan.md
          depends_on: [FEAT-2026-0042/G1-CLOSE-INTERMEDIATE]
    - gate: 2
      file: GATE-02.md
      work_units:
        - id: FEAT-2026-0042/T02
          file: WU-02-b.md
  \`\`\`
`;

function graphOf(text: string): PlanGraph {
  const g = parsePlan(text).graph;
  if (g === null) throw new Error("no graph");
  return toPlanGraph(g);
}

function setFor(unitType: string, unitFile: string, gate = 1): ProtectedSet {
  return protectedSet({
    featureDir: F,
    unitType,
    unitFile,
    currentGate: gate,
    graph: graphOf(PLAN),
    featureFiles: [
      "PLAN.md",
      "GATE-01.md",
      "GATE-02.md",
      "GATE-07.md",
      "GATE-01-REVIEW.md",
      "WU-01-a.md",
    ],
  });
}

const st = (text: string): FileState => ({ hash: `h:${text}`, text });

describe("protectedSet (driver D-PROT-1)", () => {
  it("D-PROT-1 lists P1..P9 for an implementation unit, with no exceptions", () => {
    const set = setFor("implementation", "WU-01-a.md");
    expect(set.entries.map((e) => [e.rule, e.path, e.compare])).toStrictEqual([
      ["P1", ".specfuse/verification.yml", "content"],
      ["P2", ".specfuse/config.yml", "content"],
      ["P2", ".specfuse/config", "content"],
      ["P3", ".specfuse/.loop.lock", "tree"],
      ["P3", ".specfuse/.loop.lock.json", "content"],
      ["P4", `${F}/events.jsonl`, "content"],
      ["P5", `${F}/PLAN.md`, "content"],
      ["P6", `${F}/GATE-01.md`, "content"],
      ["P6", `${F}/GATE-02.md`, "content"],
      ["P6", `${F}/GATE-07.md`, "content"],
      ["P7", `${F}/WU-01-a.md`, "frontmatter"],
      ["P7", `${F}/WU-90-ci.md`, "frontmatter"],
      ["P7", `${F}/WU-91-plan.md`, "frontmatter"],
      ["P8", `${F}/work/run-state.json`, "content"],
      ["P9", "HEAD", "branch"],
    ]);
    expect(set.isClosing).toBe(false);
    expect(
      set.entries
        .filter((e) => e.rule !== "P7")
        .every((e) => e.exception === null),
    ).toBe(true);
  });

  it("D-PROT-1 P7 excludes later gates' WU files (drafts) and review files are not P6", () => {
    const paths = setFor("implementation", "WU-01-a.md").entries.map(
      (e) => e.path,
    );
    expect(paths).not.toContain(`${F}/WU-02-b.md`);
    expect(paths).not.toContain(`${F}/GATE-01-REVIEW.md`);
  });

  it("D-PROT-1 closing types get the P5 graph and P6 later-gate exceptions", () => {
    const set = setFor("plan-next", "WU-91-plan.md");
    const byPath = new Map(set.entries.map((e) => [e.path, e]));
    expect(byPath.get(`${F}/PLAN.md`)?.compare).toBe("graph");
    expect(byPath.get(`${F}/GATE-01.md`)?.compare).toBe("content");
    expect(byPath.get(`${F}/GATE-02.md`)?.compare).toBe("later-gate");
    expect(byPath.get(`${F}/GATE-07.md`)?.compare).toBe("later-gate");
    expect(byPath.get(`${F}/WU-91-plan.md`)?.compare).toBe("frontmatter");
    expect(set.exceptions.join("\n")).toContain("may be created or edited");
  });

  it("D-PROT-1 close and close-intermediate may set their own verdict", () => {
    const set = setFor("close-intermediate", "WU-90-ci.md");
    expect(set.isVerdictAllowed).toBe(true);
    expect(
      set.entries.find((e) => e.path === `${F}/WU-90-ci.md`)?.compare,
    ).toBe("own-frontmatter");
    expect(setFor("plan-next", "WU-91-plan.md").isVerdictAllowed).toBe(false);
  });

  it("gateFileNumber reads GATE-<digits>.md only", () => {
    expect(
      ["GATE-01.md", "GATE-100.md", "GATE-01-REVIEW.md", "GATE-x.md"].map(
        gateFileNumber,
      ),
    ).toStrictEqual([1, 100, null, null]);
  });
});

describe("detectViolations (driver D-PROT-2)", () => {
  const wu = dedent`
    ---
    id: FEAT-2026-0042/G1-CLOSE-INTERMEDIATE
    status: in_progress
    attempts: 1
    ---
    # Close
  `;

  function views(
    before: Record<string, FileState>,
    after: Record<string, FileState>,
    branch: [string, string] = ["feat/x", "feat/x"],
  ) {
    return {
      before: new Map(Object.entries(before)),
      after: new Map(Object.entries(after)),
      branchBefore: branch[0],
      branchAfter: branch[1],
    };
  }

  it("D-PROT-2 content paths: changed, created and deleted are violations; equal hashes are not", () => {
    const set = setFor("implementation", "WU-01-a.md");
    const found = detectViolations(
      set,
      views(
        {
          ".specfuse/verification.yml": st("a"),
          ".specfuse/config.yml": null,
          [`${F}/events.jsonl`]: st("e"),
          [`${F}/work/run-state.json`]: st("r"),
        },
        {
          ".specfuse/verification.yml": st("b"),
          ".specfuse/config.yml": st("new"),
          [`${F}/events.jsonl`]: null,
          [`${F}/work/run-state.json`]: st("r"),
        },
      ),
    );
    expect(found).toStrictEqual([
      ".specfuse/config.yml",
      `${F}/events.jsonl`,
      ".specfuse/verification.yml",
    ]);
  });

  it("D-PROT-2 paths not gathered (unchanged per git status) are skipped", () => {
    const set = setFor("implementation", "WU-01-a.md");
    expect(
      detectViolations(
        set,
        views({ ".specfuse/verification.yml": st("a") }, {}),
      ),
    ).toStrictEqual([]);
  });

  it("D-PROT-2 P9 a branch change is reported as HEAD", () => {
    const set = setFor("implementation", "WU-01-a.md");
    expect(
      detectViolations(set, views({}, {}, ["feat/x", "main"])),
    ).toStrictEqual(["HEAD"]);
  });

  it("D-PROT-2 P7 compares parsed frontmatter: body edits and key order are fine", () => {
    const set = setFor("implementation", "WU-01-a.md");
    const p = `${F}/WU-90-ci.md`;
    const reordered = wu.replace(
      "status: in_progress\nattempts: 1",
      "attempts: 1\nstatus: in_progress",
    );
    const bodyEdit = `${wu}\nmore notes\n`;
    expect(
      detectViolations(set, views({ [p]: st(wu) }, { [p]: st(reordered) })),
    ).toStrictEqual([]);
    expect(
      detectViolations(set, views({ [p]: st(wu) }, { [p]: st(bodyEdit) })),
    ).toStrictEqual([]);
    const statusEdit = wu.replace("in_progress", "done");
    expect(
      detectViolations(set, views({ [p]: st(wu) }, { [p]: st(statusEdit) })),
    ).toStrictEqual([p]);
    const broken = wu.replace("attempts: 1", "attempts: [1");
    expect(
      detectViolations(set, views({ [p]: st(wu) }, { [p]: st(broken) })),
    ).toStrictEqual([p]);
    expect(
      detectViolations(set, views({ [p]: st(wu) }, { [p]: null })),
    ).toStrictEqual([p]);
  });

  it("D-PROT-1 P7 a close-type unit may set its own verdict, nothing else", () => {
    const set = setFor("close-intermediate", "WU-90-ci.md");
    const p = `${F}/WU-90-ci.md`;
    const withVerdict = wu.replace("attempts: 1", "attempts: 1\nverdict: met");
    expect(
      detectViolations(set, views({ [p]: st(wu) }, { [p]: st(withVerdict) })),
    ).toStrictEqual([]);
    const alsoStatus = withVerdict.replace("in_progress", "done");
    expect(
      detectViolations(set, views({ [p]: st(wu) }, { [p]: st(alsoStatus) })),
    ).toStrictEqual([p]);
    const other = `${F}/WU-01-a.md`;
    const a = "---\nid: A\n---\n";
    expect(
      detectViolations(
        set,
        views(
          { [other]: st(a) },
          { [other]: st("---\nid: A\nverdict: met\n---\n") },
        ),
      ),
    ).toStrictEqual([other]);
  });

  it("D-PROT-1 P5 closing types may edit PLAN.md outside the current gates' graph subset", () => {
    const set = setFor("plan-next", "WU-91-plan.md");
    const p = `${F}/PLAN.md`;
    const fmEdit = PLAN.replace("status: active", "status: done");
    const laterGate = PLAN.replace(
      "file: WU-02-b.md",
      "file: WU-02-b.md\n      - id: FEAT-2026-0042/T03\n        file: WU-03-c.md",
    );
    const proseEdit = PLAN.replace("# Plan", "# Plan\n\nNotes added.");
    expect(graphOf(laterGate).units.has("FEAT-2026-0042/T03")).toBe(true);
    for (const after of [fmEdit, laterGate, proseEdit])
      expect(
        detectViolations(set, views({ [p]: st(PLAN) }, { [p]: st(after) })),
      ).toStrictEqual([]);
    const depEdit = PLAN.replace(
      "depends_on: [FEAT-2026-0042/T01]",
      "depends_on: []",
    );
    const fileEdit = PLAN.replace("file: WU-01-a.md", "file: WU-01-z.md");
    const gone = PLAN.replace(/```yaml[\s\S]*```/, "");
    for (const after of [depEdit, fileEdit, gone])
      expect(
        detectViolations(set, views({ [p]: st(PLAN) }, { [p]: st(after) })),
      ).toStrictEqual([p]);
    expect(
      detectViolations(set, views({ [p]: st(PLAN) }, { [p]: null })),
    ).toStrictEqual([p]);
  });

  it("D-PROT-1 P5 any PLAN.md edit is a violation for other types", () => {
    const set = setFor("implementation", "WU-01-a.md");
    const p = `${F}/PLAN.md`;
    const proseEdit = PLAN.replace("# Plan", "# Plan!");
    expect(
      detectViolations(set, views({ [p]: st(PLAN) }, { [p]: st(proseEdit) })),
    ).toStrictEqual([p]);
  });

  it("D-PROT-1 P6 closing types may create or edit later gates' files while open", () => {
    const set = setFor("plan-next", "WU-91-plan.md");
    const g2 = `${F}/GATE-02.md`;
    const g3 = `${F}/GATE-03.md`;
    const open = "---\ngate: 2\nstatus: open\n---\n";
    const noStatus = "---\ngate: 2\ncost_budget_usd: 3\n---\n";
    const passed = "---\ngate: 2\nstatus: passed\n---\n";
    expect(
      detectViolations(set, views({ [g2]: st(open) }, { [g2]: st(noStatus) })),
    ).toStrictEqual([]);
    expect(
      detectViolations(set, views({ [g2]: null }, { [g2]: st(open) })),
    ).toStrictEqual([]);
    expect(
      detectViolations(set, views({}, { [g3]: st("---\ngate: 3\n---\n") })),
    ).toStrictEqual([]);
    expect(
      detectViolations(set, views({ [g2]: st(open) }, { [g2]: st(passed) })),
    ).toStrictEqual([g2]);
    expect(
      detectViolations(set, views({ [g2]: st(passed) }, { [g2]: st(open) })),
    ).toStrictEqual([g2]);
    expect(
      detectViolations(set, views({ [g2]: st(open) }, { [g2]: null })),
    ).toStrictEqual([g2]);
    const g1 = `${F}/GATE-01.md`;
    expect(
      detectViolations(set, views({ [g1]: st(open) }, { [g1]: st(noStatus) })),
    ).toStrictEqual([g1]);
  });

  it("D-PROT-1 P6 a new GATE file is a violation for other types; review files never are", () => {
    const set = setFor("implementation", "WU-01-a.md");
    const g3 = `${F}/GATE-03.md`;
    const review = `${F}/GATE-01-REVIEW.md`;
    expect(
      detectViolations(
        set,
        views({}, { [g3]: st("---\ngate: 3\n---\n"), [review]: st("x") }),
      ),
    ).toStrictEqual([g3]);
  });
});

describe("graphSubset (driver D-PROT-2 P5)", () => {
  it("keeps gates up to the current number and ignores later ones", () => {
    const g1 = graphSubset(PLAN, 1);
    const g2 = graphSubset(PLAN, 2);
    expect(g1).not.toBeNull();
    expect(g1).not.toBe(g2);
    expect(JSON.parse(g1 ?? "null")).toHaveLength(1);
  });
  it("is null without a graph", () => {
    expect(graphSubset("# no graph\n", 1)).toBeNull();
  });
  it("stableJson ignores key order", () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe(
      stableJson({ a: { c: 3, d: 2 }, b: 1 }),
    );
  });
});
