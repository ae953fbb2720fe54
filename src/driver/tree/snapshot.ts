import { hashPaths, type PathHash } from "../../workspace/file-hashes.js";
import { readPaths } from "../../workspace/read-paths.js";
import type { StatusSnapshot } from "../../git/parse-status.js";
import { readStatus } from "../../git/read-status.js";
import type { Repo } from "../../git/repo.js";

/** What the driver protects and keeps for one attempt; all paths relative to the specfuse root. */
export interface SnapshotRequest {
  /** The protected set of driver D-PROT-1, computed at attempt start (files or folders). */
  protectedPaths: readonly string[];
  /** The allowed dirty set of D-GIT-2: the feature's `PLAN.md` and `events.jsonl`, and `.specfuse/roadmap.md`. */
  allowedPaths: readonly string[];
}

/** The state an attempt starts from (driver D-GIT-4); paths relative to the specfuse root. */
export interface AttemptSnapshot {
  headBefore: string;
  /** The checked-out branch, null when detached. */
  branch: string | null;
  /** U0: the non-ignored untracked files (the checkpoint's `untracked_before`, formats.md F-RUN-2). */
  untrackedBefore: string[];
  /** Content hash of each U0 file, so the squash can leave unchanged ones out (D-GIT-6). */
  untrackedHashes: Map<string, PathHash>;
  /** Existence and content hash of each protected path (D-PROT-2). */
  protectedHashes: Map<string, PathHash>;
  /** Bytes a restore puts back: the dirty allowed files and every protected file; null = did not exist. */
  saved: Map<string, Uint8Array | null>;
  /** The status the snapshot was taken from. */
  status: StatusSnapshot;
}

// Takes the attempt snapshot from one git status plus file reads (D-GIT-4); HEAD must exist.
export async function takeSnapshot(
  repo: Repo,
  request: SnapshotRequest,
): Promise<AttemptSnapshot> {
  const status = await readStatus(repo);
  if (status.head === null)
    throw new Error("takeSnapshot needs a commit at HEAD (openRepo checks it)");
  const dirty = new Set([
    ...status.changes.flatMap((c) => [c.path]),
    ...status.untracked,
  ]);
  const keep = [
    ...request.allowedPaths.filter((p) => dirty.has(p)),
    ...request.protectedPaths,
  ];
  const [untrackedHashes, protectedHashes, saved] = await Promise.all([
    hashPaths(repo.root, status.untracked),
    hashPaths(repo.root, request.protectedPaths),
    readPaths(repo.root, keep),
  ]);
  return {
    headBefore: status.head,
    branch: status.branch,
    untrackedBefore: [...status.untracked],
    untrackedHashes,
    protectedHashes,
    saved,
    status,
  };
}
