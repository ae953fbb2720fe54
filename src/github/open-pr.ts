import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Git } from "../git/git-api.js";
import { isGitError } from "../git/git-error.js";
import { throwIfInterrupted } from "../operator/interrupt.js";
import type { FeatureModel } from "../plan/feature-model.js";
import type { Gh } from "./gh.js";
import { stderrTail } from "./gh.js";
import {
  createPr,
  defaultBranch,
  editPr,
  listOpenPrs,
  markPrReady,
} from "./gh-api.js";
import {
  isFeatureFinished,
  mergePrBody,
  prTitle,
  renderPrBlock,
} from "./pr-body.js";
import type { RepoRef } from "./repo-ref.js";

/** What opening or updating a feature's pull request needs (GH-PR-1..4). */
export interface PrRequest {
  /** The git work tree root to push from. */
  root: string;
  model: FeatureModel;
  /** The code repository the pull request belongs to. */
  repo: RepoRef;
  /** The git remote to push to (config `github.remote`). */
  remote: string;
  version: string;
  /** Print-only: no push, no create or edit (read-only gh calls still run). */
  isDryRun: boolean;
  /** A stop request: checked before the push. */
  signal: AbortSignal;
}

/** The `pull_request` member of `specfuse.pr/1` and `specfuse.run/1` (GH-PR-4). */
export interface PrOutcome {
  /** Null only in a dry run that would create one. */
  number: number | null;
  url: string | null;
  action: "created" | "updated" | "unchanged";
  draft: boolean;
  base: string;
  title: string;
  body: string;
}

// Push (never forced), then create or update the one open pull request of the branch; the driver calls this at completion later.
export async function openOrUpdatePr(
  req: PrRequest,
  deps: { gh: Gh; git: Git },
): Promise<PrOutcome> {
  const branch = req.model.branch;
  if (branch === null)
    throw prFailed(
      `${req.model.dir}/PLAN.md has no branch`,
      "add `branch: feat/<folder>` to the PLAN",
    );
  if (!(await deps.git.branchExists(req.root, branch)))
    throw prFailed(
      `the branch ${branch} does not exist here`,
      "run `specfuse run` (which creates it) or create it, then try again",
    );
  if (!req.isDryRun) {
    throwIfInterrupted(req.signal, "nothing was pushed");
    await push(deps.git, req.root, req.remote, branch);
  }
  const planBase = req.model.plan.base;
  const base =
    typeof planBase === "string" && planBase !== ""
      ? planBase
      : await defaultBranch(deps.gh, req.repo);
  const block = renderPrBlock(req.model, req.repo, req.version);
  const title = prTitle(req.model);
  const isReady = isFeatureFinished(req.model);
  const open = await listOpenPrs(deps.gh, req.repo, branch);
  const pr = open[0];
  if (pr === undefined) {
    const body = mergePrBody("", block);
    if (req.isDryRun)
      return {
        number: null,
        url: null,
        action: "created",
        draft: !isReady,
        base,
        title,
        body,
      };
    const made = await createPr(deps.gh, req.repo, {
      base,
      head: branch,
      title,
      body,
      isDraft: !isReady,
    });
    return { ...made, action: "created", draft: !isReady, base, title, body };
  }
  const body = mergePrBody(pr.body, block);
  const isEdited =
    pr.title !== title || pr.body.replace(/\r\n/g, "\n") !== body;
  const isReadied = pr.isDraft && isReady;
  if (!req.isDryRun) {
    if (isEdited) await editPr(deps.gh, req.repo, pr.number, { title, body });
    if (isReadied) await markPrReady(deps.gh, req.repo, pr.number);
  }
  return {
    number: pr.number,
    url: pr.url,
    action: isEdited || isReadied ? "updated" : "unchanged",
    draft: pr.isDraft && !isReady,
    base,
    title,
    body,
  };
}

// `git push -u <remote> <branch>`, never forced; a rejection is push_rejected, quoting git without credentials (GH-PR-2 step 1).
async function push(
  git: Git,
  root: string,
  remote: string,
  branch: string,
): Promise<void> {
  if (!/^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(remote))
    throw prFailed(
      `the remote name ${JSON.stringify(remote)} is not usable`,
      "set github.remote in .specfuse/config.yml to a remote name such as origin",
    );
  try {
    await git.run(root, [
      "push",
      "-u",
      remote,
      `refs/heads/${branch}:refs/heads/${branch}`,
    ]);
  } catch (error) {
    if (!isGitError(error)) throw error;
    throw new SpecfuseError({
      code: "push_rejected",
      message: `git push to ${remote} was rejected for ${branch}`,
      detail: stderrTail(error.stderr) || undefined,
      hint: `the remote branch has commits this one lacks: integrate them (git pull --rebase ${remote} ${branch}), then run \`specfuse pr\` again; specfuse never force-pushes`,
      cause: error,
    });
  }
}

function prFailed(message: string, hint: string): SpecfuseError {
  return new SpecfuseError({ code: "pr_failed", message, hint });
}
