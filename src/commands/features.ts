import { readConfig } from "../config/read-config.js";
import { createGit } from "../git/git.js";
import { createGh } from "../github/gh.js";
import { listFeatureIssues } from "../github/gh-api.js";
import {
  matchIssues,
  renderFeatures,
  type ListedIssue,
  type LocalFeature,
} from "../github/features-listing.js";
import { repoArg } from "../github/repo-ref.js";
import { findCodeRepo, noRemote } from "../github/resolve-repo.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { requireRoot } from "../workspace/find-root.js";
import { listFeatures } from "../workspace/list-features.js";

/** Options of `specfuse features` (github.md §3). */
export interface FeaturesOptions {
  /** Also list the open issues labelled specfuse:feature. @default false */
  github?: boolean;
  /** Repository of the issues. @default the push remote's */
  repo?: string;
  json?: boolean;
}

// `specfuse features [--github]`: read-only, no lock; without --github no gh call (GH-FEAT-1).
export async function features(
  options: FeaturesOptions,
  ctx: Context,
): Promise<CommandResult> {
  const root = requireRoot(ctx.cwd);
  const local: LocalFeature[] = (await listFeatures(root)).map((f) => {
    const url = f.fm?.state === "ok" ? f.fm.data.source_issue_url : undefined;
    return {
      dir: f.dir,
      name: f.name,
      feature_id: f.featureId,
      status: f.status,
      source_issue_url: typeof url === "string" && url !== "" ? url : null,
    };
  });
  let issues: ListedIssue[] | null = null;
  let repoName: string | null = null;
  if (options.github === true) {
    const remote = (await readConfig(root)).config.github.remote;
    const code = await findCodeRepo(
      createGit({ env: ctx.env }),
      root,
      remote,
      options.repo,
    );
    if (code === null) throw noRemote(remote, "list issues of");
    const gh = createGh({
      env: ctx.env,
      cwd: root,
      timings: ctx.timings,
      signal: ctx.signal,
      onCall: (args) => ctx.log.debug(`gh ${args.join(" ")}`),
    });
    repoName = repoArg(code.repo);
    issues = matchIssues(await listFeatureIssues(gh, code.repo), local);
  }
  ctx.narration.raw(renderFeatures(local, issues, repoName));
  return {
    schema: "specfuse.features/1",
    body: {
      features: local.map(({ name: _name, ...f }) => f),
      issues: issues ?? [],
      repo: repoName,
    },
  };
}
