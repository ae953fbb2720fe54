import type { AgentBackend } from "../../agent/backend.js";
import { normalizeVerification } from "../../config/normalize-verification.js";
import { VERIFICATION_FILE } from "../../config/read-verification.js";
import { toTop, type Repo } from "../../git/repo.js";
import {
  chooseProgressMode,
  type ProgressOptions,
} from "../../output/progress.js";
import {
  currentGate,
  loadFeatureModel,
  type FeatureModel,
  type GateModel,
} from "../../plan/feature-model.js";
import type { Transitions } from "../../transitions/transitions.js";
import type { Config, Verification } from "../../types/config.js";
import type { Context } from "../../types/context.js";
import type { InterruptCause } from "../../types/outcome.js";
import { readFeature } from "../../workspace/read-feature.js";
import type { Decor } from "../narrate.js";
import type { LoadedRun } from "./load-run.js";

/** Run options that reach the attempts (cli.md §3.3). */
export interface RunCli {
  maxAttempts: number | undefined;
  timeoutMinutes: number | undefined;
  /** `--force-full-close` named this feature (D-AC-5). */
  isForceFullClose: boolean;
}

/** The feature a run drives. */
export interface FeatureRef {
  id: string;
  /** `<F>`, relative to the root. */
  dir: string;
  absDir: string;
  /** PLAN `branch`, or "" when it names none. */
  branch: string;
}

/**
 * What every stage of one real run reads and nothing changes: config, repository, context, the feature
 * as loaded, and the transition service (which owns the event log). Per-unit state lives in a lane.
 */
export interface RunScope {
  readonly ctx: Context;
  /** The main checkout's specfuse root; every path the driver names is relative to it. */
  readonly root: string;
  readonly repo: Repo;
  readonly config: Config;
  /** verification.yml as committed at the walk's start; protection keeps it unchanged (D-VER-1). */
  readonly verification: Verification;
  readonly feature: FeatureRef;
  readonly model: FeatureModel;
  /** The current gate as loaded; its status during the walk is the walk's own value. */
  readonly gate: GateModel;
  readonly transitions: Transitions;
  readonly backend: AgentBackend;
  readonly agentExe: string;
  readonly cli: RunCli;
  /** A signal or a lost lock asks the run to stop (D-ATT-5 step 2). */
  readonly stop: StopRequest;
  readonly decor: Decor;
  readonly progress: ProgressOptions;
}

/** What a scope is built from once the lock is held. */
export interface ScopeInput {
  loaded: LoadedRun;
  repo: Repo;
  transitions: Transitions;
  backend: AgentBackend;
  agentExe: string;
  cli: RunCli;
  stop: StopRequest;
}

// Builds the read-only scope of a real run (driver D-START-1 steps 11–12).
export function openScope(input: ScopeInput, ctx: Context): RunScope {
  const { loaded } = input;
  const { model, gate } = loaded;
  if (gate === null) throw new Error("a run scope needs a current gate");
  const sink = ctx.narration.sink;
  return {
    ctx,
    root: loaded.root,
    repo: input.repo,
    config: loaded.config,
    verification: loaded.verification,
    feature: {
      id: model.featureId,
      dir: model.dir,
      absDir: model.absDir,
      branch: model.branch ?? "",
    },
    model,
    gate,
    transitions: input.transitions,
    backend: input.backend,
    agentExe: input.agentExe,
    cli: input.cli,
    stop: input.stop,
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
  };
}

// A new scope with the feature re-read after recovery and the branch step (D-START-1 step 16) and the oracle as committed (D-VER-1).
export async function reloadScope(scope: RunScope): Promise<RunScope> {
  const { feature, repo } = scope;
  const snapshot = await readFeature(feature.absDir, feature.dir);
  const model = loadFeatureModel(
    snapshot,
    feature.absDir.split("/").pop() ?? feature.dir,
  );
  const committed = await repo.git.showFile(
    repo.top,
    "HEAD",
    toTop(repo, VERIFICATION_FILE),
  );
  const verification = normalizeVerification(committed, VERIFICATION_FILE);
  if (model === null) return { ...scope, verification };
  return {
    ...scope,
    model,
    gate: currentGate(model) ?? scope.gate,
    feature: { ...feature, branch: model.branch ?? feature.branch },
    verification,
  };
}

/** A stop request and its cause: the first of a signal or a lost lock wins. */
export interface StopRequest {
  /** Aborted once a stop is requested; child processes watch it. */
  readonly signal: AbortSignal;
  cause(): InterruptCause | null;
  request(cause: InterruptCause): void;
}

// A stop request nobody has made yet.
export function createStopRequest(): StopRequest {
  const controller = new AbortController();
  let first: InterruptCause | null = null;
  return {
    signal: controller.signal,
    cause: () => first,
    request(cause) {
      if (first !== null) return;
      first = cause;
      controller.abort(cause);
    },
  };
}

// The stop request, if any: a signal or a lost lock.
export function stopCause(
  scope: Pick<RunScope, "stop">,
): InterruptCause | null {
  return scope.stop.cause();
}

// Writes one narration line (stdout, or stderr under --json; cli.md C-RUN-3).
export function say(scope: Pick<RunScope, "ctx">, line: string): void {
  scope.ctx.narration.result(line);
}
