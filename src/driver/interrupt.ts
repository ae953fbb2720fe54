import { bookkeepingCommit } from "../git/bookkeeping.js";
import { restoreAttempt } from "../git/restore.js";
import type { AttemptSnapshot } from "../git/snapshot.js";
import { subjects } from "../git/subjects.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import type { InterruptCause } from "../types/outcome.js";
import { clearCheckpoint } from "./checkpoint.js";
import { cycleFieldWrites, cycleTotals } from "./cost.js";
import type { Cycle } from "./cycle.js";
import type { RunSession } from "./session.js";

// The agent executable vanished mid-run (D-DISP-7): restore, put the unit back at pending, exit 1 agent_not_found.
export async function agentVanished(
  s: RunSession,
  c: Cycle,
  a: number,
  snapshot: AttemptSnapshot,
  spawnError: string,
): Promise<never> {
  await restoreAttempt(s.repo, {
    snapshot,
    driverFiles: new Map([[s.events.rel, s.events.copy()]]),
  });
  await c.wu.write([
    ["status", "pending"],
    ["attempts", a - 1],
  ]);
  await clearCheckpoint(s);
  throw new SpecfuseError({
    code: "agent_not_found",
    message: `the agent executable ${s.agentExe} could not be started (${spawnError})`,
    detail: `${c.unit.id} is back at pending; attempt ${a} was not counted`,
    hint: "install the Claude Code CLI (`npm i -g @anthropic-ai/claude-code`), or point SPECFUSE_AGENT_CMD at the agent; `specfuse doctor` checks it",
  });
}

// A stop during an attempt (D-SIGNAL-2, D-LOCK-5): record it, and for a signal restore, commit and exit 130.
export async function stopDuringAttempt(
  s: RunSession,
  c: Cycle,
  a: number,
  cause: InterruptCause,
): Promise<never> {
  if (cause.kind === "lock_compromised") {
    s.events.append(s.featureId, "run_aborted", {
      reason: "lock_compromised",
      wu_id: c.unit.id,
      attempt: a,
    });
    throw new SpecfuseError({
      code: "lock_compromised",
      message:
        "the run lost its lock; another specfuse process may own the tree now",
      detail: `${c.unit.id} was left as it is (attempt ${a}); the checkpoint stays for the next run's recovery`,
      hint: "check `specfuse status`, then run `specfuse run` again once no other driver is running",
    });
  }
  const signal = cause.kind === "signal" ? cause.signal : "SIGTERM";
  const totals = cycleTotals(c.records);
  await c.wu.write([
    ["status", "pending"],
    ["attempts", a - 1],
    ...cycleFieldWrites(totals).map((w) => [w.key, w.value] as const),
  ]);
  s.events.append(s.featureId, "run_aborted", {
    reason: "signal",
    signal,
    wu_id: c.unit.id,
    attempt: a,
  });
  await bookkeepingCommit(s.repo, subjects.interrupted(c.unit.id, a), [
    c.wu.rel,
    s.events.rel,
  ]);
  await clearCheckpoint(s);
  throw new SpecfuseError({
    code: "interrupted",
    message: `stopped by ${signal} during ${c.unit.id} attempt ${a}`,
    detail: `the tree was restored and ${c.unit.id} is back at pending; the next run resumes at attempt ${a}`,
    hint: "run `specfuse run` to continue",
  });
}
