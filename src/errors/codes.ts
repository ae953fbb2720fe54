// Every stable error code and the exit code it maps to (cli.md §8, §9; driver.md D-EXIT-1).
export const ERROR_CODES = {
  // 1: halted, a human must act
  halted_escalation: 1,
  halted_blocked: 1,
  halted_budget: 1,
  halted_invariant: 1,
  halted_bookkeeping: 1,
  no_active_feature: 1,
  not_git_repo: 1,
  no_commits: 1,
  feature_dir_untracked: 1,
  feature_dir_modified: 1,
  tree_dirty: 1,
  oracle_uncommitted: 1,
  branch_diverged: 1,
  branch_dirty: 1,
  branch_checkout_failed: 1,
  agent_not_found: 1,
  recovery_refused: 1,
  other_feature_interrupted: 1,
  scaffold_exists: 1,
  scaffold_downgrade: 1,
  wiring_path_conflict: 1,
  lint_failed: 1,
  lint_errors: 1,
  arm_precondition: 1,
  nothing_to_arm: 1,
  wu_not_blocked: 1,
  doctor_failed: 1,
  // 1: GitHub and feature scaffolding (github.md §8; issue 16 `new`, `abandon`)
  gh_not_found: 1,
  gh_auth_required: 1,
  gh_failed: 1,
  issue_already_adopted: 1,
  issue_closed: 1,
  feature_exists: 1,
  no_remote: 1,
  push_rejected: 1,
  pr_failed: 1,
  abandon_refused: 1,
  log_verify_failed: 1,
  // 2: gate drafted, not armed; lint usage errors
  drafts_not_armed: 2,
  lint_usage: 2,
  // 3: lock
  lock_held: 3,
  lock_compromised: 3,
  // 64: usage
  usage: 64,
  feature_ambiguous: 64,
  feature_not_found: 64,
  force_close_mismatch: 64,
  agent_unavailable: 64,
  target_not_directory: 64,
  wu_not_found: 64,
  wu_ambiguous: 64,
  issue_ref_invalid: 64,
  title_invalid: 64,
  // 65: invalid data
  no_specfuse_dir: 65,
  yaml_error: 65,
  plan_missing: 65,
  graph_missing: 65,
  graph_invalid: 65,
  wu_file_missing: 65,
  frontmatter_invalid: 65,
  dependency_invalid: 65,
  verification_set_missing: 65,
  verification_invalid: 65,
  config_invalid: 65,
  gate_status_invalid: 65,
  run_state_unsupported: 65,
  scaffold_version_invalid: 65,
  scaffold_manifest_invalid: 65,
  settings_invalid: 65,
  issue_title_invalid: 65,
  // 70: bug
  internal_error: 70,
  // 130: signal
  interrupted: 130,
} as const;

// A stable, public error code.
export type ErrorCode = keyof typeof ERROR_CODES;

// The exit code for a stable error code.
export function exitCodeFor(code: ErrorCode): number {
  return ERROR_CODES[code];
}

// Whether a string is one of the stable codes (used when reading codes back from JSON).
export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}
