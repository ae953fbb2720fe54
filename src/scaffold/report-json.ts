import type { StackDetection } from "./detect-stack.js";
import type { ScaffoldWarning } from "./file-op.js";
import type { ScaffoldPlan } from "./plan-types.js";

/** The `--json` body shared by `init` and `upgrade` (init.md I-INIT-7, cli.md §10). */
export interface ScaffoldJsonBody extends Record<string, unknown> {
  target: string;
  dry_run: boolean;
  version: string;
  stack: { detected: string[]; code_checks: number };
  files: Array<{ path: string; action: string; reason: string | null }>;
  kept: string[];
  warnings: ScaffoldWarning[];
  example: { feature_id: string; dir: string } | null;
}

/** Inputs of the body builder. */
export interface JsonBodyInput {
  target: string;
  isDryRun: boolean;
  version: string;
  detection: StackDetection;
  plan: ScaffoldPlan;
  /** Every warning shown, git ones included. */
  warnings: ScaffoldWarning[];
}

// The body of `specfuse.init/1` and the common part of `specfuse.upgrade/1`; paths are target-relative.
export function scaffoldJsonBody(input: JsonBodyInput): ScaffoldJsonBody {
  const { plan } = input;
  return {
    target: input.target,
    dry_run: input.isDryRun,
    version: input.version,
    stack: {
      detected: input.detection.stacks.map((s) => s.id),
      code_checks: input.detection.checks.filter((c) => c.isActive).length,
    },
    files: plan.ops.map((op) => ({
      path: op.path,
      action: op.action,
      reason: op.reason,
    })),
    kept: plan.kept,
    warnings: input.warnings,
    example:
      plan.example === null
        ? null
        : { feature_id: plan.example.featureId, dir: plan.example.dir },
  };
}
