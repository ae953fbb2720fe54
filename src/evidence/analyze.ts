import { plainDecimal } from "../yaml/format-number.js";
import { fallbackLines } from "./fallback.js";
import { findingsSignature } from "./identity.js";
import { recognize } from "./recognize.js";
import { byteLength, clip } from "./utf8.js";
import type {
  AttemptEvidence,
  AttemptVerification,
  CheckEvidence,
  CheckResult,
  CheckRun,
  EvidenceFailureClass,
  Finding,
  RunnerName,
} from "./types.js";

const EXCERPT_BYTES = 500;
const FINDINGS_LINE = /^FINDINGS: (\d+)\s*$/;
const TEST_RUNNERS: ReadonlySet<RunnerName> = new Set([
  "node-test",
  "vitest",
  "jest",
  "mocha",
  "pytest",
  "unittest",
  "go-test",
  "cargo-test",
  "surefire",
  "junit-xml",
  "bats",
]);
const LINT_RUNNERS: ReadonlySet<RunnerName> = new Set([
  "tsc",
  "vue-tsc",
  "eslint",
  "ruff",
  "mypy",
  "shellcheck",
]);

// A check's result: timeout when its limit fired, fail on a non-zero exit or a signal, else pass.
export function checkResult(run: CheckRun): CheckResult {
  if (run.capture.isTimedOut) return "timeout";
  return run.capture.exitCode === 0 && run.capture.signal === null
    ? "pass"
    : "fail";
}

// One check's evidence: findings of a failing check (EV-FIND-2..4), the fallback when none is recognized
// (EV-REC-3), and its EV-SIG-5 count.
export function analyzeCheck(run: CheckRun, root: string): CheckEvidence {
  const result = checkResult(run);
  const lines = run.capture.text.split("\n");
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const base = {
    name: run.name,
    command: run.command,
    result,
    exitCode: run.capture.exitCode,
    signal: run.capture.signal,
    timeoutSeconds: run.timeoutSeconds,
    lines,
  };
  if (result === "pass")
    return {
      ...base,
      findings: [],
      fallback: [],
      count: findingsLine(lines) ?? 0,
      diagnostics: [],
    };
  const recognized = recognize(
    run.name,
    lines,
    root,
    run.reports ?? [],
    run.capture.text,
  );
  const findings =
    result === "timeout"
      ? [timeoutFinding(run), ...recognized.findings]
      : recognized.findings;
  const fallback = recognized.findings.length === 0 ? fallbackLines(lines) : [];
  const count =
    result === "timeout"
      ? null
      : (findingsLine(lines) ?? (findings.length > 0 ? findings.length : null));
  return {
    ...base,
    findings,
    fallback,
    count,
    diagnostics: recognized.diagnostics,
  };
}

// The finding of a check killed by its limit (EV-FIND-4).
export function timeoutFinding(run: CheckRun): Finding {
  return {
    check: run.name,
    runner: "timeout",
    message: `check "${run.name}" exceeded its ${plainDecimal(run.timeoutSeconds)}s limit`,
  };
}

// The last `FINDINGS: <n>` line of a capture (upstream's metric), if any.
export function findingsLine(lines: readonly string[]): number | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = FINDINGS_LINE.exec(lines[i] ?? "");
    if (m !== null) return Number(m[1]);
  }
  return undefined;
}

// An attempt's evidence: every check analyzed, the signature (EV-SIG-2), class and excerpt (EV-SIG-4) and the
// per-check counts (EV-SIG-5).
export function analyzeAttempt(
  verification: AttemptVerification,
): AttemptEvidence {
  const checks = verification.checks.map((c) =>
    analyzeCheck(c, verification.root),
  );
  const failing = checks.filter((c) => c.result !== "pass");
  const findings = failing.flatMap((c) => c.findings);
  const isEveryFailingCheckNamed = failing.every((c) => c.findings.length > 0);
  const outcomes = checks.map((c) => ({
    name: c.name,
    result: c.result,
    exit_code: c.exitCode,
    findings: c.count,
  }));
  return {
    attempt: verification.attempt,
    checks,
    isFailed: failing.length > 0,
    findings,
    signature:
      failing.length > 0
        ? findingsSignature(findings, isEveryFailingCheckNamed)
        : null,
    failureClass: failing.length > 0 ? failureClass(failing) : "other",
    failureExcerpt: failureExcerpt(failing),
    outcomes,
    findingsTotal: outcomes.some((o) => o.findings === null)
      ? null
      : outcomes.reduce((sum, o) => sum + (o.findings ?? 0), 0),
  };
}

// EV-SIG-4: the first failing check's name when it is a class, else the class of its first finding's runner.
export function failureClass(
  failing: readonly CheckEvidence[],
): EvidenceFailureClass {
  const first = failing[0];
  if (first === undefined) return "other";
  const name = first.name;
  if (
    name === "tests" ||
    name === "lint" ||
    name === "security" ||
    name === "coverage"
  )
    return name;
  const runner =
    first.findings.find((f) => f.runner !== "timeout")?.runner ??
    first.findings[0]?.runner;
  if (runner !== undefined && TEST_RUNNERS.has(runner)) return "tests";
  if (runner !== undefined && LINT_RUNNERS.has(runner)) return "lint";
  return "other";
}

// EV-SIG-4's excerpt: the first findings as one-line entries, else the fallback lines, within 500 bytes.
export function failureExcerpt(failing: readonly CheckEvidence[]): string {
  const lines = failing.flatMap((c) =>
    c.findings.length > 0
      ? c.findings.map(oneLineFinding)
      : c.fallback
          .filter((l) => l.isMatch)
          .map((l) => `${c.name}: ${l.text.trim()}`),
  );
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    const add = byteLength(line) + (kept.length > 0 ? 1 : 0);
    if (size + add > EXCERPT_BYTES) {
      if (kept.length === 0) kept.push(clip(line, EXCERPT_BYTES));
      break;
    }
    kept.push(line);
    size += add;
  }
  return kept.join("\n");
}

// A finding in one line: `<check>: <file>[:<line>] <test or rule>: <message's first line>`.
export function oneLineFinding(finding: Finding): string {
  const where = findingHead(finding);
  const first =
    finding.message
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  return `${finding.check}: ${where === "" ? first : `${where}: ${first}`}`;
}

// `<file>[:<line>] <test or rule>`, the head of a finding in notes and one-line forms.
export function findingHead(finding: Finding): string {
  const file =
    finding.file === undefined
      ? ""
      : finding.line === undefined
        ? finding.file
        : `${finding.file}:${finding.line}`;
  const name = finding.test ?? finding.rule ?? "";
  return [file, name].filter((p) => p !== "").join(" ");
}
