/** One lint finding (lint.md L-DIAG-1). */
export interface Diagnostic {
  rule: string;
  /** Effective severity, after --strict. */
  severity: "error" | "warning";
  /** Display path. */
  file: string;
  line: number | null;
  column: number | null;
  /** The gate value when the finding concerns a graph gate or entry; "?" when absent; else null. */
  gate: number | string | null;
  message: string;
  hint: string;
  pass: "main" | "draft";
}
