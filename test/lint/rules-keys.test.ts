import { describe, expect, it } from "vitest";
import { base, edit, lintTree, where, withFiles, wu, BODY } from "./helpers.js";

const ID = "FEAT-2026-0101";
const T01 = "WU-01-export.md";

function messages(rule: string, tree = base()) {
  return lintTree(tree)
    .diagnostics.filter((d) => d.rule === rule)
    .map((d) => ({ line: d.line, message: d.message, hint: d.hint }));
}

describe("unknown-key (new, warning; issue 17 point 2)", () => {
  it("a `depend_on:` typo in a graph entry warns at its line, names the key it meant and what ignoring it costs", () => {
    const tree = edit(
      base(),
      "PLAN.md",
      `        depends_on: [${ID}/T01]\n`,
      `        depend_on: [${ID}/T01]\n`,
    );
    const report = lintTree(tree);
    expect(where(report, "unknown-key")).toStrictEqual([
      { file: "feat/PLAN.md", line: 22, gate: 1 },
    ]);
    const d = report.diagnostics.find((x) => x.rule === "unknown-key");
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain('Unknown key "depend_on"');
    expect(d?.message).toContain('did you mean "depends_on"?');
    expect(d?.message).toContain("no edge");
    expect(d?.hint).toBe('rename it to "depends_on".');
    expect(report.ok).toBe(true);
    expect(lintTree(tree, { strict: true }).ok).toBe(false);
  });

  it("a `modle:` typo in a unit's frontmatter warns at the key line with did-you-mean model", () => {
    const tree = edit(
      base(),
      T01,
      "status: pending",
      "status: pending\nmodle: opus",
    );
    expect(messages("unknown-key", tree)).toStrictEqual([
      {
        line: 5,
        message:
          'Unknown key "modle" in the work unit\'s frontmatter; did you mean "model"? specfuse ignores it, so the type\'s default model is used.',
        hint: 'rename it to "model".',
      },
    ]);
  });

  it("checks the PLAN, the GATE files and gate entries too, each file once", () => {
    let tree = edit(
      base(),
      "PLAN.md",
      "status: active",
      "status: active\nslgu: x",
    );
    tree = edit(
      tree,
      "PLAN.md",
      "  - gate: 2\n",
      "  - gate: 2\n    wrk_units_note: y\n",
    );
    tree = withFiles(tree, {
      "GATE-01.md": "---\ngate: 1\nstatus: open\nbudget: 3\n---\n",
    });
    expect(
      where(lintTree(tree), "unknown-key").map((w) => `${w.file}:${w.line}`),
    ).toStrictEqual(["feat/GATE-01.md:4", "feat/PLAN.md:7", "feat/PLAN.md:31"]);
  });

  it("keys the driver, unblock, auto-close and newer reference versions write are known", () => {
    const written = [
      "attempts: 2",
      "duration_seconds: 12.5",
      "cost_usd: 0.4",
      "input_tokens: 10",
      "output_tokens: 20",
      "cumulative_cost_usd: 1.0",
      "cumulative_attempts: 3",
      "cumulative_reasoning_tokens: 5",
      "re_arm_count: 1",
      "re_arm_history: []",
      "attempts_lifetime: 5",
      "agent: claude",
      "prep: setup",
      "oracles: [smoke]",
      "iterate_on_failure: false",
      "max_attempts: 4",
      "fixes_baseline: false",
      "gate_set: code",
      "driver_version: 0.3.1",
      "started_at: '2026-01-01T00:00:00Z'",
      "escalation_reason: x",
      "folded_through_re_arm: 1",
      "provenance: adopted",
    ];
    let tree = edit(
      base(),
      T01,
      "status: pending",
      `status: pending\n${written.join("\n")}`,
    );
    tree = edit(
      tree,
      "PLAN.md",
      "status: active",
      "status: active\nbase: main\nsource_issue_url: https://example.test/1",
    );
    tree = withFiles(tree, {
      "GATE-01.md":
        "---\ngate: 1\nstatus: open\nbaseline: {sha: abc, failing: []}\n---\n",
    });
    expect(where(lintTree(tree), "unknown-key")).toStrictEqual([]);
  });

  it("a key with no close known spelling gets a plain hint", () => {
    const tree = edit(
      base(),
      T01,
      "status: pending",
      "status: pending\nreviewer: ana",
    );
    const [d] = messages("unknown-key", tree);
    expect(d?.message).toBe(
      'Unknown key "reviewer" in the work unit\'s frontmatter; specfuse ignores it.',
    );
    expect(d?.hint).toMatch(
      /^remove it, or check its spelling \(known keys: id, type, status/,
    );
  });
});

describe("misspelled required keys (issue 17 point 2: `stauts:`)", () => {
  it("wu-status names the misspelled key instead of only saying absent", () => {
    const tree = edit(base(), T01, "status: pending", "stauts: pending");
    const [d] = messages("wu-status", tree);
    expect(d?.message).toContain(
      'status is absent (the frontmatter has "stauts": a misspelling of "status"?)',
    );
    expect(where(lintTree(tree), "unknown-key")).toHaveLength(1);
  });

  it("plan-keys names the misspelled PLAN key", () => {
    const tree = edit(base(), "PLAN.md", "title: Tide", "titel: Tide");
    const [d] = messages("plan-keys", tree);
    expect(d?.message).toContain('"titel" looks like a misspelling of "title"');
  });
});

describe("frontmatter-missing (new; issue 17 point 12)", () => {
  it("a WU file whose opening --- is missing gets one finding that says so, first in the file's list", () => {
    const text = wu(
      [`id: ${ID}/T01`, "type: implementation", "status: pending"],
      BODY,
    ).replace(/^---\n/, "");
    const report = lintTree(withFiles(base(), { [T01]: text }));
    const forFile = report.diagnostics.filter((d) => d.file === `feat/${T01}`);
    expect(forFile[0]).toMatchObject({
      rule: "frontmatter-missing",
      line: 1,
      severity: "error",
      hint: 'add a line "---" above line 1.',
    });
    expect(forFile[0]?.message).toContain(
      'starts with "id: FEAT-2026-0101/T01" instead of a "---" line',
    );
    for (const d of forFile.filter((x) =>
      ["wu-type", "wu-status", "wu-id-mismatch"].includes(x.rule),
    ))
      expect(d.message).toContain("the file has no frontmatter");
  });

  it("a body-only file is told to start with a frontmatter block", () => {
    const report = lintTree(withFiles(base(), { [T01]: BODY }));
    const d = report.diagnostics.find((x) => x.rule === "frontmatter-missing");
    expect(d?.hint).toContain('start the file with "---"');
  });

  it("is silent for files with frontmatter", () => {
    expect(where(lintTree(base()), "frontmatter-missing")).toStrictEqual([]);
  });
});
