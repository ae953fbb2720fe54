import type { AgentBackend } from "../agent/backend.js";
import { backendSettings, getBackend } from "../agent/backends.js";
import { killProcessGroup } from "../exec/kill-group.js";
import type { GitClientOptions } from "../git/git-api.js";
import { createGit } from "../git/git.js";
import { openRepo, type Repo } from "../git/repo.js";
import { acquireLock } from "../lock/acquire-lock.js";
import { openEventLog } from "../transitions/event-log.js";
import { createTransitions } from "../transitions/transitions.js";
import type { Context } from "../types/context.js";
import { resolveAgentExecutable } from "../workspace/find-executable.js";
import { runEndCommit } from "./commit/run-end-commit.js";
import { finishGate, type GateEnd } from "./end/finish-gate.js";
import { haltOf, type Halt } from "./end/ending.js";
import { printEnding, runBody } from "./end/run-body.js";
import { mainLane, type Lane } from "./scope/lane.js";
import type { LoadedRun, RunOptions } from "./scope/load-run.js";
import { prepareWalk } from "./scope/prepare-walk.js";
import {
  createStopRequest,
  openScope,
  type RunScope,
  type StopRequest,
} from "./scope/run-scope.js";
import { walkGate, type Walked } from "./walk/walk-gate.js";

/** How a real run ended, as a value: the command returns the body or throws the one error. */
export type RunEnd =
  | { kind: "ended"; gate: GateEnd; body: Record<string, unknown> }
  | { kind: "halted"; halt: Halt };

// The real run from the agent check to the lock's release (driver D-START-1 steps 10–18, §30, D-END-5);
// `started` is when the command started, for `duration_seconds`.
export async function driveRun(
  loaded: LoadedRun,
  options: RunOptions,
  started: number,
  ctx: Context,
): Promise<RunEnd> {
  const backend = getBackend(
    options.agent ?? loaded.config.agent.name,
    backendSettings(loaded.config, null),
  );
  const agentExe = resolveAgentExecutable(
    ctx.env,
    loaded.config.agent.command,
    loaded.root,
    backend.defaultExecutable,
  );
  if (agentExe === null)
    return { kind: "halted", halt: agentNotFound(loaded, backend, ctx) };
  const stop = createStopRequest();
  const onSignal = () =>
    stop.request({
      kind: "signal",
      signal: String(ctx.signal.reason ?? "SIGINT"),
    });
  ctx.signal.addEventListener("abort", onSignal, { once: true });
  const lockLost = new AbortController();
  lockLost.signal.addEventListener(
    "abort",
    () => stop.request({ kind: "lock_compromised" }),
    { once: true },
  );
  const lock = await acquireLock(
    {
      root: loaded.root,
      feature: loaded.model.featureId,
      command: "run",
      onLost: lockLost,
    },
    ctx,
  );
  ctx.log.debug(
    `lock taken: ${loaded.root}/.specfuse/.loop.lock (pid ${ctx.pid})`,
  );
  const held: { scope: RunScope | null } = { scope: null };
  let end: RunEnd | null = null;
  try {
    end = await runLocked(
      loaded,
      options,
      { agentExe, stop, started, held },
      ctx,
    );
    return end;
  } finally {
    ctx.signal.removeEventListener("abort", onSignal);
    // D-LOCK-5: after a lost lock another driver may own the tree; nothing more is written.
    const isCompromised =
      end?.kind === "halted" &&
      (end.halt.code === "lock_compromised" || lock.isCompromised);
    if (!isCompromised && held.scope !== null) await finalCommit(held.scope);
    await lock.release();
    ctx.log.debug("lock released");
  }
}

/** What the locked part of a run gets from the part before the lock. */
interface Held {
  agentExe: string;
  stop: StopRequest;
  started: number;
  /** The scope once opened: the run-end commit needs it. */
  held: { scope: RunScope | null };
}

