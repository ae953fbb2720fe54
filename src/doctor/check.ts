/** The verdict of one doctor check (cli.md C-DOCTOR-1). */
export type CheckStatus = "ok" | "warn" | "fail" | "skip";

/** The check ids, in report order (cli.md C-DOCTOR-1). */
export const CHECK_IDS = [
  "node",
  "git",
  "agent",
  "scaffold-version",
  "scaffold-modified",
  "wiring",
  "verification",
  "config",
  "hooks",
  "lock",
  "legacy",
] as const;

/** One check id. */
export type CheckId = (typeof CHECK_IDS)[number];

/** The checks that need a workspace; without one they fail with `no_specfuse_dir`. */
export const WORKSPACE_CHECKS: readonly CheckId[] = CHECK_IDS.slice(3);

/** One row of the doctor report and of `specfuse.doctor/1`. */
export interface Check {
  id: CheckId;
  status: CheckStatus;
  /** One line. */
  summary: string;
  /** More lines (paths, versions), or null. */
  detail: string | null;
  /** How to fix it, or null when there is nothing to do. */
  hint: string | null;
  /** A stable error code when the check failed for a coded reason (`no_specfuse_dir`, `config_invalid`, …), else null. */
  code: string | null;
}

// Builds a check; detail, hint and code default to null.
export function check(
  id: CheckId,
  status: CheckStatus,
  summary: string,
  more: {
    detail?: string | null;
    hint?: string | null;
    code?: string | null;
  } = {},
): Check {
  return {
    id,
    status,
    summary,
    detail: more.detail ?? null,
    hint: more.hint ?? null,
    code: more.code ?? null,
  };
}
