import { hashPaths } from "../../workspace/file-hashes.js";
import { DRIVER_SCRATCH_GLOBS, isDriverOwnedPath } from "./driver-owned.js";
import { isGitError } from "../../git/git-error.js";
import { redactLeakScan } from "../commit/leak-scan.js";
import { toRoot, toTop, type Repo } from "../../git/repo.js";
import type { AttemptSnapshot } from "./snapshot.js";

/** The squash staged in the index but not committed: the guards judge it first (driver D-PASS, audit.md AU-TR-1). */
export interface StagedSquash {
  /** The staged paths, root-relative, sorted as git lists them. */
  paths: string[];
}

/** The outcome of a squash commit (driver D-GIT-6); `sha` is null unless a commit was made. */
export type SquashResult =
  | { kind: "committed"; sha: string; paths: string[] }
  | { kind: "empty"; sha: null; paths: [] }
  | {
      kind: "rejected";
      sha: null;
      paths: [];
      exitCode: number | null;
      stdout: string;
      stderr: string;
      /** Exit code, stderr and stdout for the attempt note, leak-scan tokens redacted. */
      summary: string;
    };

// Stages everything but the driver's own files and unchanged U0 files (D-GIT-6 step 1); commits nothing.
export async function stageSquash(
  repo: Repo,
  snapshot: Pick<AttemptSnapshot, "untrackedBefore" | "untrackedHashes">,
): Promise<StagedSquash> {
  const { git, top } = repo;
  const unchanged = await unchangedUntracked(repo, snapshot);
  // Lock artifacts are not excluded by pathspec: git exits 1 when an exclude names an ignored path,
  // and the scaffold ignores them; when they are not ignored, the stray check below unstages them.
  await git.addAll(top, {
    paths: unchanged.map((p) => toTop(repo, p)),
    globs: DRIVER_SCRATCH_GLOBS.map((g) => toTop(repo, g)),
  });
  const staged = (await git.stagedPaths(top)).map((p) => toRoot(repo, p));
  // Whatever the agent staged itself is still in the index; excluded paths must not ride along.
  const unchangedSet = new Set(unchanged);
  const strays = staged.filter(
    (p) => isDriverOwnedPath(p) || unchangedSet.has(p),
  );
  if (strays.length > 0) {
    await git.run(top, [
      "reset",
      "-q",
      "--",
      ...strays.map((p) => toTop(repo, p)),
    ]);
  }
  const strayed = new Set(strays);
  return { paths: staged.filter((p) => !strayed.has(p)) };
}

// Commits the staged squash with the given message (D-GIT-6 steps 2–4); hooks run; nothing staged makes no commit.
export async function commitSquash(
  repo: Repo,
  staged: StagedSquash,
  message: string,
): Promise<SquashResult> {
  if (staged.paths.length === 0) return { kind: "empty", sha: null, paths: [] };
  const { git, top } = repo;
  try {
    await git.commit(top, message);
  } catch (error) {
    if (!isGitError(error) || error.exitCode === null) throw error;
    return {
      kind: "rejected",
      sha: null,
      paths: [],
      exitCode: error.exitCode,
      stdout: error.stdout,
      stderr: error.stderr,
      summary: squashRejectionSummary(error),
    };
  }
  const head = await git.headCommit(top);
  return {
    kind: "committed",
    sha: head.sha,
    paths: head.paths.map((p) => toRoot(repo, p)),
  };
}

// U0 files still present with the content they had at the snapshot.
async function unchangedUntracked(
  repo: Repo,
  snapshot: Pick<AttemptSnapshot, "untrackedBefore" | "untrackedHashes">,
): Promise<string[]> {
  const now = await hashPaths(repo.root, snapshot.untrackedBefore);
  return snapshot.untrackedBefore.filter((p) => {
    const h = now.get(p) ?? null;
    return h !== null && h === (snapshot.untrackedHashes.get(p) ?? null);
  });
}

// The rejection summary of D-GIT-6 step 3, redacted per step 4.
export function squashRejectionSummary(fields: {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}): string {
  const lines = [`git commit exited with ${fields.exitCode ?? "no exit code"}`];
  if (fields.stderr.trim() !== "")
    lines.push("stderr:", fields.stderr.trimEnd());
  if (fields.stdout.trim() !== "")
    lines.push("stdout:", fields.stdout.trimEnd());
  return redactLeakScan(lines.join("\n"));
}
