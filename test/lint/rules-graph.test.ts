import { describe, expect, it } from "vitest";
import {
  base,
  BASE_GRAPH,
  lintTree,
  planText,
  where,
  withFiles,
  type Tree,
} from "./helpers.js";

const ID = "FEAT-2026-0101";

function graph(from: string | RegExp, to: string): Tree {
  const text = BASE_GRAPH.replace(from, to);
  if (text === BASE_GRAPH)
    throw new Error(`graph edit changed nothing: ${String(from)}`);
  return withFiles(base(), { "PLAN.md": planText(text) });
}

describe("wu-duplicate-id (new)", () => {
  it("fires at each repeat, in any gate, keyed by the repeat's gate", () => {
    const report = lintTree(graph(`id: ${ID}/T03`, `id: ${ID}/T01`));
    expect(where(report, "wu-duplicate-id")).toStrictEqual([
      { file: "feat/PLAN.md", line: 32, gate: 2 },
    ]);
    expect(
      report.diagnostics.find((d) => d.rule === "wu-duplicate-id")?.message,
    ).toContain("first at line 17");
  });

  it("compares strings only", () => {
    expect(where(lintTree(base()), "wu-duplicate-id")).toStrictEqual([]);
  });
});

describe("wu-duplicate-file (new)", () => {
  it("fires at the later entry, comparing normalized paths", () => {
    const report = lintTree(
      graph("file: WU-03-columns.md", "file: ./WU-01-export.md"),
    );
    expect(where(report, "wu-duplicate-file")).toStrictEqual([
      { file: "feat/PLAN.md", line: 32, gate: 2 },
    ]);
  });
});

describe("dep-cycle (new)", () => {
  it("reports a self-dependency once, at the unit", () => {
    const report = lintTree(
      graph("        depends_on: []\n", `        depends_on: [${ID}/T01]\n`),
    );
    expect(where(report, "dep-cycle")).toStrictEqual([
      { file: "feat/PLAN.md", line: 17, gate: 1 },
    ]);
    expect(
      report.diagnostics.find((d) => d.rule === "dep-cycle")?.message,
    ).toContain("depends on itself");
  });

  it("reports a longer cycle once, at its first member in graph order, with one concrete path", () => {
    const report = lintTree(
      graph(
        "        depends_on: []\n",
        `        depends_on: [${ID}/G1-PLAN]\n`,
      ),
    );
    const found = report.diagnostics.filter((d) => d.rule === "dep-cycle");
    expect(found.map((d) => [d.line, d.gate])).toStrictEqual([[17, 1]]);
    expect(found[0]?.message).toContain(
      `${ID}/T01 → ${ID}/G1-PLAN → ${ID}/G1-CLOSE-INTERMEDIATE → ${ID}/T02 → ${ID}/T01`,
    );
  });

  it("follows string depends_on values as edges", () => {
    const report = lintTree(
      graph("        depends_on: []\n", `        depends_on: ${ID}/T02\n`),
    );
    expect(where(report, "dep-cycle")).toHaveLength(1);
  });

  it("stays quiet on an acyclic graph", () => {
    expect(where(lintTree(base()), "dep-cycle")).toStrictEqual([]);
  });
});
