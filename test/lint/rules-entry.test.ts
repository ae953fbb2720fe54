import { describe, expect, it } from "vitest";
import {
  base,
  BASE_GRAPH,
  brief,
  lintTree,
  planText,
  where,
  withFiles,
  type Tree,
} from "./helpers.js";

const ID = "FEAT-2026-0101";

function graph(from: string | RegExp, to: string, tree: Tree = base()): Tree {
  const text = BASE_GRAPH.replace(from, to);
  if (text === BASE_GRAPH)
    throw new Error(`graph edit changed nothing: ${String(from)}`);
  return withFiles(tree, { "PLAN.md": planText(text) });
}

describe("wu-entry-incomplete (L05, L-EVAL-3)", () => {
  it.each<[string, string, string]>([
    ["no id", `      - id: ${ID}/T03\n`, "      - id_: x\n"],
    ["an empty id", `      - id: ${ID}/T03\n`, '      - id: ""\n'],
    ["a null id", `      - id: ${ID}/T03\n`, "      - id:\n"],
    ["no file", "        file: WU-03-columns.md\n", ""],
    ["a zero file", "        file: WU-03-columns.md\n", "        file: 0\n"],
  ])("fires for %s at the entry line, keyed by gate", (_name, from, to) => {
    const report = lintTree(graph(from, to));
    expect(where(report, "wu-entry-incomplete")).toStrictEqual([
      { file: "feat/PLAN.md", line: 32, gate: 2 },
    ]);
  });

  it("skips the rest of the entry: no id format, dependency or file checks", () => {
    const report = lintTree(
      graph(
        `        file: WU-03-columns.md\n        depends_on: [${ID}/T02]`,
        "        depends_on: [nowhere, 7]",
      ),
    );
    // T03's planned cost is no longer visited, hence the mismatch (L-COST-1).
    expect(brief(report)).toStrictEqual([
      "plan-cost-mismatch feat/PLAN.md:7",
      "wu-entry-incomplete feat/PLAN.md:32",
    ]);
  });

  it("a skipped entry's id still counts for dep-unknown elsewhere", () => {
    const report = lintTree(graph("        file: WU-03-columns.md\n", ""));
    expect(where(report, "dep-unknown")).toStrictEqual([]);
  });
});

describe("wu-id-format, graph side (L06)", () => {
  it.each<[string, string, string]>([
    ["one digit", `${ID}/T3`, `${ID}/T03`],
    ["lower case", `${ID}/t03`, `${ID}/T03`],
    ["three digits", `${ID}/T003`, `${ID}/T03`],
    ["a non-ASCII digit (L-CONF-5 item 5)", `${ID}/T0٣`, "use the form"],
    ["a trailing newline", `"${ID}/T03\\n"`, `${ID}/T03`],
  ])("fires for %s at the id line, keyed by gate", (_name, bad, hint) => {
    const tree = graph(new RegExp(`${ID}/T03`, "g"), bad);
    const report = lintTree(tree);
    expect(
      where(report, "wu-id-format").filter((w) => w.file === "feat/PLAN.md"),
    ).toStrictEqual([{ file: "feat/PLAN.md", line: 32, gate: 2 }]);
    expect(
      report.diagnostics.find((d) => d.rule === "wu-id-format")?.hint,
    ).toContain(hint);
  });

  it("non-string ids fail the grammar", () => {
    const report = lintTree(graph(`id: ${ID}/T03`, "id: 3"));
    expect(where(report, "wu-id-format")).toContainEqual({
      file: "feat/PLAN.md",
      line: 32,
      gate: 2,
    });
  });

  it.each([
    `${ID}/T01H`,
    `${ID}/T01H12`,
    `${ID}/G12-CLOSE-INTERMEDIATE`,
    "INIT-2026-0001/F06/T01",
  ])("accepts %s", (id) => {
    const report = lintTree(graph(`id: ${ID}/T03`, `id: ${id}`));
    expect(
      where(report, "wu-id-format").filter((w) => w.file === "feat/PLAN.md"),
    ).toStrictEqual([]);
  });
});

describe("depends-on-not-list (new; L-CONF-5 item 1)", () => {
  it("reports a string and checks it as one id, not per character", () => {
    const report = lintTree(
      graph(
        `depends_on: [${ID}/T02]\n      - id: ${ID}/G2-CLOSE`,
        `depends_on: ${ID}/T2\n      - id: ${ID}/G2-CLOSE`,
      ),
    );
    expect(where(report, "depends-on-not-list")).toStrictEqual([
      { file: "feat/PLAN.md", line: 34, gate: 2 },
    ]);
    expect(where(report, "dep-unknown")).toStrictEqual([
      { file: "feat/PLAN.md", line: 34, gate: 2 },
    ]);
    expect(
      report.diagnostics.find((d) => d.rule === "depends-on-not-list")?.hint,
    ).toBe(`write "depends_on: [${ID}/T2]".`);
  });

  it("a valid string dependency gives only depends-on-not-list", () => {
    const report = lintTree(
      graph(
        `depends_on: [${ID}/T02]\n      - id: ${ID}/G2-CLOSE`,
        `depends_on: ${ID}/T02\n      - id: ${ID}/G2-CLOSE`,
      ),
    );
    expect(brief(report)).toStrictEqual([
      "depends-on-not-list feat/PLAN.md:34",
    ]);
  });

  it("a mapping counts as no dependencies", () => {
    const report = lintTree(graph("depends_on: []", "depends_on: {a: 1}"));
    expect(brief(report)).toStrictEqual([
      "depends-on-not-list feat/PLAN.md:19",
    ]);
  });

  it("absent and null depends_on pass", () => {
    expect(
      brief(lintTree(graph("        depends_on: []\n", ""))),
    ).toStrictEqual([]);
    expect(
      brief(lintTree(graph("depends_on: []", "depends_on:"))),
    ).toStrictEqual([]);
  });
});

