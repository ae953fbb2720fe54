import type { ErrorCode } from "../../errors/codes.js";
import { SpecfuseError } from "../../errors/specfuse-error.js";
import type { FeatureModel, GateModel } from "../../plan/feature-model.js";
import type { Diagnostic } from "../../types/diagnostic.js";

// Lint rules and the driver error code each maps to (driver D-EXIT-1); anything else on a unit is frontmatter_invalid.
const CODE_OF_RULE: Readonly<Record<string, ErrorCode>> = {
  "yaml-invalid": "yaml_error",
  "plan-missing": "plan_missing",
  "graph-missing": "graph_missing",
  "graph-shape": "graph_invalid",
  "gate-number": "graph_invalid",
  "gate-duplicate": "graph_invalid",
  "path-escape": "graph_invalid",
  "gate-file-missing": "graph_invalid",
  "wu-entry-incomplete": "graph_invalid",
  "wu-duplicate-id": "graph_invalid",
  "wu-duplicate-file": "graph_invalid",
  "closing-shape": "graph_invalid",
  "closing-mix-backward": "graph_invalid",
  "plan-keys": "graph_invalid",
  "depends-on-not-list": "dependency_invalid",
  "dep-unknown": "dependency_invalid",
  "dep-later-gate": "dependency_invalid",
  "dep-cycle": "dependency_invalid",
  "wu-file-missing": "wu_file_missing",
  "gate-status": "gate_status_invalid",
};

// State checks the driver itself resolves (an in_progress close unit is recovered, not refused).
const NOT_BLOCKING = new Set(["close-verdict-required"]);

/** The lint verdict as the driver applies it (driver §5, issue: "a plan the linter rejects is not run"). */
export interface RunValidation {
  /** Errors that concern the current gate or the plan as a whole: the run refuses (65). */
  blocking: Diagnostic[];
  /** Errors elsewhere (earlier or later gates): printed as warnings. */
  elsewhere: Diagnostic[];
}

// Splits lint errors into those that stop this gate's run and those that concern other gates.
export function classifyLintErrors(
  diagnostics: readonly Diagnostic[],
  model: FeatureModel | null,
  gate: GateModel | null,
): RunValidation {
  const errors = diagnostics.filter(
    (d) =>
      d.severity === "error" && d.pass === "main" && !NOT_BLOCKING.has(d.rule),
  );
  if (model === null || gate === null)
    return { blocking: errors, elsewhere: [] };
  const gateFiles = new Set([gate.path, ...gate.units.map((u) => u.path)]);
  const otherFiles = new Set(
    model.gates
      .filter((g) => g.number !== gate.number)
      .flatMap((g) => [g.path, ...g.units.map((u) => u.path)]),
  );
  const blocking: Diagnostic[] = [];
  const elsewhere: Diagnostic[] = [];
  for (const d of errors) {
    const isOtherGate =
      d.gate !== null && d.gate !== gate.number && typeof d.gate === "number";
    const isOtherFile = otherFiles.has(d.file) && !gateFiles.has(d.file);
    if (isOtherGate || isOtherFile) elsewhere.push(d);
    else blocking.push(d);
  }
  return { blocking, elsewhere };
}

// The 65 error for blocking lint errors: the first one's code, every one listed (driver D-LOAD, D-EXIT-2).
export function lintRefusal(
  blocking: readonly Diagnostic[],
  dir: string,
): SpecfuseError {
  const first = blocking[0];
  const code: ErrorCode =
    first === undefined
      ? "graph_invalid"
      : (CODE_OF_RULE[first.rule] ?? "frontmatter_invalid");
  const where = (d: Diagnostic) =>
    `${d.file}${d.line === null ? "" : `:${d.line}`}`;
  return new SpecfuseError({
    code,
    message: first === undefined ? "the plan is invalid" : `${first.message}`,
    file: first?.file,
    line: first?.line ?? undefined,
    detail: blocking
      .map((d) => `${where(d)}: ${d.rule}: ${d.message}`)
      .join("\n"),
    hint: `${first?.hint ?? "fix the plan"}\n\`specfuse lint ${dir}\` lists every finding; nothing was run`,
  });
}
