import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { detectStack } from "../../src/scaffold/detect-stack.js";
import {
  ARTIFACT_CHANGED_COMMAND,
  PLAN_LINT_COMMAND,
  renderVerification,
} from "../../src/scaffold/render-verification.js";
import { EXAMPLE_SET } from "../../src/scaffold/scaffold-assets.js";
import { subsetViolations } from "./support/yaml-subset.js";

const node = detectStack({
  names: ["package.json", "Cargo.toml"],
  packageJson: JSON.stringify({ scripts: { test: "vitest run", lint: "eslint ." } }),
  pyproject: null,
  makefile: null,
});
const none = detectStack({ names: [], packageJson: null, pyproject: null, makefile: null });
const inactive = detectStack({
  names: ["package.json"],
  packageJson: "{}",
  pyproject: null,
  makefile: null,
});

describe("seeded verification.yml (init.md §4.1, I-STACK-2, I-STACK-3)", () => {
  it("I-STACK-2 holds the active code checks, doc/artifact-changed and plannext/plan-lint", () => {
    const parsed = parse(renderVerification(node)) as Record<string, unknown>;
    expect(parsed).toEqual({
      code: [
        { name: "tests", command: "npm test" },
        { name: "lint", command: "npm run lint" },
        { name: "tests-rust", command: "cargo test --quiet" },
      ],
      doc: [{ name: "artifact-changed", command: ARTIFACT_CHANGED_COMMAND }],
      plannext: [{ name: "plan-lint", command: PLAN_LINT_COMMAND }],
    });
    expect(PLAN_LINT_COMMAND).toBe("specfuse lint {feature_dir}");
  });

  it("I-STACK-3 commands are double-quoted with only \\\" and \\\\ escapes; the header names stacks and the type → set map", () => {
    const text = renderVerification(node);
    const commandLines = text.split("\n").filter((l) => /^\s*(# )?\s*command:/.test(l));
    expect(commandLines.length).toBeGreaterThan(3);
    for (const line of commandLines) {
      const value = line.slice(line.indexOf("command:") + 9);
      expect(value).toMatch(/^"(?:[^"\\]|\\["\\])*"$/);
    }
    expect(text).toContain("# Detected stacks: node (npm), rust (cargo)");
    expect(text).toMatch(/^#\s+implementation\s+-> code$/m);
    expect(text).toMatch(/^#\s+close, close-intermediate, plan-next\s+-> plannext$/m);
    expect(text).toMatch(/^#\s+retrospective, lessons, docs \(legacy\)\s+-> doc$/m);
    expect(text).toContain("\n# cost_tracking: true\n");
    expect(text).toContain("\n# timeout_seconds: 900\n");
    expect(text).toContain('  # - name: lint\n  #   command: "cargo clippy --all-targets -- -D warnings"');
    expect(subsetViolations(text)).toEqual([]);
  });

  it("I-STACK-1 nothing detected: a commented code set whose example fails loudly", () => {
    const text = renderVerification(none);
    const parsed = parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["doc", "plannext"]);
    const uncommented = parse(
      text.replace(/^(\s*)# (code:|- name:|  command:)/gm, "$1$2"),
    ) as { code: Array<{ command: string }> };
    expect(uncommented.code).toHaveLength(1);
    expect(uncommented.code[0]?.command).toMatch(/exit 1$/);
  });

  it("I-STACK-4 only inactive checks: `code:` itself is commented out, so no empty set is written", () => {
    const text = renderVerification(inactive);
    expect(text).toContain("# code:\n");
    expect(text).toContain('  # - name: tests\n  #   command: "npm test"');
    expect(Object.keys(parse(text) as object)).toEqual(["doc", "plannext"]);
  });

  it("I-EX-2 the example set holds one check that lists the test files explicitly", () => {
    const parsed = parse(renderVerification(node, [EXAMPLE_SET])) as Record<string, unknown>;
    expect(parsed.example).toEqual([
      {
        name: "hello-tests",
        command: "ls hello/*.test.mjs >/dev/null && node --test hello/*.test.mjs",
      },
    ]);
  });
});
