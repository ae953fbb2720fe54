import { describe, expect, it } from "vitest";
import { runDraftPass } from "../../src/lint/lint-feature.js";
import {
  base,
  BASE_GRAPH,
  edit,
  lintTree,
  planText,
  snapshotOf,
  where,
  withFiles,
  wu,
  type Tree,
} from "./helpers.js";

const ID = "FEAT-2026-0101";
const T03 = "WU-03-columns.md";

// A draft body with every section's text below its heading, as L-DRAFT-4 wants.
const DRAFT_BODY = `# Add the columns

## Context
Harbour staff asked for a wind column.

## Acceptance criteria
- The export has a wind column.

## Do not touch
The prediction model.

## Verification
The code set.

## Escalation triggers
A model change would be needed.
`;

// Gate 2's T03 as a draft with the given frontmatter overrides and body.
function draft(
  over: Record<string, string | null> = {},
  body = DRAFT_BODY,
): Tree {
  const fields: Record<string, string | null> = {
    id: `${ID}/T03`,
    type: "implementation",
    status: "draft",
    planned_cost_usd: "0.5",
    produces: "[src/columns.ts]",
    ...over,
  };
  const fm = Object.entries(fields)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => (v === "" ? `${k}:` : `${k}: ${v}`));
  return withFiles(base(), { [T03]: wu(fm, body) });
}

function drafts(tree: Tree, n = 1) {
  return lintTree(tree, { justClosedGate: n }).diagnostics.filter(
    (d) => d.pass === "draft",
  );
}

describe("the draft pass (lint.md §5)", () => {
  it("visits only status draft units of gate N+1 and reports warnings of pass draft", () => {
    const tree = draft({ type: "refactor" });
    expect(
      drafts(tree).map((d) => [d.rule, d.severity, d.pass, d.file, d.line]),
    ).toStrictEqual([["draft-type", "warning", "draft", `feat/${T03}`, 3]]);
    expect(drafts(tree, 0)).toStrictEqual([]);
    expect(
      drafts(edit(tree, T03, "status: draft", "status: pending")),
    ).toStrictEqual([]);
  });

  it("never counts toward the exit code, even with --strict (L-DRAFT-1, L-CLI-6)", () => {
    const report = lintTree(draft({ type: "refactor" }), {
      justClosedGate: 1,
      strict: true,
    });
    const found = report.diagnostics.find((d) => d.rule === "draft-type");
    expect(found?.severity).toBe("warning");
  });

  it("is silent when the folder stopped early or gate N+1 does not exist (L-DRAFT-2)", () => {
    expect(drafts(draft({ type: "x" }), 5)).toStrictEqual([]);
    const noGraph = withFiles(draft({ type: "x" }), {
      "PLAN.md": planText().replace("```yaml", "```text"),
    });
    expect(drafts(noGraph)).toStrictEqual([]);
  });

  it("uses the first gate entry with the number N+1", () => {
    const graph = `${BASE_GRAPH}\n  - gate: 2\n    file: GATE-09.md\n    work_units: []`;
    expect(
      drafts(withFiles(draft({ type: "x" }), { "PLAN.md": planText(graph) })),
    ).toHaveLength(1);
  });

  it("runDraftPass gives the same findings, sorted, and never throws", () => {
    const tree = draft({ type: "x", planned_cost_usd: null });
    const direct = runDraftPass(snapshotOf(tree), 1);
    expect(direct.map((d) => d.rule)).toStrictEqual([
      "draft-planned-cost",
      "draft-type",
    ]);
    const broken = snapshotOf(tree);
    Object.defineProperty(broken, "files", {
      get() {
        throw new Error("disk on fire");
      },
    });
    expect(runDraftPass(broken, 1)).toStrictEqual([
      expect.objectContaining({
        rule: "draft-lint-failed",
        pass: "draft",
        severity: "warning",
      }),
    ]);
  });
});

describe("draft-id-format (D01)", () => {
  it.each<[string, string, string]>([
    ["a malformed id", `id: ${ID}/T03`, `id: ${ID}/T3`],
    ["an empty id", `id: ${ID}/T03`, 'id: ""'],
    ["a numeric id", `id: ${ID}/T03`, "id: 3"],
    [
      "no id: the file name is the draft id",
      `      - id: ${ID}/T03\n        file`,
      "      - file",
    ],
  ])("fires for %s", (_name, from, to) => {
    const tree = withFiles(draft(), {
      "PLAN.md": planText(BASE_GRAPH.replace(from, to)),
    });
    expect(where(drafts(tree), "draft-id-format")).toStrictEqual([
      { file: `feat/${T03}`, line: 1, gate: null },
    ]);
  });
});

