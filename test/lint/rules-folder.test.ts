import { describe, expect, it } from "vitest";
import { lintFeature } from "../../src/lint/lint-feature.js";
import {
  snapshotOf,
  base,
  brief,
  edit,
  lintTree,
  planText,
  where,
  withFiles,
  type Tree,
} from "./helpers.js";

describe("plan-missing (L01, L-EVAL-2)", () => {
  it.each<[string, Tree, string]>([
    [
      "no PLAN.md",
      withFiles(base(), { "PLAN.md": undefined }),
      "does not exist",
    ],
    ["a missing folder", {}, "does not exist"],
    [
      "PLAN.md is a directory",
      withFiles(base(), { "PLAN.md": { kind: "not-file" } }),
      "not a regular file",
    ],
  ])("fires for %s, at line null, and ends the folder", (_name, tree, text) => {
    const report = lintTree(tree);
    expect(brief(report)).toStrictEqual(["plan-missing feat/PLAN.md:-"]);
    expect(report.diagnostics[0]?.message).toContain(text);
    expect(report.diagnostics[0]?.gate).toBeNull();
  });

  it("does not fire when PLAN.md exists", () => {
    expect(where(lintTree(base()), "plan-missing")).toStrictEqual([]);
  });
});

describe("yaml-invalid (L-EVAL-2, L-EVAL-3)", () => {
  it("an unreadable PLAN.md is reported and ends the folder", () => {
    const report = lintTree(
      withFiles(base(), {
        "PLAN.md": { kind: "unreadable", reason: "not valid UTF-8 text" },
      }),
    );
    expect(brief(report)).toStrictEqual(["yaml-invalid feat/PLAN.md:1"]);
    expect(report.diagnostics[0]?.message).toContain("not valid UTF-8 text");
  });

  it("an unclosed PLAN frontmatter is reported at line 1 and ends the folder (L-CONF-5 item 7)", () => {
    const report = lintTree(
      edit(
        base(),
        "PLAN.md",
        "planned_cost_usd: 3.0\n---",
        "planned_cost_usd: 3.0",
      ),
    );
    expect(brief(report)).toStrictEqual(["yaml-invalid feat/PLAN.md:1"]);
    expect(report.diagnostics[0]?.hint).toContain('"---"');
  });

  it("a PLAN frontmatter syntax error is reported at its file line, skips plan-keys and the PLAN cost checks, and goes on", () => {
    const tree = edit(
      base(),
      "PLAN.md",
      "title: Tide table export",
      "title: Tide table export\noops",
    );
    const report = lintTree(
      edit(tree, "WU-01-export.md", "type: implementation", "type: chore"),
    );
    expect(where(report, "yaml-invalid")).toStrictEqual([
      { file: "feat/PLAN.md", line: 4, gate: null },
    ]);
    expect(report.diagnostics[0]?.message).toMatch(
      /^The PLAN frontmatter cannot be read: .*\(line 4: "oops"\)\.$/,
    );
    expect(where(report, "plan-keys")).toStrictEqual([]);
    expect(where(report, "plan-planned-cost-missing")).toStrictEqual([]);
    expect(where(report, "wu-type")).toHaveLength(1);
  });

  it("a duplicate key and a second document are yaml-invalid", () => {
    const dup = lintTree(
      edit(
        base(),
        "WU-01-export.md",
        "status: pending",
        "status: pending\nstatus: ready",
      ),
    );
    expect(where(dup, "yaml-invalid")).toStrictEqual([
      { file: "feat/WU-01-export.md", line: 5, gate: null },
    ]);
    expect(
      dup.diagnostics.find((d) => d.rule === "yaml-invalid")?.message,
    ).toContain("duplicate key");
    const docs = lintTree(
      edit(base(), "GATE-01.md", "status: open", "status: open\n...\nx: 1"),
    );
    expect(where(docs, "yaml-invalid")).toHaveLength(1);
    expect(where(docs, "yaml-invalid")[0]?.file).toBe("feat/GATE-01.md");
  });

  it("a frontmatter that is not a mapping is yaml-invalid", () => {
    const report = lintTree(
      withFiles(base(), { "WU-02-utc.md": "---\n- a list\n---\nbody\n" }),
    );
    expect(where(report, "yaml-invalid")).toStrictEqual([
      { file: "feat/WU-02-utc.md", line: 2, gate: null },
    ]);
  });

  it("a broken yaml block before the graph is reported at its file line, and the graph is still used", () => {
    const plan = planText().replace(
      "# Plan: tide table export\n",
      "# Plan\n\n```yaml\nexample: [\n```\n",
    );
    const report = lintTree(withFiles(base(), { "PLAN.md": plan }));
    expect(brief(report)).toStrictEqual(["yaml-invalid feat/PLAN.md:13"]);
  });

  it("a broken block and no graph: yaml-invalid only, no graph-missing, and the folder ends", () => {
    const plan = "---\nfeature_id: X\n---\n\n```yml\na: [\n```\n";
    const report = lintTree({ "PLAN.md": plan });
    expect(brief(report)).toStrictEqual([
      "plan-keys feat/PLAN.md:1",
      "yaml-invalid feat/PLAN.md:6",
    ]);
  });

  it("a yaml-invalid WU file leaves its gate's closing shape and plan-cost-mismatch unchecked", () => {
    let tree = edit(
      base(),
      "WU-90-g1-close.md",
      "status: pending",
      "status: [",
    );
    tree = edit(
      tree,
      "PLAN.md",
      "planned_cost_usd: 3.0",
      "planned_cost_usd: 100.0",
    );
    const report = lintTree(tree);
    expect(brief(report)).toStrictEqual([
      "yaml-invalid feat/WU-90-g1-close.md:5",
    ]);
  });

  it("an unreadable WU file (I/O error) is yaml-invalid at line 1", () => {
    const report = lintTree(
      withFiles(base(), {
        "WU-03-columns.md": {
          kind: "unreadable",
          reason: "EACCES: permission denied",
        },
      }),
    );
    expect(where(report, "yaml-invalid")).toStrictEqual([
      { file: "feat/WU-03-columns.md", line: 1, gate: null },
    ]);
  });
});

