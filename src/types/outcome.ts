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
