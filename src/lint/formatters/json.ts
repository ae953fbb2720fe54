import type { Diagnostic } from "../../types/diagnostic.js";
import type { FeatureReport } from "../lint-feature.js";
import { totalsOf } from "./summary.js";

/** The `--format json` document (lint.md L-OUT-2); src/schemas/lint-report.ts describes it. */
export interface LintJsonReport {
  schema_version: 1;
  tool: { name: "specfuse-lint"; version: string };
  strict: boolean;
  just_closed_gate: number | null;
  features: Array<{
    dir: string;
    ok: boolean;
    errors: number;
    warnings: number;
    diagnostics: Diagnostic[];
  }>;
  summary: {
    features: number;
    errors: number;
    warnings: number;
    exit_code: 0 | 1;
  };
}

/** Run-wide facts the JSON and SARIF documents carry. */
export interface ReportMeta {
  version: string;
  strict: boolean;
  justClosedGate: number | null;
}

// Builds the JSON document with the L-DIAG-1 field order.
export function buildJsonReport(
  reports: readonly FeatureReport[],
  meta: ReportMeta,
): LintJsonReport {
  const t = totalsOf(reports);
  return {
    schema_version: 1,
    tool: { name: "specfuse-lint", version: meta.version },
    strict: meta.strict,
    just_closed_gate: meta.justClosedGate,
    features: reports.map((r) => ({
      dir: r.dir,
      ok: r.ok,
      errors: r.errors,
      warnings: r.warnings,
      diagnostics: r.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        pass: d.pass,
        file: d.file,
        line: d.line,
        column: d.column,
        gate: d.gate,
        message: d.message,
        hint: d.hint,
      })),
    })),
    summary: {
      features: t.features,
      errors: t.errors,
      warnings: t.warnings,
      exit_code: t.exitCode,
    },
  };
}

// The document as text: indented 2 spaces, ending with a newline.
export function formatJson(
  reports: readonly FeatureReport[],
  meta: ReportMeta,
): string {
  return `${JSON.stringify(buildJsonReport(reports, meta), null, 2)}\n`;
}
