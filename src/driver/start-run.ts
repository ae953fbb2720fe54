import { backendSettings, getBackend } from "../agent/backends.js";
import { normalizeVerification } from "../config/normalize-verification.js";
import { VERIFICATION_FILE } from "../config/read-verification.js";
import { toTop, type Repo } from "../git/repo.js";
import { chooseProgressMode } from "../output/progress.js";
import { currentGate, loadFeatureModel } from "../plan/feature-model.js";
import type { Context } from "../types/context.js";
import { readFeature } from "../workspace/read-feature.js";
import { openEventLog } from "./event-log.js";
import type { LoadedRun, RunOptions } from "./load-run.js";
import type { RunSession } from "./session.js";

// Builds the session of a real run once the lock is held (driver D-START-1 steps 11–12).
export async function startSession(
  loaded: LoadedRun,
  repo: Repo,
  options: RunOptions,
  agentExe: string,
  stop: AbortController,
  ctx: Context,
): Promise<RunSession> {
  const { model, gate } = loaded;
  if (gate === null) throw new Error("startSession needs a current gate");
  const sink = ctx.narration.sink;
  return {
    ctx,
    root: loaded.root,
    repo,
    config: loaded.config,
    verification: loaded.verification,
    featureId: model.featureId,
    featureDir: model.dir,
    absFeatureDir: model.absDir,
    branch: model.branch ?? "",
    model,
    gate,
    events: await openEventLog(loaded.root, model.dir, ctx),
    adapter: getBackend(
      loaded.config.agent.name,
      backendSettings(loaded.config, agentExe),
    ),
    agentExe,
    cli: {
      maxAttempts: options.maxAttempts,
      timeoutMinutes: options.timeoutMinutes,
      isForceFullClose: loaded.isForceFullClose,
    },
    stop,
    decor: { paint: ctx.narration.paint, isTTY: sink.isTTY },
    progress: {
      mode: chooseProgressMode({
        isTTY: sink.isTTY,
        isCI: ctx.isCI,
        isQuiet: ctx.isQuiet,
        term: ctx.env.TERM,
      }),
      sink,
      others: sink === ctx.log.sink ? [] : [ctx.log.sink],
      paint: ctx.narration.paint,
      monotonicMs: () => ctx.monotonicMs(),
      heartbeatMs: ctx.timings.heartbeatMs,
      redrawMs: ctx.timings.redrawMs,
    },
    units: [],
    remembered: null,
    hasProgress: false,
    escalated: [],
    activePgids: new Set(),
  };
}

// Re-reads the feature after recovery and the branch step (D-START-1 step 16), and the oracle as committed (D-VER-1).
export async function reloadSession(s: RunSession): Promise<void> {
  const snapshot = await readFeature(s.absFeatureDir, s.featureDir);
  const model = loadFeatureModel(
    snapshot,
    s.absFeatureDir.split("/").pop() ?? s.featureDir,
  );
  if (model !== null) {
    s.model = model;
    s.gate = currentGate(model) ?? s.gate;
    s.branch = model.branch ?? s.branch;
  }
  const committed = await s.repo.git.showFile(
    s.repo.top,
    "HEAD",
    toTop(s.repo, VERIFICATION_FILE),
  );
  s.verification = normalizeVerification(committed, VERIFICATION_FILE);
}