describe("plan-keys (L02)", () => {
  it.each<[string, string, string]>([
    ["one key", "branch: feat/FEAT-2026-0101-tide-export\n", "branch"],
    [
      "two keys, listed sorted",
      "feature_id: FEAT-2026-0101\ntitle: Tide table export\n",
      "feature_id and title",
    ],
  ])("lists %s at line 1", (_name, cut, listed) => {
    const report = lintTree(edit(base(), "PLAN.md", cut, ""));
    expect(where(report, "plan-keys")).toStrictEqual([
      { file: "feat/PLAN.md", line: 1, gate: null },
    ]);
    expect(
      report.diagnostics.find((d) => d.rule === "plan-keys")?.message,
    ).toContain(`lacks ${listed};`);
  });

  it("accepts empty values: only presence is checked", () => {
    const report = lintTree(
      edit(base(), "PLAN.md", "title: Tide table export", "title:"),
    );
    expect(where(report, "plan-keys")).toStrictEqual([]);
  });

  it("a PLAN without frontmatter misses all five", () => {
    const plan = planText().replace(/^---[\s\S]*?---\n/, "");
    const report = lintTree(withFiles(base(), { "PLAN.md": plan }));
    expect(where(report, "plan-keys")).toHaveLength(1);
    expect(
      report.diagnostics.find((d) => d.rule === "plan-keys")?.hint,
    ).toContain("feature_id: FEAT-2026-0101");
  });
});

describe("graph-missing (L03)", () => {
  it("fires at line 1 when no block has gates, and ends the folder", () => {
    const plan = planText().replace("```yaml", "```text");
    const report = lintTree(withFiles(base(), { "PLAN.md": plan }));
    expect(brief(report)).toStrictEqual(["graph-missing feat/PLAN.md:1"]);
  });

  it("skips example blocks without gates (F-GRAPH-1)", () => {
    const plan = planText().replace(
      "# Plan: tide table export\n",
      "# Plan\n\n```yaml\nexample: true\n```\n",
    );
    expect(
      brief(lintTree(withFiles(base(), { "PLAN.md": plan }))),
    ).toStrictEqual([]);
  });
});

describe("graph-shape (new)", () => {
  it("gates that is not a list ends the folder, at the gates line", () => {
    const report = lintTree(
      withFiles(base(), { "PLAN.md": planText("gates: 3") }),
    );
    expect(brief(report)).toStrictEqual(["graph-shape feat/PLAN.md:13"]);
  });

  it.each<[string, string, Array<{ line: number; gate: number | string }>]>([
    [
      "a gate that is not a mapping",
      "gates:\n  - just text",
      [{ line: 14, gate: "?" }],
    ],
    [
      "work_units that is not a list",
      "gates:\n  - gate: 1\n    file: GATE-01.md\n    work_units: none",
      [{ line: 16, gate: 1 }],
    ],
    [
      "a gate file that is not a string",
      "gates:\n  - gate: 1\n    file: [GATE-01.md]\n    work_units: []",
      [{ line: 15, gate: 1 }],
    ],
    [
      "a unit entry that is not a mapping",
      "gates:\n  - gate: 1\n    file: GATE-01.md\n    work_units:\n      - FEAT-2026-0101/T01",
      [{ line: 17, gate: 1 }],
    ],
    [
      "a unit file that is not a string",
      "gates:\n  - gate: 1\n    file: GATE-01.md\n    work_units:\n      - id: FEAT-2026-0101/T01\n        file: 12",
      [{ line: 18, gate: 1 }],
    ],
  ])("reports %s", (_name, graph, expected) => {
    const report = lintTree(withFiles(base(), { "PLAN.md": planText(graph) }));
    expect(where(report, "graph-shape")).toStrictEqual(
      expected.map((e) => ({ file: "feat/PLAN.md", ...e })),
    );
  });

  it("does not fire for null work_units, an empty list or a valid graph", () => {
    const graph =
      "gates:\n  - gate: 1\n    file: GATE-01.md\n    work_units:\n  - gate: 2\n    work_units: []";
    expect(
      where(
        lintTree(withFiles(base(), { "PLAN.md": planText(graph) })),
        "graph-shape",
      ),
    ).toStrictEqual([]);
    expect(where(lintTree(base()), "graph-shape")).toStrictEqual([]);
  });

  it("a non-mapping unit entry is skipped but the next entries are still checked", () => {
    const graph = [
      "gates:",
      "  - gate: 1",
      "    file: GATE-01.md",
      "    work_units:",
      "      - 7",
      "      - id: FEAT-2026-0101/G1-CLOSE",
      "        file: WU-404.md",
    ].join("\n");
    const report = lintTree(withFiles(base(), { "PLAN.md": planText(graph) }));
    expect(where(report, "wu-file-missing")).toStrictEqual([
      { file: "feat/WU-404.md", line: null, gate: 1 },
    ]);
  });
});

