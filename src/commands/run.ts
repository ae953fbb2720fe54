import { driveRun } from "../driver/drive-run.js";
import { completeFeature } from "../driver/end/complete-feature.js";
import type { Halt } from "../driver/end/ending.js";
import {
  loadRun,
  type LoadedRun,
  type RunOptions,
} from "../driver/scope/load-run.js";
import {
  dryRunBody,
  renderDryRun,
  simulateWalk,
} from "../driver/walk/dry-run.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { readLockState } from "../lock/read-lock-state.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";

// The options type lives with the load stage; re-exported where every command exports its options.
export type { RunOptions };

const SCHEMA = "specfuse.run/1";

// `specfuse run` / `specfuse-loop`: load, then the dry run or the real walk of the current gate (driver.md §3).
// Every ending below is a value; this is the one place that turns a halt into the command's error.
export async function run(
  options: RunOptions,
  ctx: Context,
): Promise<CommandResult> {
  const started = ctx.monotonicMs();
  const loaded = await loadRun(options, ctx);
  if (loaded.gate === null) return completeFeature(loaded, options, ctx);
  if (options.dryRun === true) return dryRun(loaded, options, ctx);
  const end = await driveRun(loaded, options, started, ctx);
  if (end.kind === "halted") throw errorOf(end.halt);
  if (end.gate.exitCode !== 0)
    throw new SpecfuseError({
      code:
        end.gate.ending === "halted_invariant"
          ? "halted_invariant"
          : end.gate.ending === "halted_escalation"
            ? "halted_escalation"
            : "halted_blocked",
      message: end.gate.report.headline,
      hint: "the next steps are listed above; `specfuse status` shows the state",
      body: end.body,
      schema: SCHEMA,
      reported: false,
    });
  return { schema: SCHEMA, body: end.body };
}

// A halt as the command's error: a fault met on the way is rethrown as itself, with the run's body.
function errorOf(halt: Halt): SpecfuseError {
  const { fault, ...fields } = halt;
  if (fault === undefined)
    return new SpecfuseError({ ...fields, schema: SCHEMA });
  if (fault.body === undefined) fault.body = fields.body;
  fault.schema ??= SCHEMA;
  return fault;
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
      ...dryRunBody(
        loaded.model,
        gate,
        dry,
        lock.holder === null || lock.state === "free"
          ? null
          : { ...lock.holder, state: lock.state },
      ),
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
