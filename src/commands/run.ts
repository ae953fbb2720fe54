import { resolveAgentExecutable } from "../workspace/find-executable.js";
import { SpecfuseError, isSpecfuseError } from "../errors/specfuse-error.js";
import { killProcessGroup } from "../exec/kill-group.js";
import { createGit } from "../git/git.js";
import type { GitClientOptions } from "../git/git-api.js";
import { ensureFeatureBranch } from "../git/feature-branch.js";
import { runPreflight } from "../git/preflight.js";
import { openRepo, type Repo } from "../git/repo.js";
import { runEndCommit } from "../git/run-end-commit.js";
import { acquireLock } from "../lock/acquire-lock.js";
import { readLockState } from "../lock/read-lock-state.js";
import { listFeatures } from "../workspace/list-features.js";
import { completeFeature } from "../driver/complete-feature.js";
import { renderDryRun, simulateWalk } from "../driver/dry-run.js";
import { endingReport } from "../driver/ending.js";
import {
  loadRun,
  type LoadedRun,
  type RunOptions,
} from "../driver/load-run.js";
import { headerLine } from "../driver/narrate.js";
import { otherCheckpoints, recover } from "../driver/recover.js";
import { runGate } from "../driver/run-gate.js";
import { say, type RunSession } from "../driver/session.js";
import { reloadSession, startSession } from "../driver/start-run.js";
import { runBody, printEnding } from "../driver/run-report.js";
import { reviewFileName } from "../driver/closing-assertions.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { fileSizes } from "../workspace/fs-queries.js";

// The options type lives with the load stage; re-exported where every command exports its options.
export type { RunOptions };

