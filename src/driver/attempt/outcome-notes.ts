import { plainDecimal, roundTo } from "../../yaml/format-number.js";
import type { Outcome, TimeoutKind } from "../../types/outcome.js";

// The word each outcome shows on its attempt's final line (driver D-UI-3).
export const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = {
  passed: "PASS",
  failed: "FAIL",
  blocked: "BLOCKED",
  zero_token: "ZERO-TOKEN",
  files_changed_mismatch: "FILES-MISMATCH",
  timeout: "TIMEOUT",
  protected_path_modified: "PROTECTED",
  squash_commit_failed: "COMMIT-REJECTED",
  smoke_import_failed: "SMOKE-FAIL",
  closing_deliverable_missing: "CLOSING-MISSING",
  deliverable_missing: "DELIVERABLE-MISSING",
  no_deliverable_files: "NO-FILES",
  interrupted: "INTERRUPTED",
};

// A limit in words: `45 min (2700 s)`, or `30 s` below a minute.
export function describeLimit(seconds: number): string {
  if (seconds < 60) return `${plainDecimal(roundTo(seconds, 3))} s`;
  return `${plainDecimal(roundTo(seconds / 60, 2))} min (${plainDecimal(roundTo(seconds, 3))} s)`;
}

// Note after a zero-token attempt (D-OUT-1 "no agent output").
export function zeroTokenNote(): string {
  return [
    "No agent output: the previous attempt used zero input tokens, so no work was done.",
    "Start the task from the beginning. (For humans: if this repeats, check the agent's login, quota and model name.)",
  ].join("\n");
}

// Note after a timeout: which limit fired, and how to stay inside it (D-OUT-1).
export function timeoutNote(kind: TimeoutKind, limitSeconds: number): string {
  const first =
    kind === "wall_clock"
      ? `Timed out: the wall-clock limit of ${describeLimit(limitSeconds)} was reached before the attempt finished.`
      : `Timed out: nothing was printed for ${describeLimit(limitSeconds)}, the inactivity limit, so the attempt was stopped.`;
  return [
    first,
    "Every command must end on its own. Do not start watch modes (for example `vitest` without `run`, `tsc --watch`, `nodemon`), dev servers or other long-running processes, and do not run anything that reads from stdin.",
    "Use one-shot commands such as `npx vitest run` or `npm test`, and split slow work into smaller steps.",
  ].join("\n");
}

// Note after a protected-path violation: the paths, marked off-limits (D-OUT-1, D-PROT-3).
export function protectedNote(paths: readonly string[]): string {
  return [
    `Protected paths were modified and have been reverted: ${paths.join(", ")}`,
    "These paths are off-limits for this work unit:",
    ...paths.map((p) => `  - ${p} (off-limits)`),
    "Do not create, edit or delete them. If the task cannot be done without changing one, finish with `status: blocked` and explain why.",
  ].join("\n");
}

// Note after a files_changed mismatch: the listed paths that did not change (D-GUARD-1).
export function filesChangedNote(paths: readonly string[]): string {
  return [
    `files_changed lists paths that did not change: ${paths.join(", ")}`,
    "Every path in the RESULT block's `files_changed` must have been created, modified or deleted by this attempt (git-ignored files do not count). List exactly the files you changed:",
    ...paths.map((p) => `  - ${p} (unchanged)`),
  ].join("\n");
}

const GUARD_ADVICE: Readonly<Record<string, string>> = {
  squash_commit_failed:
    "The squash commit was rejected, usually by a commit hook. Fix what git reports above.",
  smoke_import_failed:
    "A smoke import from the task body failed after the commit. Make the named module importable.",
  closing_deliverable_missing:
    "Each line above is a closing deliverable the driver checks after the commit.",
  deliverable_missing:
    "Every path in the unit's `produces` must exist and be non-empty after the attempt.",
  no_deliverable_files:
    "An implementation unit must change at least one file besides its own WU file and events.jsonl.",
};

// Note after a pass-pipeline guard failed: its summary, then one line of advice (D-OUT-1).
export function guardNote(outcome: Outcome, summary: string): string {
  const advice = GUARD_ADVICE[outcome];
  return advice === undefined ? summary : `${summary}\n\n${advice}`;
}
