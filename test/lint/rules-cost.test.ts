import { describe, expect, it } from "vitest";
import {
  base,
  brief,
  edit,
  lintTree,
  where,
  withFiles,
  type Tree,
} from "./helpers.js";

const UNITS = [
  "WU-01-export.md",
  "WU-02-utc.md",
  "WU-90-g1-close.md",
  "WU-91-g1-plan.md",
  "WU-03-columns.md",
  "WU-92-g2-close.md",
];

// Sets a frontmatter value unless it already has it (null drops the key).
function setCost(
  tree: Tree,
  file: string,
  from: string,
  value: string | null,
): Tree {
  if (value === from) return tree;
  return value === null
    ? edit(tree, file, `planned_cost_usd: ${from}\n`, "")
    : edit(
        tree,
        file,
        `planned_cost_usd: ${from}`,
        `planned_cost_usd: ${value}`,
      );
}

// The base tree with the PLAN and every unit's planned cost set; a short list repeats its last value.
function costs(
  plan: string | null,
  units: Array<string | null>,
  tree: Tree = base(),
): Tree {
  let next = setCost(tree, "PLAN.md", "3.0", plan);
  UNITS.forEach((file, i) => {
    next = setCost(
      next,
      file,
      "0.5",
      units[i] ?? units[units.length - 1] ?? null,
    );
  });
  return next;
}

function sealed(tree: Tree, files: string[]): Tree {
  let next = edit(tree, "PLAN.md", "status: active", "status: done");
  for (const f of files)
    next = edit(next, f, "status: pending", "status: done");
  return next;
}

describe("wu-planned-cost-missing (L23, L-COST-1)", () => {
  it("warns at line 1 of each unit without a value", () => {
    const report = lintTree(
      costs("2.5", ["0.5", "0.5", "0.5", "0.5", "0.5", null]),
    );
    expect(where(report, "wu-planned-cost-missing")).toStrictEqual([
      { file: "feat/WU-92-g2-close.md", line: 1, gate: null },
    ]);
  });

  it("treats null as absent", () => {
    const report = lintTree(
      costs("2.5", ["0.5", "0.5", "0.5", "0.5", "0.5", ""]),
    );
    expect(where(report, "wu-planned-cost-missing")).toHaveLength(1);
  });

  it("skips sealed units (WU done under a done PLAN), and only those", () => {
    const tree = costs("3.0", [null]);
    const report = lintTree(sealed(tree, ["WU-01-export.md"]));
    expect(
      where(report, "wu-planned-cost-missing").map((w) => w.file),
    ).not.toContain("feat/WU-01-export.md");
    expect(where(report, "wu-planned-cost-missing")).toHaveLength(5);
    const doneWuOnly = lintTree(
      edit(tree, "WU-01-export.md", "status: pending", "status: done"),
    );
    expect(where(doneWuOnly, "wu-planned-cost-missing")).toHaveLength(6);
  });

  it("visits entries skipped by wu-entry-incomplete (L-COST-1)", () => {
    const tree = edit(
      costs("3.0", ["0.5", "0.5", "0.5", "0.5", "0.5", null]),
      "PLAN.md",
      "      - id: FEAT-2026-0101/G2-CLOSE\n",
      "      - note: no id\n",
    );
    const report = lintTree(tree);
    expect(where(report, "wu-entry-incomplete")).toHaveLength(1);
    expect(where(report, "wu-planned-cost-missing")).toStrictEqual([
      { file: "feat/WU-92-g2-close.md", line: 1, gate: null },
    ]);
  });
});

describe("planned-cost-invalid (new; L-CONF-5 item 6)", () => {
  it.each(["lots", ".inf", "[1]", "'1e400'", "'0x10'"])(
    "fires for a unit value %s at its key line",
    (v) => {
      const report = lintTree(costs("3.0", ["0.5", v, "0.5"]));
      expect(where(report, "planned-cost-invalid")).toStrictEqual([
        { file: "feat/WU-02-utc.md", line: 5, gate: null },
      ]);
      expect(where(report, "plan-cost-mismatch")).toStrictEqual([]);
    },
  );

  it("fires for the PLAN value, and skips the mismatch", () => {
    const report = lintTree(costs("free", ["9"]));
    expect(where(report, "planned-cost-invalid")).toStrictEqual([
      { file: "feat/PLAN.md", line: 7, gate: null },
    ]);
    expect(where(report, "plan-cost-mismatch")).toStrictEqual([]);
  });

  it.each(["'0.5'", "' 0.5 '", "'5_0e-2'", "true"])("accepts %s", (v) => {
    expect(
      where(lintTree(costs("3.0", ["0.5", v, "0.5"])), "planned-cost-invalid"),
    ).toStrictEqual([]);
  });
});

