import type { Repo } from "../../git/repo.js";

/** Work saved before a crash recovery resets the tree (driver D-REC-3 step 3). */
export interface RecoveredWork {
  /** `refs/specfuse/recovered/<key>-<UTC stamp>`. */
  ref: string;
  /** The commit the ref points at: a `git stash create` commit, or HEAD. */
  sha: string;
  /** Commits made after `head_before`, oldest first. */
  commits: string[];
  /** Whether uncommitted tracked changes were saved (in a stash-style commit on top of HEAD). */
  hasUncommitted: boolean;
}

// `20261122T020124Z`: a ref-safe UTC stamp.
export function utcStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "");
}

// Saves later commits and uncommitted tracked changes under one ref, or returns null when there is nothing to save.
export async function saveRecoveredWork(
  repo: Repo,
  input: { key: string; headBefore: string; now: Date },
): Promise<RecoveredWork | null> {
  const { git, top } = repo;
  const head = await git.revParseHead(top);
  const commits =
    head === input.headBefore
      ? []
      : await git.commitsBetween(top, input.headBefore, head);
  const stash = await git.stashCreate(top);
  if (stash === null && commits.length === 0) return null;
  const sha = stash ?? head;
  const base = `refs/specfuse/recovered/${input.key}-${utcStamp(input.now)}`;
  let ref = base;
  for (let n = 2; await git.refExists(top, ref); n++) ref = `${base}-${n}`;
  await git.createRef(top, ref, sha);
  return { ref, sha, commits, hasUncommitted: stash !== null };
}