// Steps 12–18 under the lock: scope, recovery, preflight, branch, reload, arm check, header, walk, end of gate.
async function runLocked(
  loaded: LoadedRun,
  options: RunOptions,
  h: Held,
  ctx: Context,
): Promise<RunEnd> {
  let scope: RunScope | null = null;
  const halted = (halt: Halt, walked: Walked | null = null): RunEnd => ({
    kind: "halted",
    halt:
      scope === null
        ? halt
        : withBody(scope, halt, walked, ctx.monotonicMs() - h.started),
  });
  try {
    scope = await openRunScope(loaded, options, h, ctx);
    h.held.scope = scope;
    const lane = mainLane(scope);
    const unregister = ctx.cleanup.add(() => killLane(lane));
    try {
      const ready = await prepareWalk(scope, lane);
      if (ready.kind === "halted") return halted(ready.halt);
      scope = ready.scope;
      h.held.scope = scope;
      const walkEnd = await walkGate(scope, lane, {
        escalated: ready.escalated,
      });
      if (walkEnd.kind === "stopped")
        return halted(walkEnd.halt, walkEnd.walked);
      let gate: GateEnd;
      try {
        gate = await finishGate(scope, walkEnd.walked);
      } catch (error) {
        return halted(haltOf(error), walkEnd.walked);
      }
      printEnding(scope, gate.report);
      const walked = {
        gateStatus: gate.gateStatus,
        units: walkEnd.walked.units,
      };
      const body = runBody(
        scope,
        walked,
        gate.ending,
        gate.report.nextSteps,
        ctx.monotonicMs() - h.started,
      );
      return { kind: "ended", gate, body };
    } finally {
      unregister();
    }
  } catch (error) {
    return halted(haltOf(error));
  }
}

// Steps 11–12 once the lock is held: git readiness, the event log behind the transition service, the backend.
async function openRunScope(
  loaded: LoadedRun,
  options: RunOptions,
  h: Held,
  ctx: Context,
): Promise<RunScope> {
  const repo: Repo = await openRepo(createGit(gitOptions(ctx)), loaded.root);
  const log = await openEventLog(loaded.root, loaded.model.dir, ctx);
  return openScope(
    {
      loaded,
      repo,
      transitions: createTransitions({ root: loaded.root, log, by: "run" }),
      backend: getBackend(
        options.agent ?? loaded.config.agent.name,
        backendSettings(loaded.config, h.agentExe),
      ),
      agentExe: h.agentExe,
      cli: {
        maxAttempts: options.maxAttempts,
        timeoutMinutes: options.timeoutMinutes,
        isForceFullClose: loaded.isForceFullClose,
      },
      stop: h.stop,
    },
    ctx,
  );
}

// The `specfuse.run/1` body of a halt: the units so far, the halt's code as the ending (D-CLI-4).
function withBody(
  scope: RunScope,
  halt: Halt,
  walked: Walked | null,
  elapsedMs: number,
): Halt {
  if (halt.body !== undefined || halt.fault?.body !== undefined) return halt;
  const body = runBody(
    scope,
    {
      gateStatus: walked?.gateStatus ?? scope.gate.status,
      units: walked?.units ?? [],
    },
    halt.code,
    [],
    elapsedMs,
  );
  return { ...halt, body };
}

// D-END-5: whatever the driver left uncommitted in `<F>` is committed as `chore(loop): gate <n> halted`.
async function finalCommit(scope: RunScope): Promise<void> {
  await runEndCommit(scope.repo, {
    featureDir: scope.feature.dir,
    featureId: scope.feature.id,
    gate: scope.gate.number,
  }).catch((e: unknown) => {
    scope.ctx.log.warn(
      `the run-end commit failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  });
}

function agentNotFound(
  loaded: LoadedRun,
  backend: AgentBackend,
  ctx: Context,
): Halt {
  const install = backend.installHint ?? `install ${backend.defaultExecutable}`;
  return {
    code: "agent_not_found",
    message: `the agent executable ${ctx.env.SPECFUSE_AGENT_CMD || loaded.config.agent.command || backend.defaultExecutable} was not found`,
    hint: `${install} or set SPECFUSE_AGENT_CMD; \`specfuse doctor\` checks the setup`,
  };
}

// `--verbose` shows each git command with its duration (driver D-UI-5).
function gitOptions(ctx: Context): GitClientOptions {
  if (!ctx.isVerbose) return { env: ctx.env };
  return {
    env: ctx.env,
    onDone: (args, ms) =>
      ctx.log.debug(
        `git ${args.join(" ").slice(0, 160)} (${Math.round(ms)} ms)`,
      ),
  };
}

function killLane(lane: Lane): void {
  for (const pgid of lane.pids) killProcessGroup(pgid, "SIGKILL");
}