describe("feature-dir-name (new; issue 9: {feature_dir} reaches the shell)", () => {
  it.each([
    ["FEAT-2026-0042-$(touch pwned)", '"$", "(", " ", ")"'],
    ["FEAT-2026-0042;rm -rf x", '";", " "'],
    ["FEAT-2026-0042-`id`", '"`"'],
    ["FEAT-2026-0042-café", '"é"'],
    ["it's", `"'"`],
  ])("rejects %j, naming the characters and a safe name", (name, chars) => {
    const report = lintTree(base(), { dir: name });
    const found = report.diagnostics.filter(
      (d) => d.rule === "feature-dir-name",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "error",
      file: `${name}/PLAN.md`,
      line: null,
      gate: null,
    });
    expect(found[0]?.message).toContain(`uses ${chars};`);
    expect(found[0]?.hint).toMatch(
      /rename the folder, for example to "[A-Za-z0-9._-]+"/,
    );
    expect(report.ok).toBe(false);
  });

  it.each([
    "FEAT-2026-0042-rate-limits",
    "INIT-2026-0001-F06-billing-export",
    "base",
    "m-wu-id-format",
    "feature_1.draft",
  ])("accepts %j (letters, digits, '.', '_', '-')", (name) => {
    expect(
      where(lintTree(base(), { dir: name }), "feature-dir-name"),
    ).toStrictEqual([]);
  });

  it("still reports a missing PLAN.md after a bad name", () => {
    const report = lintTree({}, { dir: "a b" });
    expect(brief(report)).toStrictEqual([
      "feature-dir-name a b/PLAN.md:-",
      "plan-missing a b/PLAN.md:-",
    ]);
  });
});

describe("roadmap-row-missing (new, warning; issue 17 point 4)", () => {
  const TABLE =
    "# Roadmap\n\n| Feature ID | Title | Status | Folder | Detail |\n|---|---|---|---|---|\n";
  const ROW =
    "| FEAT-2026-0101 | Tide table export | active | FEAT-2026-0101-tide-export | |\n";

  function lintWithRoadmap(roadmap: string | null, tree: Tree = base()) {
    const snapshot = snapshotOf(tree);
    snapshot.roadmap =
      roadmap === null ? { kind: "missing" } : { kind: "file", text: roadmap };
    return lintFeature(snapshot, { strict: false, justClosedGate: null });
  }

  it("is silent when the feature's row is in a table with a Status column", () => {
    expect(
      where(lintWithRoadmap(TABLE + ROW), "roadmap-row-missing"),
    ).toStrictEqual([]);
  });

  it("warns at the PLAN feature_id line when the row is missing, with the row to add", () => {
    const report = lintWithRoadmap(TABLE);
    expect(where(report, "roadmap-row-missing")).toStrictEqual([
      { file: "feat/PLAN.md", line: 2, gate: null },
    ]);
    const d = report.diagnostics.find((x) => x.rule === "roadmap-row-missing");
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain(
      ".specfuse/roadmap.md has no row for FEAT-2026-0101",
    );
    expect(d?.hint).toContain(
      '"| FEAT-2026-0101 | Tide table export | active | … |"',
    );
    expect(report.ok).toBe(true);
  });

  it("warns when the workspace has no roadmap at all", () => {
    const d = lintWithRoadmap(null).diagnostics.find(
      (x) => x.rule === "roadmap-row-missing",
    );
    expect(d?.message).toContain("There is no .specfuse/roadmap.md");
  });

  it("is silent outside a workspace, and for done or abandoned features", () => {
    expect(where(lintTree(base()), "roadmap-row-missing")).toStrictEqual([]);
    const done = edit(base(), "PLAN.md", "status: active", "status: done");
    expect(
      where(lintWithRoadmap(TABLE, done), "roadmap-row-missing"),
    ).toStrictEqual([]);
  });
});
