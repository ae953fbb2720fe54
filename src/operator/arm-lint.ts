import { lintFeature } from "../lint/lint-feature.js";
import type { Diagnostic } from "../types/diagnostic.js";
import type { FeatureSnapshot } from "../types/feature-snapshot.js";

/** The lint verdict `arm` acts on (driver D-ARM-1). */
export interface ArmLint {
  /** Main-pass errors: any refuses the arm. */
  errors: Diagnostic[];
  /** Main-pass warnings and every draft-pass finding (lint.md L-DRAFT-1): printed, never refusing. */
  warnings: Diagnostic[];
}

// The full lint of the folder, plus the plan-next draft pass for gate N−1 (lint.md §5), split into refusing and informing findings.
export function lintForArm(snapshot: FeatureSnapshot, gate: number): ArmLint {
  const report = lintFeature(snapshot, {
    strict: false,
    justClosedGate: gate - 1,
  });
  return {
    errors: report.diagnostics.filter(
      (d) => d.pass === "main" && d.severity === "error",
    ),
    warnings: report.diagnostics.filter(
      (d) => d.pass === "draft" || d.severity !== "error",
    ),
  };
}
