import { createGit } from "../../git/git.js";
import { openRepo } from "../../git/repo.js";
import { acquireLock } from "../../lock/acquire-lock.js";
import { openEventLog } from "../../transitions/event-log.js";
import { createTransitions } from "../../transitions/transitions.js";
import type { CommandResult } from "../../types/command.js";
import type { Context } from "../../types/context.js";
import { bookkeepingCommit } from "../commit/bookkeeping.js";
import { subjects } from "../commit/subjects.js";
import type { LoadedRun, RunOptions } from "../scope/load-run.js";
import { endingReport } from "./ending.js";

// Every gate up to the terminal one passed (D-END-6): report it; a real run marks an active PLAN `complete` and commits.
export async function completeFeature(
  loaded: LoadedRun,
  options: RunOptions,
  ctx: Context,
): Promise<CommandResult> {
  const { model } = loaded;
  const report = endingReport({
    ending: "feature_complete",
    featureId: model.featureId,
    featureDir: model.dir,
    gate: model.graph.terminalGate ?? 0,
    branch: model.branch ?? "",
  });
  if (options.dryRun === true) return dryRunComplete(loaded, ctx);
  if (model.planStatus === "active") await markComplete(loaded, ctx);
  ctx.narration.result(report.headline);
  ctx.narration.result("Next:");
  report.nextSteps.forEach((step, i) =>
    ctx.narration.result(`  ${i + 1}. ${step}`),
  );
  return {
    schema: "specfuse.run/1",
    body: {
      ending: "feature_complete",
      feature: { id: model.featureId, dir: model.dir, branch: model.branch },
      gate: {
        number: model.graph.terminalGate,
        status: "passed",
        terminal: true,
      },
      units: [],
      cost_usd: 0,
      duration_seconds: 0,
      next_steps: report.nextSteps,
    },
  };
}

// Under the lock: PLAN `status: complete` through the transition service, then `<id> all gates passed`.
async function markComplete(loaded: LoadedRun, ctx: Context): Promise<void> {
  const { model } = loaded;
  const lock = await acquireLock(
    { root: loaded.root, feature: model.featureId, command: "run" },
    ctx,
  );
  try {
    const repo = await openRepo(createGit({ env: ctx.env }), loaded.root);
    const transitions = createTransitions({
      root: loaded.root,
      log: await openEventLog(loaded.root, model.dir, ctx, {
        isCopyKept: false,
      }),
      by: "run",
    });
    const plan = `${model.dir}/PLAN.md`;
    await transitions.apply({
      writes: [
        { entity: "feature", id: model.featureId, file: plan, to: "complete" },
      ],
      event: null,
    });
    await bookkeepingCommit(repo, subjects.allGatesPassed(model.featureId), [
      plan,
    ]);
  } finally {
    await lock.release();
  }
}

function dryRunComplete(loaded: LoadedRun, ctx: Context): CommandResult {
  const { model } = loaded;
  if (!ctx.isJson)
    ctx.out.result(
      `specfuse run --dry-run: ${model.featureId}: every gate passed; predicted end state: feature_complete`,
    );
  return {
    schema: "specfuse.dry-run/1",
    body: {
      feature: {
        id: model.featureId,
        dir: model.dir,
        plan_status: model.planStatus,
        branch: model.branch,
      },
      gate: null,
      units: [],
      not_dispatchable: [],
      predicted_end_state: "feature_complete",
      lock_holder: null,
      warnings: [],
    },
  };
}
