import { readConfig } from "../config/read-config.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { createGit } from "../git/git.js";
import type { Git } from "../git/git-api.js";
import { createGh } from "../github/gh.js";
import { openOrUpdatePr, type PrOutcome } from "../github/open-pr.js";
import { findCodeRepo, noRemote } from "../github/resolve-repo.js";
import { chooseDefaultFeature } from "../operator/choose-feature.js";
import { problemError } from "../operator/feature-problems.js";
import { findFeature, requirePlan } from "../operator/find-feature.js";
import { loadFeature } from "../operator/load-feature.js";
import { withLock } from "../operator/locked.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { requireRoot } from "../workspace/find-root.js";
import {
  listFeatures,
  type FeatureSummary,
} from "../workspace/list-features.js";

/** Options of `specfuse pr` (github.md §5). */
export interface PrOptions {
  /** @default the feature whose branch is checked out, else the single active one */
  feature?: string;
  /** The repository of the pull request. @default the push remote's */
  repo?: string;
  /** Print the action and the body; push and write nothing, take no lock. @default false */
  dryRun?: boolean;
  json?: boolean;
}

// `specfuse pr`: push the feature branch, then open or update its one pull request (GH-PR-1..4).
export async function pr(
  options: PrOptions,
  ctx: Context,
): Promise<CommandResult> {
  const root = requireRoot(ctx.cwd);
  const remote = (await readConfig(root)).config.github.remote;
  const git = createGit({ env: ctx.env });
  const summary = await prFeature(root, ctx.cwd, git, options.feature);
  const code = await findCodeRepo(git, root, remote, options.repo);
  if (code === null) throw noRemote(remote, "open the pull request in");
  const gh = createGh({
    env: ctx.env,
    cwd: root,
    timings: ctx.timings,
    signal: ctx.signal,
    onCall: (args) => ctx.log.debug(`gh ${args.join(" ")}`),
  });
  gh.requireInstalled();
  const isDryRun = options.dryRun === true;
  const act = async () => {
    const loaded = await loadFeature(summary);
    if (loaded.model === null) {
      const problem = loaded.problems[0];
      throw problem !== undefined
        ? problemError(problem)
        : new SpecfuseError({
            code: "graph_missing",
            message: `${summary.dir}/PLAN.md has no task graph`,
            file: `${summary.dir}/PLAN.md`,
          });
    }
    return openOrUpdatePr(
      {
        root,
        model: loaded.model,
        repo: code.repo,
        remote,
        version: ctx.version,
        isDryRun,
        signal: ctx.signal,
      },
      { gh, git },
    );
  };
  const outcome = isDryRun
    ? await act()
    : await withLock(
        { root, feature: summary.featureId, command: "pr" },
        ctx,
        act,
      );
  ctx.narration.result(render(outcome, isDryRun));
  return {
    schema: "specfuse.pr/1",
    body: {
      feature: summary.featureId,
      dir: summary.dir,
      pull_request: {
        number: outcome.number,
        url: outcome.url,
        action: outcome.action,
        draft: outcome.draft,
      },
      base: outcome.base,
      title: outcome.title,
      dry_run: isDryRun,
      ...(isDryRun ? { body: outcome.body } : {}),
    },
  };
}

// `--feature`; else the feature whose branch is checked out; else the single active one.
async function prFeature(
  root: string,
  cwd: string,
  git: Git,
  ref: string | undefined,
): Promise<FeatureSummary> {
  const all = await listFeatures(root);
  if (ref !== undefined) {
    const found = await findFeature(root, cwd, all, ref);
    requirePlan(found);
    return found;
  }
  const branch = await git.currentBranch(root).catch(() => null);
  const onBranch = all.filter((f) => branch !== null && f.branch === branch);
  if (onBranch.length === 1 && onBranch[0] !== undefined) return onBranch[0];
  return chooseDefaultFeature(all, "pr");
}

function render(o: PrOutcome, isDryRun: boolean): string {
  if (isDryRun) {
    const what =
      o.action === "created"
        ? `would create a ${o.draft ? "draft " : ""}pull request into ${o.base}`
        : o.action === "updated"
          ? `would update pull request #${o.number ?? "?"}`
          : `pull request #${o.number ?? "?"} is up to date`;
    return [
      "specfuse pr (dry run): nothing was pushed or written",
      `${what}: ${o.title}`,
      "",
      o.body.trimEnd(),
    ].join("\n");
  }
  const verb = o.action === "unchanged" ? "up to date" : o.action;
  return `pull request #${o.number ?? "?"} ${verb}${o.draft ? " (draft)" : ""}: ${o.url ?? ""}`;
}
