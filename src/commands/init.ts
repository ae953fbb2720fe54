import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { createGitProbe } from "../git/git-probe.js";
import { applyInit } from "../scaffold/apply-ops.js";
import { detectStack } from "../scaffold/detect-stack.js";
import type { ScaffoldWarning } from "../scaffold/file-op.js";
import {
  IGNORE_SAMPLE_PATH,
  isStillIgnoredAfterMerge,
  type GitQuestions,
} from "../scaffold/git-questions.js";
import { hasGitignoreLine } from "../scaffold/merge-wiring.js";
import { planInit } from "../scaffold/plan-scaffold.js";
import { WIRING_DIRS, WIRING_PATHS } from "../scaffold/plan-wiring.js";
import {
  existsInAnyForm,
  findEnclosingScaffold,
  readAssets,
  readStackSnapshot,
  readTarget,
  realDirectory,
  requireTargetDirectory,
} from "../scaffold/read-target.js";
import { projectNameFor } from "../scaffold/render-roadmap.js";
import { renderInitReport } from "../scaffold/render-report.js";
import { scaffoldJsonBody } from "../scaffold/report-json.js";
import { ignoreWarning, targetWarnings } from "../scaffold/target-warnings.js";
import {
  validateWiring,
  WORKFLOW_DIRS,
  workflowPaths,
} from "../scaffold/validate-wiring.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { relativeForDisplay } from "../workspace/paths.js";

/** Options of `specfuse init` (cli.md §3.1). */
export interface InitOptions {
  /** Target directory, resolved against `-C`. @default "." */
  dir?: string;
  /** Print the plan; write nothing. @default false */
  dryRun?: boolean;
  /** Replace slash-command files that differ from the shipped ones. @default false */
  forceWire?: boolean;
  /** Add the example feature (init.md §8). @default false */
  example?: boolean;
  /** Also write the CI workflows of this provider (github.md GH-CI-1). */
  ci?: "github";
}

/** What `init` asks of the outside world besides the file system. */
export interface InitDeps {
  git: GitQuestions;
}

// `specfuse init [dir]`: gather → validate → plan → act → report (init.md §6).
export async function init(
  options: InitOptions,
  ctx: Context,
): Promise<CommandResult> {
  return initWith(options, ctx, { git: createGitProbe(ctx.env) });
}

// `init` with its git questions injected.
export async function initWith(
  options: InitOptions,
  ctx: Context,
  deps: InitDeps,
): Promise<CommandResult> {
  const target = path.resolve(ctx.cwd, options.dir ?? ".");
  const display = relativeForDisplay(ctx.invocationDir, target);
  await requireTargetDirectory(target, display);
  if (await existsInAnyForm(path.join(target, ".specfuse")))
    throw new SpecfuseError({
      code: "scaffold_exists",
      message: `${display === "." ? "" : `${display}/`}.specfuse already exists`,
      detail: "init never overwrites a workspace; nothing was written",
      hint: `specfuse upgrade${display === "." ? "" : ` ${display}`}`,
    });
  // gather
  const assets = await readAssets(ctx.packageRoot);
  const detection = detectStack(await readStackSnapshot(target));
  const commandPaths = [
    ...[...assets.commands.keys()].map((n) => `.claude/commands/${n}`),
    ...(options.ci === "github" ? workflowPaths(assets) : []),
  ];
  const current = await readTarget(
    target,
    [...Object.values(WIRING_PATHS), ...commandPaths],
    [...WIRING_DIRS, ...(options.ci === "github" ? WORKFLOW_DIRS : [])],
  );
  const realTarget = await realDirectory(target);
  const enclosing = await findEnclosingScaffold(realTarget);
  const git = await deps.git.state(target);
  // validate
  const settings = current.files.get(WIRING_PATHS.settings);
  validateWiring({
    kinds: current.kinds,
    commandPaths,
    dirs: [...WIRING_DIRS, ...(options.ci === "github" ? WORKFLOW_DIRS : [])],
    settingsText:
      settings === undefined ? null : Buffer.from(settings).toString("utf8"),
    display,
  });
  // plan
  const plan = planInit({
    version: ctx.version,
    assets,
    detection,
    projectName: projectNameFor(
      detection.packageName,
      path.basename(realTarget),
    ),
    current,
    manifest: null,
    isForceWire: options.forceWire === true,
    isExample: options.example === true,
    ci: options.ci ?? null,
  });
  const isDryRun = options.dryRun === true;
  // act
  if (!isDryRun) await applyInit(target, plan.ops, ctx);
  // report
  const warnings: ScaffoldWarning[] = [
    ...targetWarnings({
      git,
      realTarget,
      display,
      enclosing:
        enclosing === null
          ? null
          : relativeForDisplay(ctx.invocationDir, enclosing),
    }),
    ...plan.warnings,
  ];
  if (git.isWorkTree) {
    const gitignore = current.files.get(WIRING_PATHS.gitignore);
    const willReinclude = !hasGitignoreLine(
      gitignore === undefined ? null : Buffer.from(gitignore).toString("utf8"),
      "!.specfuse/",
    );
    const shadow = await shadowingRule(
      deps.git,
      target,
      willReinclude,
      isDryRun,
    );
    if (shadow !== null) warnings.push(shadow);
  }
  for (const w of warnings) ctx.log.warn(w.message, w.code);
  ctx.narration.raw(
    renderInitReport(
      {
        plan,
        detection,
        isDryRun,
        isVerbose: ctx.isVerbose,
        isQuiet: ctx.isQuiet,
        target: display,
      },
      options.example === true,
    ),
  );
  return {
    schema: "specfuse.init/1",
    body: scaffoldJsonBody({
      target: display,
      isDryRun,
      version: ctx.version,
      detection,
      plan,
      warnings,
    }),
  };
}

// A user rule that hides feature folders (I-WIRE-3): probed after the merge, or estimated in a dry run.
async function shadowingRule(
  git: GitQuestions,
  target: string,
  willReinclude: boolean,
  isDryRun: boolean,
): Promise<ScaffoldWarning | null> {
  const rule = await git.ignoredBy(target, IGNORE_SAMPLE_PATH);
  if (rule === null) return null;
  // a dry run wrote no `!.specfuse/` yet: estimate whether it would lift this rule
  if (isDryRun && willReinclude && !isStillIgnoredAfterMerge(rule.pattern))
    return null;
  return ignoreWarning(rule, IGNORE_SAMPLE_PATH);
}
