import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULE_TABLE } from "../../src/lint/rule-table.js";
import { STEPS } from "../../src/lint/run-rules.js";
import type { Rule } from "../../src/lint/rule.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
import {
  base,
  brief,
  edit,
  lintTree,
  planText,
  where,
  withFiles,
} from "./helpers.js";

describe("evaluation order, stops and skips (lint.md L-EVAL-1..4)", () => {
  it("L-EVAL-2: no graph stops after plan-keys and graph-missing", () => {
    let tree = edit(
      base(),
      "PLAN.md",
      "branch: feat/FEAT-2026-0101-tide-export\n",
      "",
    );
    tree = edit(tree, "PLAN.md", "```yaml", "```");
    expect(brief(lintTree(tree))).toStrictEqual([
      "graph-missing feat/PLAN.md:1",
      "plan-keys feat/PLAN.md:1",
    ]);
  });

  it("L-EVAL-2: gates that is not a list stops after graph-shape, before any file is read", () => {
    const tree = withFiles(base(), {
      "PLAN.md": planText("gates: {gate: 1}"),
      "WU-01-export.md": "---\nbroken",
    });
    expect(brief(lintTree(tree))).toStrictEqual([
      "graph-shape feat/PLAN.md:13",
    ]);
  });

  it("L-EVAL-4: an empty gate gets only the gate checks", () => {
    const graph =
      "gates:\n  - gate: 1\n    file: GATE-01.md\n    work_units: []";
    const report = lintTree({
      "PLAN.md": planText(graph),
      "GATE-01.md": "---\ngate: 1\nstatus: shut\n---\n",
    });
    // No unit plans any cost, so the PLAN's 3.0 is 100% off: the cost checks still run.
    expect(brief(report)).toStrictEqual([
      "gate-status feat/GATE-01.md:3",
      "plan-cost-mismatch feat/PLAN.md:7",
    ]);
  });

  it("L-EVAL-3: a yaml-invalid GATE file skips only gate-budget-type and gate-status; its units are checked", () => {
    let tree = withFiles(base(), {
      "GATE-01.md": "---\ngate: 1\nstatus: shut\n  bad: indent\n---\n",
    });
    tree = edit(tree, "WU-01-export.md", "type: implementation", "type: chore");
    expect(brief(lintTree(tree))).toStrictEqual([
      "yaml-invalid feat/GATE-01.md:3",
      "wu-type feat/WU-01-export.md:3",
    ]);
  });

  it("an entry skipped by wu-file-missing is left out of the closing sequence, but its id still resolves", () => {
    const report = lintTree(
      withFiles(base(), { "WU-91-g1-plan.md": undefined }),
    );
    expect(where(report, "closing-shape")).toStrictEqual([
      { file: "feat/PLAN.md", line: 14, gate: 1 },
    ]);
    expect(where(report, "dep-unknown")).toStrictEqual([]);
  });
});

describe("--strict (lint.md L-CLI-6)", () => {
  it("promotes every main-pass warning to an error and counts it", () => {
    const tree = edit(
      base(),
      "WU-01-export.md",
      "produces: [src/export.ts]\n",
      "",
    );
    expect(lintTree(tree)).toMatchObject({ ok: true, errors: 0, warnings: 1 });
    const strict = lintTree(tree, { strict: true });
    expect(strict).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(strict.diagnostics[0]).toMatchObject({
      rule: "produces-missing",
      severity: "error",
      pass: "main",
    });
  });
});

describe("diagnostic order (lint.md L-OUT-5)", () => {
  it("sorts by file, line with null first, rule, then message", () => {
    let tree = withFiles(base(), { "WU-03-columns.md": undefined });
    tree = edit(tree, "WU-01-export.md", "status: pending", "status: nope");
    tree = edit(tree, "WU-01-export.md", "type: implementation", "type: nope");
    const files = lintTree(tree).diagnostics.map(
      (d) => `${d.file}:${d.line ?? "-"}:${d.rule}`,
    );
    expect(files).toStrictEqual([
      "feat/PLAN.md:7:plan-cost-mismatch",
      "feat/WU-01-export.md:3:wu-type",
      "feat/WU-01-export.md:4:wu-status",
      "feat/WU-03-columns.md:-:wu-file-missing",
    ]);
  });
});

// New rules that warn rather than fail: what they flag is allowed, only suspicious (docs/lint.md).
const WARN_ONLY = new Set(["unknown-key", "roadmap-row-missing"]);

describe("the rule catalogue (rule-table.ts)", () => {
  const codes = RULE_TABLE.map((r) => r.code);
  const ruleFiles = readdirSync(path.join(PROJECT_ROOT, "src/lint/rules")).map(
    (f) => f.replace(/\.ts$/, ""),
  );

  it("lists 52 unique codes, one rules/<code>.ts file each", () => {
    expect(new Set(codes).size).toBe(52);
    expect([...ruleFiles].sort()).toStrictEqual([...codes].sort());
  });

  it("every rule file's Rule carries its own code and takes part in at least one step", () => {
    const used = new Set<Rule>(Object.values(STEPS).flat());
    expect([...used].map((r) => r.code).sort()).toStrictEqual(
      [...codes].sort(),
    );
  });

  it("draft rules are warnings of the draft pass; references follow L-MAP-1", () => {
    for (const r of RULE_TABLE) {
      if (r.code.startsWith("draft-"))
        expect([r.pass, r.severity]).toStrictEqual(["draft", "warning"]);
      else expect(r.pass).toBe("main");
      expect(r.ref).toMatch(/^(new|L\d\d(\/L\d\d)?|D\d\d[ab]?)$/);
      // L-NEW-1, except the rules for what formats.md F-FM-3 allows (unknown keys): they warn.
      if (r.ref === "new")
        expect(r.severity).toBe(WARN_ONLY.has(r.code) ? "warning" : "error");
    }
  });

  it("every code has a describe block in the rule tests", () => {
    const sources = readdirSync(path.join(PROJECT_ROOT, "test/lint"))
      .filter((f) => f.startsWith("rules-"))
      .map((f) => readFileSync(path.join(PROJECT_ROOT, "test/lint", f), "utf8"))
      .join("\n");
    for (const code of codes)
      expect(sources, code).toMatch(
        new RegExp(`describe\\(\\s*"[^"]*\\b${code}\\b`),
      );
  });
});