describe("draft-planned-cost (D02)", () => {
  it.each<[string | null, string, number]>([
    [null, "is missing", 1],
    ["", "is missing", 5],
    ["cheap", "not a number", 5],
    ["0", "must be positive", 5],
    ["-1", "must be positive", 5],
  ])("fires for %j (%s)", (value, text, line) => {
    const found = drafts(draft({ planned_cost_usd: value })).filter(
      (d) => d.rule === "draft-planned-cost",
    );
    expect(found.map((d) => d.line)).toStrictEqual([line]);
    expect(found[0]?.message).toContain(text);
  });

  it("accepts a positive numeric string", () => {
    expect(
      where(drafts(draft({ planned_cost_usd: "'1.5'" })), "draft-planned-cost"),
    ).toStrictEqual([]);
  });
});

describe("draft-type (D03)", () => {
  it("fires for an absent type at line 1", () => {
    expect(where(drafts(draft({ type: null })), "draft-type")).toStrictEqual([
      { file: `feat/${T03}`, line: 1, gate: null },
    ]);
  });
});

describe("draft-section-missing (D04a) and draft-section-empty (D04b)", () => {
  it("reports missing sections in both passes", () => {
    const body = DRAFT_BODY.replace(
      "## Do not touch\nThe prediction model.\n",
      "",
    );
    const report = lintTree(draft({}, body), { justClosedGate: 1 });
    expect(
      report.diagnostics
        .filter((d) => d.rule.endsWith("section-missing"))
        .map((d) => [d.rule, d.pass]),
    ).toStrictEqual([
      ["draft-section-missing", "draft"],
      ["wu-section-missing", "main"],
    ]);
  });

  it("text after a run-in heading fills it (Markdown paragraphs, issue 17 point 3); an ATX heading's own text does not; findings at the heading's line", () => {
    const body =
      "# T\n\n**Context.**\n**Acceptance criteria.**\n- one\n\n**Do not touch.**\n\n## Verification\n   \n**Escalation triggers.**\nnone";
    const found = drafts(draft({}, body)).filter(
      (d) => d.rule === "draft-section-empty",
    );
    // Frontmatter is 7 lines, then a blank line: the body starts at line 9.
    expect(
      found.map((d) => [d.line, d.message.match(/"([^"]+)"/)?.[1]]),
    ).toStrictEqual([
      [11, "Context"],
      [15, "Do not touch"],
      [17, "Verification"],
    ]);
  });

  it.each([
    ["bold run-in", "**Context.** Harbour staff paste it."],
    ["bold run-in with a colon", "**Context:** Harbour staff paste it."],
    ["a longer bold label", "**Contextual notes** Harbour staff paste it."],
    ["a plain label", "Context: Harbour staff paste it."],
  ])(
    "%s followed directly by the next section counts as filled",
    (_n, line) => {
      const body = `${DRAFT_BODY.replace(/## Context\n[^\n]*\n/, "")}\n${line}\n**Objective.** x\n`;
      expect(body).not.toContain("## Context");
      expect(
        where(drafts(draft({}, body)), "draft-section-empty"),
      ).toStrictEqual([]);
    },
  );

  it("`## Context Harbour` keeps ATX semantics: the heading text is not content", () => {
    const body = `${DRAFT_BODY.replace(/## Context\n[^\n]*\n/, "")}\n## Context of the harbour\n**Objective.** x\n`;
    expect(where(drafts(draft({}, body)), "draft-section-empty")).toHaveLength(
      1,
    );
  });

  it("a section heading at the very end has an empty slice", () => {
    const body = DRAFT_BODY.replace(
      "## Escalation triggers\nA model change would be needed.\n",
      "## Escalation triggers",
    );
    expect(where(drafts(draft({}, body)), "draft-section-empty")).toHaveLength(
      1,
    );
  });
});

describe("draft-driver-wiring (D05)", () => {
  it("fires for a drafted implementation unit naming driver wiring", () => {
    expect(
      where(
        drafts(draft({}, `${DRAFT_BODY}\nExtends commit_bookkeeping.\n`)),
        "draft-driver-wiring",
      ),
    ).toStrictEqual([{ file: `feat/${T03}`, line: 1, gate: null }]);
    expect(
      where(
        drafts(
          draft(
            { produces_driver_helper: "src/driver/book.ts" },
            `${DRAFT_BODY}\ncommit_bookkeeping\n`,
          ),
        ),
        "draft-driver-wiring",
      ),
    ).toStrictEqual([]);
  });
});
