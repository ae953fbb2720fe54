import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintFeature } from "../../src/lint/lint-feature.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
import { snapshotOf, type Tree } from "../lint/helpers.js";

const guide = readFileSync(
  path.join(PROJECT_ROOT, "scaffold", "docs", "writing-a-plan.md"),
  "utf8",
);

// The first `~~~markdown` block after a marker in the guide.
function blockAfter(marker: string): string {
  const at = guide.indexOf(marker);
  if (at < 0) throw new Error(`the guide has no "${marker}"`);
  const m = /~~~markdown\n([\s\S]*?)\n~~~/.exec(guide.slice(at));
  if (m === null) throw new Error(`no markdown block after "${marker}"`);
  return `${m[1] ?? ""}\n`;
}

// The example feature of the guide, as its files; the two closing units it describes in prose are derived.
function guideFeature(): { tree: Tree; roadmap: string } {
  const close = blockAfter("`WU-90-gate-1-close-intermediate.md` (the other");
  const gate = blockAfter("## 4. GATE-01.md");
  const tree: Tree = {
    "PLAN.md": blockAfter("## 2. PLAN.md"),
    "GATE-01.md": gate,
    "GATE-02.md": gate.replace("gate: 1", "gate: 2"),
    "WU-01-csv-writer.md": blockAfter("`WU-01-csv-writer.md`:"),
    "WU-90-gate-1-close-intermediate.md": close,
    "WU-91-gate-1-plan-next.md": close
      .replace("G1-CLOSE-INTERMEDIATE", "G1-PLAN")
      .replace("type: close-intermediate", "type: plan-next"),
    "WU-90-gate-2-close.md": close
      .replace("G1-CLOSE-INTERMEDIATE", "G2-CLOSE")
      .replace("type: close-intermediate", "type: close")
      .replace("planned_cost_usd: 1.0", "planned_cost_usd: 0.5"),
  };
  const roadmap = `| Feature ID | Title | Status | Folder | Detail |\n|---|---|---|---|---|\n${blockAfter("## 1. The roadmap row")}`;
  return { tree, roadmap };
}

describe("scaffold/docs/writing-a-plan.md (issue 17 point 10)", () => {
  it("its two-gate example lints with no error and no warning, as the guide promises", () => {
    const { tree, roadmap } = guideFeature();
    const snapshot = snapshotOf(
      tree,
      ".specfuse/features/FEAT-2026-0007-csv-export",
    );
    snapshot.roadmap = { kind: "file", text: roadmap };
    const report = lintFeature(snapshot, { strict: true, justClosedGate: 0 });
    expect(
      report.diagnostics.map(
        (d) => `${d.rule} ${d.file}:${d.line}: ${d.message}`,
      ),
    ).toEqual([]);
  });

  it("without the roadmap row, lint warns as the guide says", () => {
    const { tree } = guideFeature();
    const snapshot = snapshotOf(tree);
    snapshot.roadmap = { kind: "file", text: "# Roadmap\n" };
    const report = lintFeature(snapshot, {
      strict: false,
      justClosedGate: null,
    });
    expect(report.diagnostics.map((d) => d.rule)).toEqual([
      "roadmap-row-missing",
    ]);
  });

  it("covers the roadmap row, the two-gate layout and the verdict rule", () => {
    for (const needle of [
      "## 1. The roadmap row",
      "## 3. The two-gate layout",
      "## 6. The verdict rule",
      "close-intermediate",
      "plan-next",
    ])
      expect(guide).toContain(needle);
  });
});
