import { SpecfuseError } from "../errors/specfuse-error.js";
import { createGit } from "../git/git.js";
import { openRepo } from "../git/repo.js";
import { applyArm } from "../operator/apply-arm.js";
import { openEventLog } from "../transitions/event-log.js";
import { createTransitions } from "../transitions/transitions.js";
import { armFeature } from "../operator/arm-feature.js";
import { lintForArm, type ArmLint } from "../operator/arm-lint.js";
import {
  renderArmQuiet,
  renderArmReport,
  type ArmOutcome,
  type RoadmapChange,
} from "../operator/render-arm.js";
import { activateRoadmapRow } from "../operator/roadmap-activate.js";
import { problemError } from "../operator/feature-problems.js";
import { loadFeature, type LoadedFeature } from "../operator/load-feature.js";
import { withLock } from "../operator/locked.js";
import { planArm, type ArmPlan } from "../operator/plan-arm.js";
import type { Diagnostic } from "../types/diagnostic.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { requireRoot } from "../workspace/find-root.js";
import {
  listFeatures,
  type FeatureSummary,
} from "../workspace/list-features.js";

/** Options of `specfuse arm` (cli.md §3.5). */
export interface ArmOptions {
  feature?: string;
  /** The gate to arm. @default the first gate with drafts */
  gate?: number;
  /** Arm only these drafts (full ids or unique suffixes). */
  wu?: string[];
  /** Abandon the drafts of the gate not named with --wu. @default false */
  abandonRest?: boolean;
  /** Show the flips and the lint result; take no lock and write nothing. @default false */
  dryRun?: boolean;
  json?: boolean;
}

const SCHEMA = "specfuse.arm/1";

interface Prepared {
  loaded: LoadedFeature;
  plan: ArmPlan;
  lint: ArmLint;
  /** The roadmap row change an activation would make, read before any write (null: no activation). */
  roadmap: RoadmapChange | null;
}

// `specfuse arm`: accept the reviewed gate and arm the next one, after a full lint (driver D-ARM-1, cli.md C-ARM-1).
export async function arm(
  options: ArmOptions,
  ctx: Context,
): Promise<CommandResult> {
  const root = requireRoot(ctx.cwd);
  const all = await listFeatures(root);
  const summary = await armFeature(root, ctx.cwd, all, options.feature);
  if (options.dryRun === true) {
    const p = await prepare(summary, options);
    if (!p.plan.isAlreadyArmed)
      report(ctx, p, { kind: "dry", roadmap: p.roadmap });
    return finish(ctx, p, null, true, p.roadmap);
  }
  return withLock(
    { root, feature: summary.featureId, command: "arm" },
    ctx,
    async () => {
      const p = await prepare(summary, options);
      if (p.plan.isAlreadyArmed) return finish(ctx, p, null, false, null);
      if (p.lint.errors.length > 0) {
        report(ctx, p, { kind: "refused" });
        return finish(ctx, p, null, false, null);
      }
      const repo = await openRepo(createGit({ env: ctx.env }), root);
      const transitions = createTransitions({
        root,
        log: await openEventLog(root, summary.dir, ctx, { isCopyKept: false }),
        by: "arm",
      });
      const done = await applyArm(repo, transitions, summary.dir, p.plan, ctx);
      report(ctx, p, { kind: "done", ...done });
      return finish(ctx, p, done.commit, false, done.roadmap);
    },
  );
}