describe("plan-planned-cost-missing (L24)", () => {
  it("warns at line 1 when absent or null", () => {
    expect(
      where(lintTree(costs(null, ["0.5"])), "plan-planned-cost-missing"),
    ).toStrictEqual([{ file: "feat/PLAN.md", line: 1, gate: null }]);
    expect(
      where(lintTree(costs("", ["0.5"])), "plan-planned-cost-missing"),
    ).toHaveLength(1);
  });

  it("is skipped when the PLAN frontmatter is yaml-invalid (L-EVAL-3)", () => {
    const tree = edit(
      costs(null, ["0.5"]),
      "PLAN.md",
      "status: active",
      "status: active\noops",
    );
    expect(where(lintTree(tree), "plan-planned-cost-missing")).toStrictEqual(
      [],
    );
  });
});

describe("plan-cost-mismatch (L25, L-COST-2)", () => {
  it.each<[string, Array<string | null>, boolean]>([
    [
      "P 1, S 1.1: exactly 10% is silent, compared in whole cents (deliberate: the float form gives 10.000000000000009%)",
      ["1.1", "0"],
      false,
    ],
    ["P 1, S 1.11: 11% warns", ["1.11", "0"], true],
    ["P 1, S 0.89: 11% warns", ["0.89", "0"], true],
    ["P 1, S 1.09: 9% is silent", ["1.09", "0"], false],
    ["P 1, S 0: 100%", ["0"], true],
    ["P 1, S 0.9: exactly 10% is silent", ["0.9", "0"], false],
  ])("%s", (_name, units, isWarned) => {
    const report = lintTree(costs("1", units));
    expect(where(report, "plan-cost-mismatch").length).toBe(isWarned ? 1 : 0);
  });

  it.each<[string, string, Array<string | null>, boolean]>([
    ["P 0, S 0 is silent", "0", ["0"], false],
    ["P 0, S 1 warns (divides by S)", "0", ["1", "0"], true],
    ["P -5, S 0 is silent", "-5", ["0"], false],
    ["a numeric-string PLAN value counts", "'3'", ["0.5"], false],
  ])("%s", (_name, plan, units, isWarned) => {
    expect(
      where(lintTree(costs(plan, units)), "plan-cost-mismatch").length,
    ).toBe(isWarned ? 1 : 0);
  });

  it("reports at the PLAN key line with P, S, the whole percent and the threshold", () => {
    const report = lintTree(costs("999.0", ["0.5"]));
    const d = report.diagnostics.find((x) => x.rule === "plan-cost-mismatch");
    expect([d?.file, d?.line, d?.severity]).toStrictEqual([
      "feat/PLAN.md",
      7,
      "warning",
    ]);
    expect(d?.message).toBe(
      "The PLAN planned_cost_usd is $999.00 but the units' planned costs sum to $3.00, 100% apart (the threshold is 10%).",
    );
  });

  it("rounds S and P to cents with exact ties to even before comparing", () => {
    // Six units of 0.185 sum to 1.1099999999999999 → 1.11; P 1.005 → 1.0 (2.675-style binary value); delta 11%.
    expect(
      where(lintTree(costs("1.005", ["0.185"])), "plan-cost-mismatch"),
    ).toHaveLength(1);
  });

  it("sealed entries and duplicates count in the sum", () => {
    const report = lintTree(sealed(costs("3.0", ["0.5"]), ["WU-01-export.md"]));
    expect(where(report, "plan-cost-mismatch")).toStrictEqual([]);
  });

  it("is skipped for a yaml-invalid WU file (L-EVAL-3)", () => {
    const tree = edit(
      costs("99", ["0.5"]),
      "WU-01-export.md",
      "status: pending",
      "status: pending\noops",
    );
    expect(brief(lintTree(tree))).toStrictEqual([
      "yaml-invalid feat/WU-01-export.md:5",
    ]);
  });

  it("a missing WU file is simply not visited", () => {
    const report = lintTree(
      withFiles(base(), { "WU-01-export.md": undefined }),
    );
    expect(where(report, "plan-cost-mismatch")).toHaveLength(1);
  });
});
