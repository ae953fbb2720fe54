import type { AttemptEvidence, EvidenceDiagnostic, Finding } from "./types.js";

/** `attempt-<a>.findings.json`: every finding of a failed attempt, which the note may cut (EV-BLK-2). */
export interface FindingsFile {
  version: 1;
  attempt: number;
  signature: string | null;
  failure_class: string;
  findings_total: number | null;
  checks: Array<{
    name: string;
    command: string;
    result: string;
    exit_code: number | null;
    signal: string | null;
    findings: number | null;
  }>;
  findings: Finding[];
  /** EV-REC-3 lines of checks with no finding, by check name. */
  fallback: Record<
    string,
    Array<{ line: number; text: string; is_match: boolean }>
  >;
  diagnostics: EvidenceDiagnostic[];
}

// The content of `attempt-<a>.findings.json`.
export function buildFindingsFile(evidence: AttemptEvidence): FindingsFile {
  const fallback: FindingsFile["fallback"] = {};
  for (const c of evidence.checks)
    if (c.fallback.length > 0)
      fallback[c.name] = c.fallback.map((l) => ({
        line: l.line,
        text: l.text,
        is_match: l.isMatch,
      }));
  return {
    version: 1,
    attempt: evidence.attempt,
    signature: evidence.signature,
    failure_class: evidence.failureClass,
    findings_total: evidence.findingsTotal,
    checks: evidence.checks.map((c) => ({
      name: c.name,
      command: c.command,
      result: c.result,
      exit_code: c.exitCode,
      signal: c.signal,
      findings: c.count,
    })),
    findings: evidence.findings,
    fallback,
    diagnostics: evidence.checks.flatMap((c) => c.diagnostics),
  };
}

// The file's text: two-space JSON with a final newline.
export function renderFindingsFile(evidence: AttemptEvidence): string {
  return `${JSON.stringify(buildFindingsFile(evidence), null, 2)}\n`;
}
