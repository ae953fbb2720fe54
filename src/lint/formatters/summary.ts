import type { FeatureReport } from "../lint-feature.js";
import { plural } from "../wording.js";

/** Totals over every folder of one run. */
export interface LintTotals {
  features: number;
  errors: number;
  warnings: number;
  /** 0 with no effective error, otherwise 1 (L-CLI-4). */
  exitCode: 0 | 1;
}

// Sums the folders' effective counts.
export function totalsOf(reports: readonly FeatureReport[]): LintTotals {
  const errors = reports.reduce((n, r) => n + r.errors, 0);
  const warnings = reports.reduce((n, r) => n + r.warnings, 0);
  return {
    features: reports.length,
    errors,
    warnings,
    exitCode: errors > 0 ? 1 : 0,
  };
}

// The closing line of the text and github formats (L-OUT-1).
export function summaryLine(reports: readonly FeatureReport[]): string {
  const t = totalsOf(reports);
  return `specfuse lint: ${plural(t.features, "feature folder")}, ${plural(t.errors, "error")}, ${plural(t.warnings, "warning")}`;
}
