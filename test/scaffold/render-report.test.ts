import { describe, expect, it } from "vitest";
import { detectStack } from "../../src/scaffold/detect-stack.js";
import { fileOp } from "../../src/scaffold/file-op.js";
import type { ScaffoldPlan } from "../../src/scaffold/plan-types.js";
import {
  renderInitReport,
  renderUpgradeReport,
  reportLine,
  stackLine,
} from "../../src/scaffold/render-report.js";
import { dedent } from "../helpers/dedent.js";

const go = detectStack({ names: ["go.mod"], packageJson: null, pyproject: null, makefile: null });
const rust = detectStack({ names: ["Cargo.toml"], packageJson: null, pyproject: null, makefile: null });
const none = detectStack({ names: [], packageJson: null, pyproject: null, makefile: null });

function plan(partial: Partial<ScaffoldPlan>): ScaffoldPlan {
  return { ops: [], kept: [], warnings: [], leftovers: [], example: null, ...partial };
}

describe("init report (init.md I-INIT-6)", () => {
  it("I-INIT-6 verbs are padded to 10, reasons in parentheses, `would ` in a dry run", () => {
    const op = fileOp(".claude/commands/x.md", "keep", "command", null, "differs");
    expect(reportLine(op, ".", false)).toBe("keep       .claude/commands/x.md (differs)");
    expect(reportLine(op, "sub/dir", true)).toBe("would keep       sub/dir/.claude/commands/x.md (differs)");
    expect(reportLine(fileOp("a", "unchanged", "scaffold"), ".", false)).toBe("unchanged  a");
  });

  it("I-INIT-6 the stack line counts active code checks", () => {
    expect(stackLine(go)).toBe("stack: go → 2 code checks");
    expect(stackLine(rust)).toBe("stack: rust (cargo) → 1 code check");
    expect(stackLine(none)).toBe("stack: none → 0 code checks");
  });

  it("I-INIT-6 a dry run starts with its banner; Next names the review, the commit and /draft-feature", () => {
    const ops = [fileOp(".specfuse/VERSION", "create", "scaffold", "0.4.0\n"), fileOp(".gitignore", "append", "wiring", "x")];
    const text = renderInitReport({ plan: plan({ ops }), detection: go, isDryRun: true, isVerbose: false, target: "." }, false);
    expect(text).toBe(dedent`
      specfuse init (dry run): nothing was written
      would create     .specfuse/VERSION
      would append     .gitignore
      stack: go → 2 code checks
      Next:
        1. run \`specfuse init\` without --dry-run to write these files
        2. review .specfuse/verification.yml: its checks decide whether a unit passed
        3. git add .specfuse .claude .gitignore && git commit -m "chore: add specfuse"
        4. in Claude Code: /draft-feature <goal>   (or by hand: .specfuse/docs/writing-a-plan.md)
    `);
  });

  it("I-INIT-6 with --example and another directory, Next changes into it and suggests a dry run", () => {
    const text = renderInitReport({ plan: plan({}), detection: go, isDryRun: false, isVerbose: false, target: "app" }, true);
    expect(text).toContain("  1. cd app\n");
    expect(text).toContain("  4. specfuse run --dry-run");
  });
});

describe("upgrade report (init.md I-UPG-11)", () => {
  const ops = [
    fileOp(".specfuse/.scaffold-manifest", "update", "scaffold", "{}"),
    fileOp(".specfuse/LEARNINGS.md", "unchanged", "scaffold"),
    fileOp(".specfuse/docs/a.md", "update", "scaffold", "x"),
    fileOp(".specfuse/docs/old.md", "remove", "scaffold", null, "no longer shipped"),
    fileOp(".specfuse/rules/r.md", "keep", "scaffold", null, "locally modified"),
    fileOp(".gitignore", "unchanged", "wiring"),
  ];
  const p = plan({ ops, kept: [".specfuse/rules/r.md"], leftovers: [".specfuse/scripts/"] });

  it("I-UPG-11 header, changed lines, unchanged collapsed into one count, the adopt hint once, summary, Next", () => {
    const text = renderUpgradeReport({ plan: p, detection: go, isDryRun: false, isVerbose: false, target: "." }, { from: "0.3.1", to: "0.4.0" });
    expect(text).toBe(dedent`
      specfuse upgrade 0.3.1 → 0.4.0
      update     .specfuse/.scaffold-manifest
      update     .specfuse/docs/a.md
      remove     .specfuse/docs/old.md (no longer shipped)
      keep       .specfuse/rules/r.md (locally modified)
      unchanged  2 files
      info: left from specfuse-loop and never touched: .specfuse/scripts/
      To adopt the shipped version of a kept file, delete it and run \`specfuse upgrade\` again; \`git diff\` then shows what changed.
      upgraded to 0.4.0: 2 updated, 1 removed, 1 kept
      Next:
        1. git diff   (review what changed)
        2. git add .specfuse .claude .gitignore && git commit -m "chore: upgrade specfuse to 0.4.0"
    `);
  });

  it("I-UPG-11 --verbose lists unchanged paths; unversioned trees and equal versions are named", () => {
    const verbose = renderUpgradeReport({ plan: p, detection: go, isDryRun: true, isVerbose: true, target: "." }, { from: null, to: "0.4.0" });
    expect(verbose).toMatch(/^specfuse upgrade \(dry run\): nothing was written\nspecfuse upgrade unversioned → 0\.4\.0\n/);
    expect(verbose).toContain("would unchanged  .specfuse/LEARNINGS.md\n");
    expect(verbose).not.toContain("Next:");
    const same = renderUpgradeReport(
      { plan: plan({ ops: [fileOp(".specfuse/VERSION", "unchanged", "scaffold")] }), detection: go, isDryRun: false, isVerbose: false, target: "." },
      { from: "0.4.0", to: "0.4.0" },
    );
    expect(same).toBe("specfuse upgrade 0.4.0 → 0.4.0\nunchanged  1 file\nalready at 0.4.0: nothing to change\n");
  });
});
