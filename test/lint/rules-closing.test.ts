import { describe, expect, it } from "vitest";
import { classifyClosing } from "../../src/lint/closing.js";
import {
  brief,
  gateFile,
  lintTree,
  planText,
  where,
  wu,
  type Tree,
} from "./helpers.js";

const ID = "FEAT-2026-0101";

/** One gate of a generated plan: its number (or a raw `gate:` value) and its units' types. */
interface G {
  gate: number | string | null;
  types: string[];
  file?: string | null;
}

// A feature whose gates hold units of the given types, every file present and valid.
function feature(gates: G[], extra: Tree = {}): Tree {
  const tree: Tree = {};
  const lines = ["gates:"];
  let n = 0;
  for (const [gi, g] of gates.entries()) {
    lines.push(
      g.gate === null ? `  - gate_note: ${gi}` : `  - gate: ${g.gate}`,
    );
    const file = g.file === undefined ? `GATE-0${gi + 1}.md` : g.file;
    if (file !== null) {
      lines.push(`    file: ${file}`);
      tree[file] = gateFile(gi + 1);
    }
    lines.push(g.types.length === 0 ? "    work_units: []" : "    work_units:");
    for (const type of g.types) {
      n++;
      const id = `${ID}/T${String(n).padStart(2, "0")}`;
      const wuFile = `WU-${n}.md`;
      lines.push(`      - id: ${id}`, `        file: ${wuFile}`);
      tree[wuFile] = wu([
        `id: ${id}`,
        `type: ${type}`,
        "status: done",
        "planned_cost_usd: 1",
        "produces: [src/x.ts]",
      ]);
    }
  }
  tree["PLAN.md"] = planText(lines.join("\n")).replace(
    "planned_cost_usd: 3.0",
    `planned_cost_usd: ${n}`,
  );
  return { ...tree, ...extra };
}

const LEGACY = ["retrospective", "lessons", "docs", "plan-next"];
const MID = ["implementation", "close-intermediate", "plan-next"];
const END = ["implementation", "close"];

describe("closing shape classification (L-SHAPE-1)", () => {
  it.each<[string[], boolean, string]>([
    [["close"], true, "NEW"],
    [["close"], false, "INVALID"],
    [["close-intermediate", "plan-next"], false, "NEW"],
    [["close-intermediate", "plan-next"], true, "INVALID"],
    [LEGACY, true, "LEGACY"],
    [LEGACY, false, "LEGACY"],
    [["plan-next", "close-intermediate"], false, "INVALID"],
    [["close", "plan-next"], true, "INVALID"],
    [[], true, "INVALID"],
    [["docs", "plan-next"], false, "INVALID"],
  ])("%j on a terminal gate (%s) is %s", (sequence, isTerminal, klass) => {
    expect(classifyClosing(sequence, isTerminal).klass).toBe(klass);
  });
});

describe("closing-shape (L22)", () => {
  it("accepts the NEW shapes", () => {
    expect(
      brief(
        lintTree(
          feature([
            { gate: 1, types: MID },
            { gate: 2, types: END },
          ]),
        ),
      ),
    ).toStrictEqual([]);
  });

  it.each<[string, G[], number, string]>([
    [
      "close on a non-terminal gate",
      [
        { gate: 1, types: END },
        { gate: 2, types: END },
      ],
      1,
      "close belongs on the terminal gate",
    ],
    [
      "the intermediate pair on the terminal gate",
      [
        { gate: 1, types: MID },
        { gate: 2, types: MID },
      ],
      2,
      "for non-terminal gates",
    ],
    [
      "close-intermediate not followed by plan-next",
      [
        { gate: 1, types: ["close-intermediate", "docs", "plan-next"] },
        { gate: 2, types: END },
      ],
      1,
      "immediately followed by plan-next",
    ],
    [
      "no closing unit",
      [
        { gate: 1, types: ["implementation"] },
        { gate: 2, types: END },
      ],
      1,
      "[]: no valid closing sequence",
    ],
  ])(
    "fires for %s, at the gate line, keyed by gate",
    (_name, gates, gate, text) => {
      const report = lintTree(feature(gates));
      const found = report.diagnostics.filter(
        (d) => d.rule === "closing-shape",
      );
      expect(found.map((d) => [d.file, d.gate])).toStrictEqual([
        ["feat/PLAN.md", gate],
      ]);
      expect(found[0]?.line).toBe(
        gate === 1 ? 14 : 14 + 3 + 2 * gates[0]!.types.length,
      );
      expect(found[0]?.message).toContain(text);
    },
  );

  it("ignores dependency order and non-closing types: only graph order counts", () => {
    const report = lintTree(
      feature([
        {
          gate: 1,
          types: ["close-intermediate", "implementation", "plan-next"],
        },
        { gate: 2, types: END },
      ]),
    );
    expect(where(report, "closing-shape")).toStrictEqual([]);
  });

  it("a trailing empty placeholder gate does not make the last gate non-terminal (F-GRAPH-8)", () => {
    const report = lintTree(
      feature([
        { gate: 1, types: MID },
        { gate: 2, types: END },
        { gate: 3, types: [] },
      ]),
    );
    expect(where(report, "closing-shape")).toStrictEqual([]);
  });

  it("an absent gate number matches only an absent one for terminality (L-DEF-2)", () => {
    const report = lintTree(
      feature([
        { gate: 1, types: MID },
        { gate: null, types: END },
      ]),
    );
    expect(where(report, "closing-shape")).toStrictEqual([]);
    expect(where(report, "gate-number")).toHaveLength(1);
  });
});

