import { gitOutput, isGitError } from "../../git/git-error.js";
import type { StatusSnapshot } from "../../git/parse-status.js";
import type { Repo } from "../../git/repo.js";
import type { Halt } from "../end/ending.js";

/** What the feature-branch step did (driver D-GIT-3), or why it refused. */
export type BranchEnd =
  | { kind: "none" | "checked-out" | "created" }
  | { kind: "refused"; halt: Halt };

// Puts the work on the PLAN `branch` (D-GIT-3): nothing if absent or current; an existing branch must be an ancestor of HEAD.
export async function ensureFeatureBranch(
  repo: Repo,
  input: {
    /** PLAN `branch`, if any. */
    branch: string | null | undefined;
    /** `<F>`, root-relative. */
    featureDir: string;
    /** A root-relative status taken after the preflight. */
    status: StatusSnapshot;
  },
): Promise<BranchEnd> {
  const { branch, featureDir, status } = input;
  if (branch === null || branch === undefined || branch === "")
    return { kind: "none" };
  if (status.branch === branch) return { kind: "none" };
  const { git, top } = repo;
  if (await git.branchExists(top, branch)) {
    if (!(await git.isAncestor(top, `refs/heads/${branch}`, "HEAD")))
      return refused({
        code: "branch_diverged",
        message: `branch ${branch} has commits that are not in HEAD`,
        detail: `PLAN.md names branch ${branch}; it exists but is not an ancestor of the current HEAD${status.branch === null ? "" : ` (${status.branch})`}`,
        hint: `check out ${branch} yourself (\`git checkout ${branch}\`) and run again, or merge HEAD into it first`,
      });
    return checkout(() => git.checkout(top, branch), branch, "checked-out");
  }
  const allowed = new Set([".specfuse/roadmap.md", `${featureDir}/PLAN.md`]);
  const dirty = status.changes
    .flatMap((c) => (c.origPath === null ? [c.path] : [c.path, c.origPath]))
    .filter((p) => !allowed.has(p));
  if (dirty.length > 0)
    return refused({
      code: "branch_dirty",
      message: `cannot create branch ${branch}: the work tree has uncommitted changes`,
      detail: dirty.map((p) => `  ${p}`).join("\n"),
      hint: "commit or stash them first, then run again",
    });
  return checkout(() => git.checkoutNewBranch(top, branch), branch, "created");
}

function refused(halt: Halt): BranchEnd {
  return { kind: "refused", halt };
}

async function checkout(
  step: () => Promise<void>,
  branch: string,
  done: "checked-out" | "created",
): Promise<BranchEnd> {
  try {
    await step();
  } catch (error) {
    if (!isGitError(error)) throw error;
    return refused({
      code: "branch_checkout_failed",
      message: `git could not check out branch ${branch}`,
      detail: gitOutput(error),
      hint: `resolve what git reports, check out ${branch} yourself, then run again`,
      cause: error,
    });
  }
  return { kind: done };
}
