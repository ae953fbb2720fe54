import { describe, expect, it } from "vitest";
import {
  base,
  BASE_GRAPH,
  edit,
  gateFile,
  lintTree,
  planText,
  where,
  withFiles,
  type Tree,
} from "./helpers.js";

// The base tree with the graph text edited.
function graph(from: string | RegExp, to: string): Tree {
  return withFiles(base(), {
    "PLAN.md": planText(BASE_GRAPH.replace(from, to)),
  });
}

describe("gate-number (new)", () => {
  it.each<[string, string, number | string]>([
    ["an absent number", "  - file: GATE-02.md", "?"],
    ["a string number", '  - gate: "2"\n    file: GATE-02.md', "2"],
    ["a fractional number", "  - gate: 2.5\n    file: GATE-02.md", 2.5],
    ["a boolean", "  - gate: true\n    file: GATE-02.md", "true"],
  ])(
    "fires for %s at the gate's line, with its gate value",
    (_name, text, gate) => {
      const report = lintTree(graph("  - gate: 2\n    file: GATE-02.md", text));
      expect(where(report, "gate-number")).toStrictEqual([
        { file: "feat/PLAN.md", line: 29, gate },
      ]);
    },
  );

  it("accepts integers, negative ones included", () => {
    expect(
      where(lintTree(graph("gate: 2", "gate: -2")), "gate-number"),
    ).toStrictEqual([]);
    expect(where(lintTree(base()), "gate-number")).toStrictEqual([]);
  });
});

describe("gate-duplicate (new)", () => {
  it("fires at the later gate for a repeated number", () => {
    const report = lintTree(graph("gate: 2", "gate: 1"));
    expect(where(report, "gate-duplicate")).toStrictEqual([
      { file: "feat/PLAN.md", line: 29, gate: 1 },
    ]);
    expect(
      report.diagnostics.find((d) => d.rule === "gate-duplicate")?.message,
    ).toContain("first at line 14");
  });

  it("fires for a repeated file, compared after normalization", () => {
    const report = lintTree(graph("file: GATE-02.md", "file: ./GATE-01.md"));
    expect(where(report, "gate-duplicate")).toStrictEqual([
      { file: "feat/PLAN.md", line: 29, gate: 2 },
    ]);
  });

  it('does not confuse 2 with "2" (L-IN-4)', () => {
    const tree = graph("  - gate: 2\n", '  - gate: "1"\n');
    expect(where(lintTree(tree), "gate-duplicate")).toStrictEqual([]);
  });
});

describe("path-escape (new, F-GRAPH-5)", () => {
  it.each<[string, string, number]>([
    ["a WU file climbing out", "file: WU-03-columns.md", 33],
    ["a gate file that is absolute", "file: GATE-02.md", 30],
  ])("fires for %s at the file line", (_name, from, line) => {
    const to = from.includes("GATE")
      ? "file: /tmp/GATE-02.md"
      : "file: ../WU-03-columns.md";
    const report = lintTree(graph(from, to));
    expect(where(report, "path-escape")).toStrictEqual([
      { file: "feat/PLAN.md", line, gate: 2 },
    ]);
  });

  it("still reads and checks a file outside the folder (L-IN-2)", () => {
    let tree = graph(
      "file: WU-03-columns.md",
      "file: sub/../../WU-03-columns.md",
    );
    tree = withFiles(tree, {
      "sub/../../WU-03-columns.md": tree["WU-03-columns.md"],
    });
    tree = edit(
      tree,
      "sub/../../WU-03-columns.md",
      "type: implementation",
      "type: nonsense",
    );
    const report = lintTree(tree);
    expect(where(report, "path-escape")).toHaveLength(1);
    expect(where(report, "wu-type")).toStrictEqual([
      { file: "feat/sub/../../WU-03-columns.md", line: 3, gate: null },
    ]);
  });

  it.each(["C:/x/WU.md", "\\\\server\\WU.md", ".."])(
    "treats %s as escaping",
    (file) => {
      const report = lintTree(
        graph("file: WU-03-columns.md", `file: '${file}'`),
      );
      expect(where(report, "path-escape")).toHaveLength(1);
    },
  );

  it("does not fire for sub-folders or names that merely start with dots", () => {
    const tree = withFiles(
      graph("file: WU-03-columns.md", "file: units/..WU-03.md"),
      {
        "units/..WU-03.md": base()["WU-03-columns.md"],
      },
    );
    expect(where(lintTree(tree), "path-escape")).toStrictEqual([]);
  });
});