describe("closing-shape-legacy (L22, warning)", () => {
  it("warns on the gate's file at line 1, with the NEW equivalent as hint", () => {
    const report = lintTree(
      feature([
        { gate: 1, types: LEGACY },
        { gate: 2, types: LEGACY },
      ]),
    );
    const found = report.diagnostics.filter(
      (d) => d.rule === "closing-shape-legacy",
    );
    expect(
      found.map((d) => [d.file, d.line, d.severity, d.gate]),
    ).toStrictEqual([
      ["feat/GATE-01.md", 1, "warning", null],
      ["feat/GATE-02.md", 1, "warning", null],
    ]);
    expect(found[0]?.hint).toContain("close-intermediate");
    expect(found[1]?.hint).toContain("one unit of type close");
  });

  it("without a file: GATE-NN.md (line 1 if it exists, else null), or PLAN.md without a number", () => {
    const withDefault = lintTree(
      feature([{ gate: 7, types: LEGACY, file: null }], {
        "GATE-07.md": gateFile(7),
      }),
    );
    expect(where(withDefault, "closing-shape-legacy")).toStrictEqual([
      { file: "feat/GATE-07.md", line: 1, gate: null },
    ]);
    const noFile = lintTree(feature([{ gate: 7, types: LEGACY, file: null }]));
    expect(where(noFile, "closing-shape-legacy")).toStrictEqual([
      { file: "feat/GATE-07.md", line: null, gate: null },
    ]);
    const noNumber = lintTree(
      feature([{ gate: null, types: LEGACY, file: null }]),
    );
    expect(where(noNumber, "closing-shape-legacy")).toStrictEqual([
      { file: "feat/PLAN.md", line: 1, gate: null },
    ]);
  });
});

describe("closing-mix-forward (L26) and closing-mix-backward (L27)", () => {
  it("forward: the latest gate is NEW after LEGACY gates (a warning naming them)", () => {
    const report = lintTree(
      feature([
        { gate: 1, types: LEGACY },
        { gate: 2, types: END },
      ]),
    );
    const found = report.diagnostics.filter((d) =>
      d.rule.startsWith("closing-mix"),
    );
    expect(found.map((d) => [d.rule, d.severity, d.line])).toStrictEqual([
      ["closing-mix-forward", "warning", 25],
    ]);
    expect(found[0]?.message).toContain("gate 1 still uses");
  });

  it("backward: the latest gate is LEGACY after NEW gates (an error naming them)", () => {
    const report = lintTree(
      feature([
        { gate: 1, types: MID },
        { gate: 2, types: LEGACY },
      ]),
    );
    const found = report.diagnostics.filter((d) =>
      d.rule.startsWith("closing-mix"),
    );
    expect(found.map((d) => [d.rule, d.severity])).toStrictEqual([
      ["closing-mix-backward", "error"],
    ]);
    expect(found[0]?.message).toContain("after gate 1 adopted");
  });

  it("the largest number decides, not the list order", () => {
    const report = lintTree(
      feature([
        { gate: 5, types: LEGACY },
        { gate: 2, types: MID },
        { gate: 3, types: END },
      ]),
    );
    const found = report.diagnostics.filter((d) =>
      d.rule.startsWith("closing-mix"),
    );
    expect(found.map((d) => [d.rule, d.line])).toStrictEqual([
      ["closing-mix-backward", 14],
    ]);
  });

  it("a repeated number takes the later entry's class", () => {
    const report = lintTree(
      feature([
        { gate: 1, types: LEGACY },
        { gate: 1, types: MID },
        { gate: 2, types: END },
      ]),
    );
    expect(
      report.diagnostics.filter((d) => d.rule.startsWith("closing-mix")),
    ).toStrictEqual([]);
    expect(where(report, "gate-duplicate")).toHaveLength(1);
  });

  it("INVALID and non-integer gates are left out; one class alone is silent", () => {
    const invalid = lintTree(
      feature([
        { gate: 1, types: ["docs"] },
        { gate: 2, types: END },
      ]),
    );
    expect(
      invalid.diagnostics.filter((d) => d.rule.startsWith("closing-mix")),
    ).toStrictEqual([]);
    const absent = lintTree(
      feature([
        { gate: null, types: LEGACY },
        { gate: 2, types: END },
      ]),
    );
    expect(
      absent.diagnostics.filter((d) => d.rule.startsWith("closing-mix")),
    ).toStrictEqual([]);
  });

  it("runs regardless of other errors (L-SHAPE-2)", () => {
    const tree = feature([
      { gate: 1, types: MID },
      { gate: 2, types: LEGACY },
    ]);
    tree["WU-1.md"] = (tree["WU-1.md"] as string).replace(
      "type: implementation",
      "type: nope",
    );
    const report = lintTree(tree);
    expect(where(report, "wu-type")).toHaveLength(1);
    expect(where(report, "closing-mix-backward")).toHaveLength(1);
  });
});