// `specfuse run` / `specfuse-loop`: startup, dry run or the real walk of the current gate (driver.md §3).
export async function run(
  options: RunOptions,
  ctx: Context,
): Promise<CommandResult> {
  const started = ctx.monotonicMs();
  const loaded = await loadRun(options, ctx);
  if (loaded.gate === null) return completeFeature(loaded, options, ctx);
  if (options.dryRun === true) return dryRun(loaded, options, ctx);
  const agentExe = resolveAgentExecutable(
    ctx.env,
    loaded.config.agent.command,
    loaded.root,
  );
  if (agentExe === null) {
    throw new SpecfuseError({
      code: "agent_not_found",
      message: `the agent executable ${ctx.env.SPECFUSE_AGENT_CMD || loaded.config.agent.command || "claude"} was not found`,
      hint: "install the Claude Code CLI (`npm i -g @anthropic-ai/claude-code`) or set SPECFUSE_AGENT_CMD; `specfuse doctor` checks the setup",
    });
  }
  const stop = new AbortController();
  const lockLost = new AbortController();
  const onSignal = () =>
    stop.abort({
      kind: "signal",
      signal: String(ctx.signal.reason ?? "SIGINT"),
    });
  ctx.signal.addEventListener("abort", onSignal, { once: true });
  lockLost.signal.addEventListener(
    "abort",
    () => stop.abort({ kind: "lock_compromised" }),
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
  let session: RunSession | null = null;
  let repo: Repo | null = null;
  let isCompromised = false;
  try {
    repo = await openRepo(createGit(gitOptions(ctx)), loaded.root);
    session = await startSession(loaded, repo, options, agentExe, stop, ctx);
    const s = session;
    const unregister = ctx.cleanup.add(() => killActiveAgent(s));
    try {
      await recover(s);
      const status = await runPreflight(repo, {
        featureDir: s.featureDir,
        otherCheckpoints: otherCheckpoints(
          loaded.root,
          await listFeatures(loaded.root),
          s.featureDir,
        ),
      });
      await ensureFeatureBranch(repo, {
        branch: loaded.model.branch,
        featureDir: s.featureDir,
        status,
      });
      await reloadSession(s);
      await armCheck(s);
      say(
        s,
        headerLine({
          featureId: s.featureId,
          gate: s.gate.number,
          gateStatus: s.gate.status,
          unitCount: s.gate.units.length,
          branch: s.branch || null,
          isTerminal: s.gate.isTerminal,
        }),
      );
      const end = await runGate(s);
      printEnding(s, end.report);
      const body = runBody(
        s,
        end.ending,
        end.report.nextSteps,
        ctx.monotonicMs() - started,
      );
      if (end.exitCode !== 0) {
        throw new SpecfuseError({
          code:
            end.ending === "halted_invariant"
              ? "halted_invariant"
              : end.ending === "halted_escalation"
                ? "halted_escalation"
                : "halted_blocked",
          message: end.report.headline,
          hint: "the next steps are listed above; `specfuse status` shows the state",
          body,
          schema: "specfuse.run/1",
          reported: false,
        });
      }
      return { schema: "specfuse.run/1", body };
    } finally {
      unregister();
    }
  } catch (error) {
    if (isSpecfuseError(error)) {
      isCompromised = error.code === "lock_compromised" || lock.isCompromised;
      if (session !== null && error.body === undefined)
        error.body = runBody(
          session,
          error.code,
          [],
          ctx.monotonicMs() - started,
        );
      error.schema ??= "specfuse.run/1";
    }
    throw error;
  } finally {
    ctx.signal.removeEventListener("abort", onSignal);
    if (!isCompromised && repo !== null && session !== null) {
      await runEndCommit(repo, {
        featureDir: session.featureDir,
        featureId: session.featureId,
        gate: session.gate.number,
      }).catch((e: unknown) => {
        ctx.log.warn(
          `the run-end commit failed: ${e instanceof Error ? e.message : String(e)}`,
        );
      });
    }
    await lock.release();
    ctx.log.debug("lock released");
  }
}

// D-GATE-2: drafts in the current gate stop a real run with exit 2 and the arm command.
async function armCheck(s: RunSession): Promise<void> {
  const drafts = s.gate.units.filter((u) => u.status === "draft");
  if (drafts.length === 0) return;
  const review = `${s.featureDir}/${reviewFileName(s.gate.number)}`;
  const report = endingReport({
    ending: "drafts_not_armed",
    featureId: s.featureId,
    featureDir: s.featureDir,
    gate: s.gate.number,
    branch: s.branch,
    draftCount: drafts.length,
    hasReviewFile: (await fileSizes(s.root, [review])).has(review),
  });
  throw new SpecfuseError({
    code: "drafts_not_armed",
    message: report.headline,
    detail: report.details.join("\n") || undefined,
    hint: report.nextSteps.join("\n"),
    body: { ending: "drafts_not_armed", next_steps: report.nextSteps },
  });
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

function killActiveAgent(s: RunSession): void {
  for (const pgid of s.activePgids) killProcessGroup(pgid, "SIGKILL");
}

// What a real run would refuse at load, as the dry run prints it (issue 17 point 5); nothing when it would not.
function refusalLines(refusal: SpecfuseError | null): string[] {
  if (refusal === null) return [];
  const detail = (refusal.detail ?? "").split("\n").filter((l) => l !== "");
  const hint = (refusal.hint ?? "").split("\n");
  return [
    `a real run would refuse: error[${refusal.code}]: ${refusal.message}`,
    ...detail.map((l) => `  ${l}`),
    ...hint.map((l, i) => (i === 0 ? `  hint: ${l}` : `        ${l}`)),
  ];
}

// `--dry-run`: steps 1–8, then the simulated walk; no lock, no writes, no agent (D-DRY-1).
async function dryRun(
  loaded: LoadedRun,
  options: RunOptions,
  ctx: Context,
): Promise<CommandResult> {
  const gate = loaded.gate;
  if (gate === null) throw new Error("dry run needs a gate");
  const lock = await readLockState(loaded.root, {
    host: ctx.host,
    now: ctx.now(),
  });
  const holder =
    lock.state === "held" && lock.holder !== null
      ? `pid ${lock.holder.pid} on ${lock.holder.host} (${lock.holder.feature ?? "?"}, since ${lock.holder.started_at})`
      : null;
  const dry = simulateWalk({
    model: loaded.model,
    gate,
    verification: loaded.verification,
    config: loaded.config,
    cliTimeoutMinutes: options.timeoutMinutes,
    isForceFullClose: loaded.isForceFullClose,
    isLockHeldByLiveDriver:
      lock.state === "held" && lock.isHolderAlive !== false,
  });
  const refusal = loaded.refusal;
  if (!ctx.isJson) {
    const walk = renderDryRun(loaded.model, gate, dry, holder);
    // The refusal goes just before the predicted end state, which assumes it has been fixed.
    const end = walk.pop() ?? "";
    for (const line of [...walk, ...refusalLines(refusal)])
      ctx.out.result(line);
    ctx.out.result(refusal === null ? end : `${end} (once that is fixed)`);
  }
  return {
    schema: "specfuse.dry-run/1",
    body: {
      feature: {
        id: loaded.model.featureId,
        dir: loaded.model.dir,
        plan_status: loaded.model.planStatus,
        branch: loaded.model.branch,
      },
      gate: {
        number: gate.number,
        status: gate.status,
        file: gate.path,
        terminal: gate.isTerminal,
      },
      units: dry.units,
      not_dispatchable: dry.not_dispatchable,
      predicted_end_state: dry.predicted_end_state,
      lock_holder:
        lock.holder === null || lock.state === "free"
          ? null
          : { ...lock.holder, state: lock.state },
      warnings: dry.warnings,
      would_refuse:
        refusal === null
          ? null
          : {
              code: refusal.code,
              message: refusal.message,
              hint: refusal.hint ?? null,
            },
    },
  };
}
