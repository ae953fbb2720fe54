import type { AttemptSnapshot } from "../git/snapshot.js";
import {
  deleteRunState,
  formatRunState,
  runStatePath,
  writeRunState,
  writeRunStateSync,
  type RunState,
} from "./run-state.js";
import type { Cycle } from "./cycle.js";
import type { RunSession } from "./session.js";

/** The crash checkpoint of the attempt in flight (driver D-REC-1). */
export interface CheckpointHandle {
  state: RunState;
  /** Writes a change at once (synchronously, so a kill right after still finds it). */
  update(patch: Partial<RunState>): void;
  /** Waits for writes in flight. */
  flush(): Promise<void>;
  /** The bytes on disk now, the driver's copy for protection checks. */
  bytes(): Uint8Array;
}

// Writes the checkpoint before the agent is spawned (D-REC-1) and returns a handle for later updates.
export async function writeCheckpoint(
  s: RunSession,
  c: Cycle,
  a: number,
  snapshot: AttemptSnapshot,
): Promise<CheckpointHandle> {
  const file = runStatePath(s.absFeatureDir);
  const state: RunState = {
    version: 1,
    pid: s.ctx.pid,
    host: s.ctx.host,
    started_at: c.startedAt,
    feature_dir: s.featureDir,
    wu_id: c.unit.id,
    gate: s.gate.number,
    attempt: a,
    start_attempt: c.startAttempt,
    max_attempts: c.max,
    head_before: snapshot.headBefore,
    branch: snapshot.branch ?? "",
    untracked_before: [...snapshot.untrackedBefore],
    driver_keys: c.wu.keys(),
    outcomes: c.outcomes.map((outcome, i) => ({
      attempt: c.records[i]?.attempt ?? i + 1,
      outcome,
    })),
    prior_signature: c.priorSignature,
    agent_pgid: null,
    agent_exe: null,
  };
  await writeRunState(file, state);
  s.ctx.log.debug(
    `checkpoint written: ${c.unit.id} attempt ${a} (head ${snapshot.headBefore.slice(0, 7)})`,
  );
  return {
    state,
    update(patch) {
      Object.assign(state, patch);
      writeRunStateSync(file, state);
    },
    flush: () => Promise.resolve(),
    bytes: () => Buffer.from(formatRunState(state), "utf8"),
  };
}

// Deletes the checkpoint when the cycle ends (D-REC-1).
export async function clearCheckpoint(s: RunSession): Promise<void> {
  await deleteRunState(runStatePath(s.absFeatureDir));
  s.ctx.log.debug("checkpoint deleted");
}
