// The shapes of failure evidence (spec evidence.md): what the driver hands in, and what the engine returns.

/** A runner whose output a recognizer reads (EV-REC-1), or `timeout` for a check killed by its limit (EV-FIND-4). */
export type RunnerName =
  | "node-test"
  | "vitest"
  | "jest"
  | "mocha"
  | "pytest"
  | "unittest"
  | "go-test"
  | "cargo-test"
  | "tsc"
  | "vue-tsc"
  | "eslint"
  | "ruff"
  | "mypy"
  | "surefire"
  | "junit-xml"
  | "bats"
  | "shellcheck"
  | "annotation"
  | "timeout";

/** One failure read from a capture (EV-FIND-1). Absent fields are unknown. */
export interface Finding {
  /** The check's name in verification.yml. */
  check: string;
  runner: RunnerName;
  /** Repo-relative, `/`-separated; never a runtime frame (EV-FIND-3). */
  file?: string;
  line?: number;
  column?: number;
  /** The test's name with its parents, joined by ` > `. */
  test?: string;
  /** A lint or compiler code (`TS2322`, `no-undef`, `E0308`). */
  rule?: string;
  /** At most 400 bytes; may span lines. */
  message: string;
  /** At most 120 bytes each. */
  expected?: string;
  actual?: string;
}

/** A finding as a recognizer returns it: no check yet, its capture line index, and eslint's severity. */
export interface RawFinding extends Omit<Finding, "check"> {
  /** 0-based index of the capture line it was read from; orders findings as the output did. */
  at: number;
  /** An eslint warning: counts only when the check has no eslint error (EV-REC-2). */
  isWarning?: boolean;
}

/** What a recognizer reads: the cleaned capture split in lines, and the repo root to make paths relative. */
export interface RecognizeInput {
  lines: readonly string[];
  /** The capture joined, for cheap marker tests before a line scan. */
  text: string;
  /** Absolute path of the repository root, as the runner printed it in absolute paths. */
  root: string;
}

/** A recognizer: one runner's markers (EV-REC-1). */
export interface Recognizer {
  runner: RunnerName;
  recognize(input: RecognizeInput): RawFinding[];
}

/** A check's output as the capture kept it (EV-CAP-1). */
export interface Capture {
  /** Cleaned text: head and tail joined by the elision line when it was cut. */
  text: string;
  exitCode: number | null;
  signal: string | null;
  /** The check's own limit fired and its process group was killed. */
  isTimedOut: boolean;
  durationMs: number;
  /** Bytes dropped between head and tail (0 when whole). */
  elidedBytes: number;
}

/** A JUnit XML file the driver read after a failing check (EV-CAP-2). */
export interface ReportFile {
  /** Repo-relative path. */
  path: string;
  text: string;
}

/** One check of an attempt's verification, as the driver ran it. */
export interface CheckRun {
  name: string;
  /** The command after `{feature_dir}` substitution. */
  command: string;
  /** The check's limit in seconds. */
  timeoutSeconds: number;
  capture: Capture;
  /** JUnit XML files of EV-CAP-2; read only for a failing check. */
  reports?: readonly ReportFile[];
}

/** An attempt's verification: every check in run order. */
export interface AttemptVerification {
  attempt: number;
  /** Absolute repository root. */
  root: string;
  checks: readonly CheckRun[];
}

/** A line of the EV-REC-3 fallback: evidence, never a finding. */
export interface FallbackLine {
  /** 1-based line number in the capture. */
  line: number;
  text: string;
  /** True for a line with an error word; false for its context. */
  isMatch: boolean;
}

/** A problem reading a check's evidence (a JUnit file that is not XML); shown, never thrown. */
export interface EvidenceDiagnostic {
  check: string;
  file?: string;
  line?: number;
  message: string;
}

/** A check's result in `attempt_outcome.checks` (EV-SIG-5). */
export type CheckResult = "pass" | "fail" | "timeout";

/** One check's evidence. */
export interface CheckEvidence {
  name: string;
  command: string;
  result: CheckResult;
  exitCode: number | null;
  signal: string | null;
  timeoutSeconds: number;
  /** Findings in output order, merged (EV-FIND-2); the timeout finding first. Empty for a pass. */
  findings: Finding[];
  /** EV-REC-3 lines when the check failed with no recognized finding, else empty. */
  fallback: FallbackLine[];
  /** The EV-SIG-5 count: a `FINDINGS: <n>` line, 0 for a pass, the finding count, or null. */
  count: number | null;
  diagnostics: EvidenceDiagnostic[];
  /** The capture's lines, for the note's excerpt. */
  lines: readonly string[];
}

/** `failure_class` of EV-SIG-4. */
export type EvidenceFailureClass =
  "tests" | "lint" | "security" | "coverage" | "other";

/** An entry of `attempt_outcome.checks` (EV-SIG-5). */
export interface CheckOutcome {
  name: string;
  result: CheckResult;
  exit_code: number | null;
  findings: number | null;
}

/** An attempt's evidence: what the note, the signature, the counts and the FAIL line are made of. */
export interface AttemptEvidence {
  attempt: number;
  checks: CheckEvidence[];
  /** True when a check failed or timed out. */
  isFailed: boolean;
  /** Every failing check's findings, in check order. */
  findings: Finding[];
  /** `fs1:` + 16 hex digits, or null (EV-SIG-2). */
  signature: string | null;
  failureClass: EvidenceFailureClass;
  /** At most 500 bytes (EV-SIG-4). */
  failureExcerpt: string;
  /** `attempt_outcome.checks` (EV-SIG-5). */
  outcomes: CheckOutcome[];
  /** The sum of the counts, or null when one is null (EV-SIG-5). */
  findingsTotal: number | null;
}
