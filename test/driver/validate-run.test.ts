import { describe, expect, it } from "vitest";
import {
  classifyLintErrors,
  lintRefusal,
} from "../../src/driver/scope/validate-run.js";
import type { FeatureModel, GateModel } from "../../src/plan/feature-model.js";
import type { Diagnostic } from "../../src/types/diagnostic.js";

const diag = (over: Partial<Diagnostic>): Diagnostic => ({
  rule: "dep-unknown",
  severity: "error",
  file: "F/PLAN.md",
  line: 3,
  column: null,
  gate: 1,
  message: "m",
  hint: "h",
  pass: "main",
  ...over,
});

const gate1 = {
  number: 1,
  path: "F/GATE-01.md",
  units: [{ path: "F/WU-01.md" }],
} as unknown as GateModel;
const gate2 = {
  number: 2,
  path: "F/GATE-02.md",
  units: [{ path: "F/WU-02.md" }],
} as unknown as GateModel;
const model = { gates: [gate1, gate2] } as unknown as FeatureModel;

describe("lint as the run's preflight (driver §5)", () => {
  it("blocks on errors of the current gate and the plan; other gates' errors are only reported", () => {
    const v = classifyLintErrors(
      [
        diag({ rule: "dep-unknown", gate: 1 }),
        diag({ rule: "dep-unknown", gate: 2 }),
        diag({ rule: "wu-effort", file: "F/WU-02.md", gate: null }),
        diag({ rule: "wu-effort", file: "F/WU-01.md", gate: null }),
        diag({ rule: "plan-keys", gate: null }),
        diag({
          rule: "produces-missing",
          severity: "warning",
          file: "F/WU-01.md",
          gate: null,
        }),
        diag({
          rule: "close-verdict-required",
          file: "F/WU-01.md",
          gate: null,
        }),
      ],
      model,
      gate1,
    );
    expect(v.blocking.map((d) => d.rule)).toStrictEqual([
      "dep-unknown",
      "wu-effort",
      "plan-keys",
    ]);
    expect(v.elsewhere.map((d) => `${d.rule}@${d.file}`)).toStrictEqual([
      "dep-unknown@F/PLAN.md",
      "wu-effort@F/WU-02.md",
    ]);
  });

  it.each([
    ["yaml-invalid", "yaml_error"],
    ["graph-missing", "graph_missing"],
    ["gate-number", "graph_invalid"],
    ["dep-cycle", "dependency_invalid"],
    ["wu-file-missing", "wu_file_missing"],
    ["gate-status", "gate_status_invalid"],
    ["wu-effort", "frontmatter_invalid"],
  ])("maps %s to the driver code %s (D-EXIT-1)", (rule, code) => {
    const e = lintRefusal([diag({ rule }), diag({ rule: "dep-unknown" })], "F");
    expect(e.code).toBe(code);
    expect(e.detail?.split("\n")).toHaveLength(2);
    expect(e.hint).toContain("specfuse lint F");
  });
});