describe("gate-file-missing (new, L-EVAL-4)", () => {
  it("fires when a gate with units has no file", () => {
    const report = lintTree(graph("    file: GATE-02.md\n", ""));
    expect(where(report, "gate-file-missing")).toStrictEqual([
      { file: "feat/PLAN.md", line: 29, gate: 2 },
    ]);
    expect(
      report.diagnostics.find((d) => d.rule === "gate-file-missing")?.hint,
    ).toContain('"file: GATE-02.md"');
  });

  it("fires when the file does not exist or is a directory", () => {
    expect(
      where(
        lintTree(withFiles(base(), { "GATE-02.md": undefined })),
        "gate-file-missing",
      ),
    ).toStrictEqual([{ file: "feat/PLAN.md", line: 29, gate: 2 }]);
    const dir = lintTree(
      withFiles(base(), { "GATE-02.md": { kind: "not-file" } }),
    );
    expect(
      dir.diagnostics.find((d) => d.rule === "gate-file-missing")?.message,
    ).toContain("not a regular file");
  });

  it("never fires for an empty gate (L-EVAL-4)", () => {
    const tree = withFiles(base(), {
      "PLAN.md": planText(
        `${BASE_GRAPH}\n  - gate: 3\n    file: GATE-03.md\n    work_units: []`,
      ),
    });
    expect(where(lintTree(tree), "gate-file-missing")).toStrictEqual([]);
  });
});

describe("gate-budget-type (L04)", () => {
  it.each<[string, string]>([
    ["a string", 'cost_budget_usd: "lots"'],
    ["a boolean", "cost_budget_usd: true"],
    ["null", "cost_budget_usd:"],
    ["a list", "cost_budget_usd: [1]"],
    ["a numeric-looking string", "cost_budget_usd: '10'"],
  ])("fires for %s at the key line of the GATE file", (_name, line) => {
    const report = lintTree(
      withFiles(base(), { "GATE-01.md": gateFile(1, [line]) }),
    );
    expect(where(report, "gate-budget-type")).toStrictEqual([
      { file: "feat/GATE-01.md", line: 4, gate: null },
    ]);
  });

  it.each([
    "cost_budget_usd: 10",
    "cost_budget_usd: 0.5",
    "cost_budget_usd: -5",
    "cost_budget_usd: 1e3",
  ])("accepts %s (YAML numbers; L-CONF-5 item 2)", (line) => {
    const report = lintTree(
      withFiles(base(), { "GATE-01.md": gateFile(1, [line]) }),
    );
    expect(where(report, "gate-budget-type")).toStrictEqual([]);
  });

  it("checks empty gates too", () => {
    const tree = withFiles(base(), {
      "PLAN.md": planText(
        `${BASE_GRAPH}\n  - gate: 3\n    file: GATE-03.md\n    work_units: []`,
      ),
      "GATE-03.md": gateFile(3, ["cost_budget_usd: cheap"]),
    });
    expect(where(lintTree(tree), "gate-budget-type")).toStrictEqual([
      { file: "feat/GATE-03.md", line: 4, gate: null },
    ]);
  });

  it("is skipped when the GATE frontmatter is yaml-invalid (L-EVAL-3)", () => {
    const tree = withFiles(base(), {
      "GATE-01.md": gateFile(1, ["cost_budget_usd: x", "oops"]),
    });
    const report = lintTree(tree);
    expect(where(report, "gate-budget-type")).toStrictEqual([]);
    expect(where(report, "yaml-invalid")).toHaveLength(1);
  });
});

describe("gate-status (new)", () => {
  it.each(["status: closed", "status:", "status: Open"])(
    "fires for %s",
    (line) => {
      const report = lintTree(
        withFiles(base(), { "GATE-02.md": `---\ngate: 2\n${line}\n---\n` }),
      );
      expect(where(report, "gate-status")).toStrictEqual([
        { file: "feat/GATE-02.md", line: 3, gate: null },
      ]);
    },
  );

  it.each([
    "status: open",
    "status: awaiting_review",
    "status: passed",
    "gate: 2",
  ])("accepts %s", (line) => {
    const report = lintTree(
      withFiles(base(), { "GATE-02.md": `---\ngate: 2\n${line}\n---\n` }),
    );
    expect(where(report, "gate-status")).toStrictEqual([]);
  });
});
