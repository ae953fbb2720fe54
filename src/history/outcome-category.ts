/** How the report and `show` group attempt outcomes for colour and wording. */
export type OutcomeCategory =
  | "passed"
  | "failed"
  | "timeout"
  | "blocked"
  | "guard"
  | "zero_token"
  | "interrupted"
  | "integration"
  | "other";

const CATEGORY: Readonly<Record<string, OutcomeCategory>> = {
  passed: "passed",
  failed: "failed",
  timeout: "timeout",
  blocked: "blocked",
  zero_token: "zero_token",
  zero_token_skip: "zero_token",
  interrupted: "interrupted",
  rate_limited: "interrupted",
  files_changed_mismatch: "guard",
  squash_commit_failed: "guard",
  smoke_import_failed: "guard",
  closing_deliverable_missing: "guard",
  deliverable_missing: "guard",
  no_deliverable_files: "guard",
  protected_path_modified: "guard",
  outside_worktree: "guard",
  integration_conflict: "integration",
  integration_failed: "integration",
};

// Every category in legend order, with the words a legend shows for it.
export const OUTCOME_CATEGORIES: ReadonlyArray<{
  category: OutcomeCategory;
  label: string;
}> = [
  { category: "passed", label: "passed" },
  { category: "failed", label: "failed verification" },
  { category: "timeout", label: "timed out" },
  { category: "blocked", label: "agent reported blocked" },
  { category: "guard", label: "refused by a guard" },
  { category: "zero_token", label: "no tokens used" },
  { category: "interrupted", label: "interrupted or rate limited" },
  { category: "integration", label: "integration conflict or failure" },
  { category: "other", label: "other outcome" },
];

// The category of an outcome word (formats.md F-EV-4, parallel.md P-OUT-1); unknown words are `other`; pure.
export function outcomeCategory(outcome: string | null): OutcomeCategory {
  if (outcome === null) return "other";
  return CATEGORY[outcome] ?? "other";
}

// Whether an attempt with this outcome left evidence worth reading (every outcome but a pass).
export function isFailedOutcome(outcome: string | null): boolean {
  return outcome !== "passed";
}
