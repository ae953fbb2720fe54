import type { StatusSnapshot } from "../../git/parse-status.js";
import { readStatus } from "../../git/read-status.js";
import type { Repo } from "../../git/repo.js";
import type { AttemptSnapshot } from "./snapshot.js";

/** What the agent did to HEAD (driver D-GIT-5). */
export type FoldResult =
  /** HEAD and the branch are as the snapshot left them. */
  | { kind: "none" }
  /** The agent committed on the branch; its commits were undone with a mixed reset, keeping their changes. */
  | { kind: "folded"; agentCommits: string[] }
  /** The agent switched branches (a P9 violation); HEAD points at the original branch again. */
  | { kind: "branch-changed"; from: string | null; to: string | null };

/** The tree after the agent exited and any commits were folded. */
export interface AfterAgent {
  /** Status with HEAD back at `head_before` on the original branch. */
  status: StatusSnapshot;
  fold: FoldResult;
}

// One status call; only if the agent moved HEAD or the branch does it spend more git calls to undo that.
export async function inspectAfterAgent(
  repo: Repo,
  snapshot: Pick<AttemptSnapshot, "headBefore" | "branch">,
): Promise<AfterAgent> {
  const status = await readStatus(repo);
  const fold = await foldAgentCommits(repo, snapshot, status);
  return {
    status: fold.kind === "none" ? status : await readStatus(repo),
    fold,
  };
}

// Folds agent commits (`reset -q <head_before>`) or points HEAD back at the original branch, given a fresh status.
export async function foldAgentCommits(
  repo: Repo,
  snapshot: Pick<AttemptSnapshot, "headBefore" | "branch">,
  status: Pick<StatusSnapshot, "head" | "branch">,
): Promise<FoldResult> {
  const { headBefore, branch } = snapshot;
  if (status.branch !== branch) {
    await repo.git.pointHead(repo.top, { branch, sha: headBefore });
    // The index still holds the other branch; line it up with `head_before` (a restore follows anyway).
    await repo.git.resetMixed(repo.top, headBefore);
    return { kind: "branch-changed", from: branch, to: status.branch };
  }
  if (status.head === headBefore) return { kind: "none" };
  const agentCommits =
    status.head === null
      ? []
      : await repo.git.commitsBetween(repo.top, headBefore, status.head);
  await repo.git.resetMixed(repo.top, headBefore);
  return { kind: "folded", agentCommits };
}
