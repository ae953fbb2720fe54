import { SpecfuseError } from "../errors/specfuse-error.js";
import { gitOutput, isGitError } from "./git-error.js";
import type { StatusSnapshot } from "./parse-status.js";
import type { Repo } from "./repo.js";

/** What the feature-branch step did (driver D-GIT-3). */
export type BranchAction = "none" | "checked-out" | "created";

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
): Promise<BranchAction> {
  const { branch, featureDir, status } = input;
  if (branch === null || branch === undefined || branch === "") return "none";
  if (status.branch === branch) return "none";
  const { git, top } = repo;
  const exists = await git.branchExists(top, branch);
  if (exists) {
    if (!(await git.isAncestor(top, `refs/heads/${branch}`, "HEAD"))) {
      throw new SpecfuseError({
        code: "branch_diverged",
        message: `branch ${branch} has commits that are not in HEAD`,
        detail: `PLAN.md names branch ${branch}; it exists but is not an ancestor of the current HEAD${status.branch === null ? "" : ` (${status.branch})`}`,
        hint: `check out ${branch} yourself (\`git checkout ${branch}\`) and run again, or merge HEAD into it first`,
      });
    }
    await checkout(() => git.checkout(top, branch), branch);
    return "checked-out";
  }
  const allowed = new Set([".specfuse/roadmap.md", `${featureDir}/PLAN.md`]);
  const dirty = status.changes
    .flatMap((c) => (c.origPath === null ? [c.path] : [c.path, c.origPath]))
    .filter((p) => !allowed.has(p));
  if (dirty.length > 0) {
    throw new SpecfuseError({
      code: "branch_dirty",
      message: `cannot create branch ${branch}: the work tree has uncommitted changes`,
      detail: dirty.map((p) => `  ${p}`).join("\n"),
      hint: "commit or stash them first, then run again",
    });
  }
  await checkout(() => git.checkoutNewBranch(top, branch), branch);
  return "created";
}

async function checkout(
  step: () => Promise<void>,
  branch: string,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (!isGitError(error)) throw error;
    throw new SpecfuseError({
      code: "branch_checkout_failed",
      message: `git could not check out branch ${branch}`,
      detail: gitOutput(error),
      hint: `resolve what git reports, check out ${branch} yourself, then run again`,
      cause: error,
    });
  }
}
