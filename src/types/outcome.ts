// Every attempt outcome of formats.md F-EV-4, in the driver's vocabulary.
export const OUTCOMES = [
  "passed",
  "failed",
  "blocked",
  "zero_token",
  "files_changed_mismatch",
  "timeout",
  "protected_path_modified",
  "squash_commit_failed",
  "closing_deliverable_missing",
  "deliverable_missing",
  "no_deliverable_files",
  "smoke_import_failed",
  "interrupted",
] as const;

/** One attempt outcome. */
export type Outcome = (typeof OUTCOMES)[number];

/** The RESULT block verdict of formats.md F-RES-3. */
export type AgentStatus = "complete" | "blocked" | "missing" | "malformed";

/** Token and cost usage of one attempt, as far as it was captured (driver D-COST-1). */
export interface Usage {
  cost_usd?: number;
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
}

/** An `attempts_usage` record (driver D-COST-1). */
export interface AttemptRecord extends Usage {
  attempt: number;
  /** Seconds, 3 decimals. */
  duration_seconds: number;
}

/** A failed attempt's classification (driver D-SPIN-1). */
export interface FailureSignature {
  failure_class: string;
  failure_signature: string;
}

// The failure classes of driver D-SPIN-1.
export const FAILURE_CLASSES = [
  "tests",
  "lint",
  "security",
  "coverage",
  "other",
] as const;
/** A failure class (driver D-SPIN-1). */
export type FailureClass = (typeof FAILURE_CLASSES)[number];

/** Which agent limit fired (driver D-DISP-3, formats.md F-EV-4 `timeout_kind`). */
export type TimeoutKind = "wall_clock" | "inactivity";

/** Why an attempt was interrupted (formats.md F-EV-4 `interrupt_reason` sources). */
export type InterruptCause =
  | { kind: "signal"; signal: string }
  | { kind: "lock_compromised" }
  | { kind: "driver_crash" };

/** What happens to the working tree after an outcome (driver D-OUT-1 "Tree" column). */
export type TreeAction = "keep" | "restore" | "untouched";

/** A numeric frontmatter write; `isFloat` keeps a fractional part on disk (formats.md F-WRITE-4). */
export interface NumberWrite {
  key: string;
  value: number;
  isFloat: boolean;
}

/** One events.jsonl line as read back (formats.md F-EV-2); malformed lines never get here. */
export interface LoggedEvent {
  timestamp: string;
  correlation_id: string;
  event_type: string;
  payload: Record<string, unknown>;
}