describe("dep-unknown (L07)", () => {
  it("fires once per unknown element, at the element's line, with the closest id as hint", () => {
    const report = lintTree(
      graph(
        `depends_on: [${ID}/T02]\n      - id: ${ID}/G2-CLOSE`,
        `depends_on:\n          - ${ID}/T2\n          - ${ID}/T02\n          - ${ID}/T2\n      - id: ${ID}/G2-CLOSE`,
      ),
    );
    expect(where(report, "dep-unknown")).toStrictEqual([
      { file: "feat/PLAN.md", line: 35, gate: 2 },
      { file: "feat/PLAN.md", line: 37, gate: 2 },
    ]);
    expect(
      report.diagnostics.find((d) => d.rule === "dep-unknown")?.hint,
    ).toContain(`did you mean ${ID}/T02?`);
  });

  it('compares by YAML type: 5 never equals "5" (L-IN-4)', () => {
    let tree = graph(`id: ${ID}/T01`, 'id: "5"');
    tree = graph(`depends_on: [${ID}/T01]`, "depends_on: [5]", tree);
    const report = lintTree(withFiles(tree, {}));
    expect(where(report, "dep-unknown")).toStrictEqual([
      { file: "feat/PLAN.md", line: 22, gate: 1 },
    ]);
  });

  it("does not fire for ids of any gate, earlier or later", () => {
    expect(where(lintTree(base()), "dep-unknown")).toStrictEqual([]);
  });
});

describe("dep-later-gate (new, F-GRAPH-7)", () => {
  it("fires when a unit waits for a unit of a later gate", () => {
    const report = lintTree(
      graph("        depends_on: []\n", `        depends_on: [${ID}/T03]\n`),
    );
    expect(where(report, "dep-later-gate")).toStrictEqual([
      { file: "feat/PLAN.md", line: 19, gate: 1 },
    ]);
  });

  it("does not fire for the same or an earlier gate", () => {
    expect(where(lintTree(base()), "dep-later-gate")).toStrictEqual([]);
  });
});

describe("wu-file-missing (L08)", () => {
  it("fires at the WU file's own path with line null and the entry's gate", () => {
    const report = lintTree(
      withFiles(base(), { "WU-03-columns.md": undefined }),
    );
    expect(brief(report)).toStrictEqual([
      "plan-cost-mismatch feat/PLAN.md:7",
      "wu-file-missing feat/WU-03-columns.md:-",
    ]);
    expect(where(report, "wu-file-missing")[0]?.gate).toBe(2);
  });

  it("treats a directory as missing (a reference crash input)", () => {
    const report = lintTree(
      withFiles(base(), { "WU-03-columns.md": { kind: "not-file" } }),
    );
    const missing = report.diagnostics.find(
      (d) => d.rule === "wu-file-missing",
    );
    expect(missing?.message).toContain("is not a regular file");
  });

  it("leaves the missing unit out of the closing sequence", () => {
    const report = lintTree(
      withFiles(base(), { "WU-92-g2-close.md": undefined }),
    );
    expect(brief(report)).toStrictEqual([
      "plan-cost-mismatch feat/PLAN.md:7",
      "closing-shape feat/PLAN.md:29",
      "wu-file-missing feat/WU-92-g2-close.md:-",
    ]);
  });
});

describe("self-referencing YAML aliases (L-CONF-6)", () => {
  it("a cyclic id, dependency or frontmatter value is reported, never a crash", () => {
    const text = BASE_GRAPH.replace(
      `      - id: ${ID}/T01\n`,
      "      - id: &me [x, *me]\n",
    ).replace(`depends_on: [${ID}/T01]`, "depends_on: [*me]");
    let tree = withFiles(base(), { "PLAN.md": planText(text) });
    tree = withFiles(tree, {
      "WU-02-utc.md": (base()["WU-02-utc.md"] as string).replace(
        "type: implementation",
        "type: &t [*t]\nverdict: &v {a: *v}",
      ),
    });
    const report = lintTree(tree);
    expect(where(report, "wu-id-format")).toContainEqual({
      file: "feat/PLAN.md",
      line: 17,
      gate: 1,
    });
    expect(where(report, "wu-type")).toStrictEqual([
      { file: "feat/WU-02-utc.md", line: 3, gate: null },
    ]);
    expect(where(report, "verdict-on-non-close")).toHaveLength(1);
  });
});

describe("dep-unknown with a short id (issue 17 point 12)", () => {
  it("a `T01` that abbreviates exactly one graph id gets 'did you mean' the full id", () => {
    const tree = graph(
      "        depends_on: [FEAT-2026-0101/T01]\n",
      "        depends_on: [T01]\n",
    );
    const d = lintTree(tree).diagnostics.find((x) => x.rule === "dep-unknown");
    expect(d?.hint).toBe(
      "depends_on takes full unit ids: did you mean FEAT-2026-0101/T01?",
    );
  });
});
