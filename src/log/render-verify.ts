import { SpecfuseError } from "../errors/specfuse-error.js";
import type { VerifyReport, Violation } from "./verify-trail.js";

// The `--json` schema name of `log --verify` (AU-VER-2).
export const LOG_VERIFY_SCHEMA = "specfuse.log-verify/1";

function where(commit: string | null): string {
  return commit === null ? "working tree" : commit.slice(0, 12);
}

// `<file>:<line>: <kind>: <message> (<sha>|working tree)` (AU-VER-2).
export function violationLine(v: Violation): string {
  return `${v.file}:${v.line}: ${v.kind}: ${v.message} (${where(v.commit)})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// The text report: one line per violation, then the count; pure.
export function renderVerify(report: VerifyReport): string[] {
  const events = report.files.reduce((n, f) => n + f.events, 0);
  const legacy = report.files.reduce((n, f) => n + f.legacy_events, 0);
  const scope = `${plural(report.files.length, "file")}, ${plural(events, "event")}${legacy > 0 ? ` (${legacy} legacy, without transitions)` : ""}`;
  if (report.violations.length === 0)
    return [`log --verify: no violations in ${scope}`];
  const files = new Set(report.violations.map((v) => v.file)).size;
  return [
    ...report.violations.map(violationLine),
    `log --verify: ${plural(report.violations.length, "violation")} in ${plural(files, "file")} (${scope})`,
  ];
}

// The `specfuse.log-verify/1` body (AU-VER-2).
export function verifyBody(report: VerifyReport): Record<string, unknown> {
  return { files: report.files, violations: report.violations };
}

// Exit 1 `log_verify_failed`, naming the first violation's file, line and commit (AU-VER-2).
export function verifyFailure(report: VerifyReport): SpecfuseError {
  const first = report.violations[0] as Violation;
  return new SpecfuseError({
    code: "log_verify_failed",
    message: `the audit trail does not verify: ${first.kind} at ${first.file}:${first.line} (${where(first.commit)})`,
    file: first.file,
    line: first.line,
    detail: `${first.message}${report.violations.length > 1 ? `\nand ${plural(report.violations.length - 1, "more violation")}, listed above` : ""}`,
    hint: "events.jsonl is append-only and written by specfuse alone: restore it from git (`git log -p -- <file>`), and find who changed the history",
    body: verifyBody(report),
    schema: LOG_VERIFY_SCHEMA,
  });
}