// Reads the feature, decides the flips and lints; refusals throw here, before any write.
async function prepare(
  summary: FeatureSummary,
  options: ArmOptions,
): Promise<Prepared> {
  const loaded = await loadFeature(summary);
  const planProblem = loaded.problems.find(
    (p) => p.file === `${summary.dir}/PLAN.md`,
  );
  if (planProblem !== undefined) throw problemError(planProblem);
  if (loaded.model === null)
    throw new SpecfuseError({
      code: "graph_missing",
      message: `${summary.dir}/PLAN.md has no task graph`,
      file: `${summary.dir}/PLAN.md`,
    });
  const plan = planArm(loaded.model, {
    gate: options.gate ?? null,
    wu: options.wu ?? [],
    isAbandonRest: options.abandonRest === true,
  });
  const gateFiles = new Set([
    ...plan.gatesPassed.map((g) => g.flip.file),
    ...(plan.opened === null ? [] : [plan.opened.file]),
  ]);
  const gateProblem = loaded.problems.find((p) => gateFiles.has(p.file));
  if (gateProblem !== undefined) throw problemError(gateProblem);
  const lint = plan.isAlreadyArmed
    ? { errors: [], warnings: [] }
    : lintForArm(loaded.snapshot, plan.gate);
  if (!plan.isPlanActivated) return { loaded, plan, lint, roadmap: null };
  const read = loaded.snapshot.roadmap;
  const roadmap = activateRoadmapRow(
    read?.kind === "file" ? read.text : null,
    plan.featureId,
  );
  // arm reports the row itself (dry run and real), so lint's roadmap-row-missing would only repeat it.
  const warnings = lint.warnings.filter(
    (d) => d.rule !== "roadmap-row-missing",
  );
  return {
    loaded,
    plan,
    lint: { ...lint, warnings },
    roadmap: { from: roadmap.from, warning: roadmap.warning },
  };
}

// The human report; `--quiet` keeps the findings and one outcome line (issue 17 point 7).
function report(ctx: Context, p: Prepared, o: ArmOutcome): void {
  const render = ctx.isQuiet ? renderArmQuiet : renderArmReport;
  ctx.narration.result(render(p.plan, p.lint, o, ctx.narration.paint));
}

// The JSON body; lint errors refuse with `lint_failed` (exit 1), in a dry run too, so it predicts the real run.
function finish(
  ctx: Context,
  p: Prepared,
  commit: string | null,
  isDryRun: boolean,
  roadmap: RoadmapChange | null,
): CommandResult {
  const roadmapWarning = roadmap === null ? null : roadmap.warning;
  const warnings = [
    ...p.plan.warnings.map((w) => ({ ...w, file: null, line: null })),
    ...(roadmapWarning === null
      ? []
      : [
          {
            code: "roadmap_row_missing",
            message: roadmapWarning,
            file: null,
            line: null,
          },
        ]),
    ...p.lint.warnings.map(lintWarning),
  ];
  const body = {
    feature: p.plan.featureId,
    gate: p.plan.gate,
    armed: p.plan.armed.map((f) => f.id),
    abandoned: p.plan.abandoned.map((f) => f.id),
    gates_passed: p.plan.gatesPassed.map((g) => g.number),
    plan_activated: p.plan.isPlanActivated,
    commit,
    warnings,
    dry_run: isDryRun,
    already_armed: p.plan.isAlreadyArmed,
    lint: { errors: p.lint.errors.length, warnings: p.lint.warnings.length },
  };
  if (p.plan.isAlreadyArmed)
    ctx.narration.result(
      `gate ${p.plan.gate} of ${p.plan.featureId} is already armed: nothing to do${ctx.isQuiet ? "" : "\nnext: specfuse run"}`,
    );
  if (p.lint.errors.length > 0) {
    const first = p.lint.errors[0];
    throw new SpecfuseError({
      code: "lint_failed",
      message: `gate ${p.plan.gate} not armed: lint found ${count(p.lint.errors, "error")}`,
      file: first?.file,
      line: first?.line ?? undefined,
      detail: "the diagnostics are listed above",
      hint: `fix them, then run \`specfuse arm\` again; \`specfuse lint ${p.loaded.summary.dir}\` shows them too`,
      body,
      schema: SCHEMA,
    });
  }
  return { schema: SCHEMA, body };
}

function lintWarning(d: Diagnostic) {
  return { code: d.rule, message: d.message, file: d.file, line: d.line };
}

function count(list: readonly unknown[], noun: string): string {
  return `${list.length} ${noun}${list.length === 1 ? "" : "s"}`;
}
