import { readConfig } from "../config/read-config.js";
import type { NewEvent } from "../events/event-types.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import {
  createdFiles,
  planFeature,
  readWorkspace,
  requireClean,
  writeFeature,
  type CreatePlan,
} from "../feature/create-feature.js";
import { nextFeatureId } from "../feature/mint-id.js";
import { nextStepsFor, renderCreated } from "../feature/render-created.js";
import {
  adoptedFrom,
  idsInUse,
  requireFree,
  type Workspace,
} from "../feature/workspace-ids.js";
import { createGit } from "../git/git.js";
import { authorIdent } from "../git/remote-url.js";
import { adoptDraft, titleParts } from "../github/adopt-plan.js";
import { createGh } from "../github/gh.js";
import { defaultBranch, viewIssue } from "../github/gh-api.js";
import type { GhIssue } from "../github/gh-json.js";
import { resolveIssueTarget } from "../github/issue-target.js";
import { issueUrl } from "../github/issue-ref.js";
import { withLock } from "../operator/locked.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { requireRoot } from "../workspace/find-root.js";

/** Options of `specfuse adopt` (github.md §2). */
export interface AdoptOptions {
  /** An issue URL, or an issue number of the code repository. */
  issue: string;
  /** The repository of a bare number: `owner/name` or `host/owner/name`. @default the push remote's */
  repo?: string;
  /** Print what would be written; take no lock and write nothing. @default false */
  dryRun?: boolean;
  json?: boolean;
}

const SCHEMA = "specfuse.adopt/1";

/** What GitHub said, gathered before the lock. */
interface Gathered {
  issue: GhIssue;
  url: string;
  base: string;
}

// `specfuse adopt`: an issue becomes a lint-clean feature folder; never commits, never writes to GitHub (GH-ADOPT-1..7).
export async function adopt(
  options: AdoptOptions,
  ctx: Context,
): Promise<CommandResult> {
  const root = requireRoot(ctx.cwd);
  const config = (await readConfig(root)).config;
  const git = createGit({ env: ctx.env });
  const target = await resolveIssueTarget({
    git,
    root,
    env: ctx.env,
    remote: config.github.remote,
    issue: options.issue,
    repoOption: options.repo,
  });
  const url = issueUrl(target.issueRepo, target.number);
  refuseAdopted(await readWorkspace(root), url);
  const gh = createGh({
    env: ctx.env,
    cwd: root,
    timings: ctx.timings,
    signal: ctx.signal,
    onCall: (args) => ctx.log.debug(`gh ${args.join(" ")}`),
  });
  const issue = await viewIssue(gh, target.issueRepo, target.number);
  if (issue.state.toUpperCase() !== "OPEN")
    throw new SpecfuseError({
      code: "issue_closed",
      message: `issue #${issue.number} is ${issue.state.toLowerCase()}: only open issues are adopted`,
      hint: "reopen the issue on GitHub if the work is still wanted, then adopt again",
    });
  titleParts(issue.title);
  const gathered: Gathered = {
    issue,
    url,
    base: await defaultBranch(gh, target.codeRepo),
  };
  const actor = (await authorIdent(git, root)) ?? "unknown";
  const isDryRun = options.dryRun === true;
  const act = async () => {
    const ws = await readWorkspace(root);
    const plan = planAdoption(ws, gathered, ctx.now().getUTCFullYear());
    if (!isDryRun)
      await writeFeature(root, plan, ctx, adoptedEvent(plan, gathered, actor));
    return plan;
  };
  const plan = isDryRun
    ? await act()
    : await withLock({ root, feature: url, command: "adopt" }, ctx, act);
  return report(ctx, plan, isDryRun);
}

function refuseAdopted(ws: Workspace, url: string): void {
  const found = adoptedFrom(ws, url);
  if (found === undefined) return;
  throw new SpecfuseError({
    code: "issue_already_adopted",
    message: `${url} is already adopted by ${found.dir}`,
    detail: "specfuse never overwrites a feature; nothing was written",
    hint: `work on it with \`specfuse status --feature ${found.name}\``,
  });
}

// Decides id, folder and files inside the lock, so two adoptions never mint the same id.
function planAdoption(ws: Workspace, g: Gathered, year: number): CreatePlan {
  refuseAdopted(ws, g.url);
  const parts = titleParts(g.issue.title);
  const featureId = parts.featureId ?? nextFeatureId(year, idsInUse(ws));
  const { draft, entry } = adoptDraft({
    issue: g.issue,
    url: g.url,
    featureId,
    title: parts.title,
    base: g.base,
  });
  requireFree(ws, featureId, draft.folder);
  return requireClean(planFeature(ws, draft, entry));
}

function adoptedEvent(
  plan: CreatePlan,
  g: Gathered,
  actor: string,
): NewEvent<"feature_adopted"> {
  return {
    correlation_id: plan.draft.featureId,
    event_type: "feature_adopted",
    payload: {
      source_issue_url: g.url,
      issue_number: g.issue.number,
      title: plan.draft.title,
      transitions: plan.rendered.transitions,
      actor,
      trigger: "adopt",
    },
  };
}

function report(
  ctx: Context,
  plan: CreatePlan,
  isDryRun: boolean,
): CommandResult {
  const files = createdFiles(plan, true);
  const unit = plan.rendered.files.find((f) => f.name.startsWith("WU-01-"));
  const nextSteps = nextStepsFor(
    plan.draft.dir,
    plan.draft.folder,
    `${plan.draft.dir}/${unit?.name ?? "PLAN.md"}`,
  );
  if (plan.roadmap.warning !== null)
    ctx.log.warn(plan.roadmap.warning, "roadmap_row_missing");
  const checklist = plan.lint.diagnostics;
  ctx.narration.raw(
    renderCreated({ command: "adopt", isDryRun, files, checklist, nextSteps }),
  );
  return {
    schema: SCHEMA,
    body: {
      feature_id: plan.draft.featureId,
      dir: plan.draft.dir,
      branch: plan.draft.branch,
      base: plan.draft.base,
      files,
      warnings: [
        ...(plan.roadmap.warning === null
          ? []
          : [
              {
                code: "roadmap_row_missing",
                message: plan.roadmap.warning,
                file: null,
                line: null,
              },
            ]),
        ...checklist.map((d) => ({
          code: d.rule,
          message: d.message,
          file: d.file,
          line: d.line,
        })),
      ],
      next_steps: nextSteps,
      dry_run: isDryRun,
    },
  };
}
