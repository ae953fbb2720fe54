import { hashBytes, hashPaths } from "../../workspace/file-hashes.js";
import { removeFiles, writePaths } from "../../workspace/read-paths.js";
import { isWorkPath } from "../../workspace/work-paths.js";
import { isDriverOwnedPath } from "./driver-owned.js";
import { readStatus } from "../../git/read-status.js";
import { toRoot, toTop, type Repo } from "../../git/repo.js";
import type { AttemptSnapshot } from "./snapshot.js";

/** What a restore needs; a crash recovery has only the checkpoint's `head_before`, `branch` and `untracked_before`. */
export interface RestoreRequest {
  snapshot: Pick<AttemptSnapshot, "headBefore" | "branch" | "untrackedBefore"> &
    Partial<Pick<AttemptSnapshot, "saved">>;
  /** Files the driver rewrites from its own copy (events.jsonl; run-state.json), written as given; null deletes. */
  driverFiles?: ReadonlyMap<string, Uint8Array | null>;
}

/** What a restore changed, root-relative. */
export interface RestoreReport {
  /** Untracked files the attempt created, now deleted. */
  deletedFiles: string[];
  /** Folders left empty by those deletions, now deleted. */
  deletedDirs: string[];
  /** Driver files and snapshotted files written back (or deleted because they did not exist before). */
  restoredFiles: string[];
}

// Puts the tree back to the snapshot (driver D-GIT-9 steps 1–5); the caller then re-applies its driver-owned keys (step 6).
export async function restoreAttempt(
  repo: Repo,
  request: RestoreRequest,
): Promise<RestoreReport> {
  const { headBefore, branch, untrackedBefore } = request.snapshot;
  const { git, top } = repo;
  // 1. The original branch, without touching files; a mixed reset first keeps
  //    files a dropped squash had added (U0 files among them) out of `reset --hard`'s reach.
  const now = await readStatus(repo);
  if (now.branch !== branch)
    await git.pointHead(top, { branch, sha: headBefore });
  if (now.branch !== branch || now.head !== headBefore)
    await git.resetMixed(top, headBefore);
  // 2.
  await git.resetHard(top, headBefore);
  // 3. Untracked files that were not there before; ignored files never show up here.
  const before = new Set(untrackedBefore);
  const after = await readStatus(repo);
  const created = after.untracked.filter(
    (p) => !before.has(p) && !isDriverOwnedPath(p),
  );
  const removed = await removeFiles(
    top,
    created.map((p) => toTop(repo, p)),
  );
  // 4. and 5.
  const driverFiles = request.driverFiles ?? new Map();
  // The checkpoint under work/ changed since the snapshot by design: only the driver's copy may replace it.
  const saved = new Map(
    [...(request.snapshot.saved ?? [])].filter(
      ([p]) => !driverFiles.has(p) && !isWorkPath(p),
    ),
  );
  const stale = await differing(repo.root, saved);
  await writePaths(repo.root, driverFiles);
  await writePaths(repo.root, stale);
  return {
    deletedFiles: created,
    deletedDirs: removed.dirs.map((d) => toRoot(repo, d)),
    restoredFiles: [...driverFiles.keys(), ...stale.keys()],
  };
}

// The saved entries whose file on disk no longer matches (absent ones that now exist included).
async function differing(
  root: string,
  saved: ReadonlyMap<string, Uint8Array | null>,
): Promise<Map<string, Uint8Array | null>> {
  const current = await hashPaths(root, [...saved.keys()]);
  const out = new Map<string, Uint8Array | null>();
  for (const [p, bytes] of saved) {
    const want = bytes === null ? null : hashBytes(bytes);
    if ((current.get(p) ?? null) !== want) out.set(p, bytes);
  }
  return out;
}
