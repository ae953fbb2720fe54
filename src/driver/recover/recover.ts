import { existsSync } from "node:fs";
import path from "node:path";
import { isGroupAlive, reapGroup } from "../../exec/kill-group.js";
import { processCommandLine } from "../../exec/process-info.js";
import { workKeyOf } from "../../plan/correlation-id.js";
import type { UnitModel } from "../../plan/feature-model.js";
import { writeAttemptNote } from "../../workspace/attempt-files.js";
import { readPaths } from "../../workspace/read-paths.js";
import { checkpointFile } from "../../workspace/work-paths.js";
import { attemptOutcomePayload } from "../attempt/attempt-outcome-payload.js";
import { interruptedDecision } from "../attempt/decide-outcome.js";
import {
  clearCheckpoint,
  readRunState,
  runStatePath,
  type RunState,
} from "../attempt/run-state.js";
import { bookkeepingCommit } from "../commit/bookkeeping.js";
import { subjects } from "../commit/subjects.js";
import type { Halt } from "../end/ending.js";
import type { Lane } from "../scope/lane.js";
import { say, type RunScope } from "../scope/run-scope.js";
import { restoreAttempt } from "../tree/restore.js";
import { cycleFieldWrites, cycleTotals } from "../unit/cost.js";
import { carriedOver, type Cycle } from "../unit/cycle.js";
import {
  keysFromRecord,
  NO_KEYS,
  type DriverKeys,
} from "../unit/driver-keys.js";
import { escalate } from "../unit/escalate.js";
import { exhaustionReason } from "../unit/retry-policy.js";
import { reapplyKeys, writeUnitStep } from "../unit/unit-writes.js";
import { saveRecoveredWork } from "./recovered-ref.js";

/** How recovery ended: the units it escalated (exhaustion, D-REC-3), or a refusal (D-REC-3 step 2). */
export type RecoveryEnd =
  { kind: "recovered"; escalated: string[] } | { kind: "refused"; halt: Halt };

// Crash recovery (driver §21) in the lane the interrupted attempt ran in: with a checkpoint, kill the orphan,
// save and restore, count the attempt; without one, every in_progress unit goes back to pending.
export async function recover(
  scope: RunScope,
  lane: Lane,
): Promise<RecoveryEnd> {
  const F = scope.feature.dir;
  const state = await readRunState(
    runStatePath(scope.feature.absDir),
    checkpointFile(F),
  );
  if (state !== null) return recoverFromCheckpoint(scope, lane, state);
  for (const u of scope.gate.units.filter((x) => x.status === "in_progress"))
    await recoverWithoutCheckpoint(scope, lane, u.id);
  return { kind: "recovered", escalated: [] };
}

async function recoverFromCheckpoint(
  scope: RunScope,
  lane: Lane,
  state: RunState,
): Promise<RecoveryEnd> {
  await killOrphan(scope, state);
  const refused = await refuseMovedHead(scope, lane, state);
  if (refused !== null) return { kind: "refused", halt: refused };
  const saved = await saveRecoveredWork(lane.repo, {
    key: workKeyOf(state.wu_id),
    headBefore: state.head_before,
    now: scope.ctx.now(),
  });
  if (saved !== null)
    say(scope, `  saved the interrupted attempt's work under ${saved.ref}`);
  const log = scope.transitions.log;
  const eventsNow = (await readPaths(lane.cwd, [log.rel])).get(log.rel) ?? null;
  await restoreAttempt(lane.repo, {
    snapshot: {
      headBefore: state.head_before,
      branch: state.branch === "" ? null : state.branch,
      untrackedBefore: state.untracked_before,
    },
    driverFiles: new Map([[log.rel, eventsNow]]),
  });
  const unit = scope.model.units.get(state.wu_id);
  if (unit === undefined) {
    await clearCheckpoint(scope);
    scope.ctx.log.warn(
      `the checkpoint names ${state.wu_id}, which is not in the graph; the checkpoint was removed`,
    );
    return { kind: "recovered", escalated: [] };
  }
  const keys = keysFromRecord(state.driver_keys);
  await reapplyKeys(scope, lane, unit, keys);
  const cycle = await countInterrupted(scope, lane, unit, state, keys);
  if (state.attempt < state.max_attempts)
    return { kind: "recovered", escalated: [] };
  const reason = exhaustionReason(cycle.outcomes);
  await escalate(
    scope,
    lane,
    cycle,
    {
      reason,
      attempts: state.max_attempts,
      lastAttempt: state.attempt,
      failure: null,
      commitSubject: subjects.blockedExhausted(
        unit.id,
        reason,
        state.max_attempts,
      ).subject,
    },
    null,
  );
  return { kind: "recovered", escalated: [unit.id] };
}

// D-REC-3 step 2: `head_before` must be HEAD or an ancestor of it, else recovery is refused.
async function refuseMovedHead(
  scope: RunScope,
  lane: Lane,
  state: RunState,
): Promise<Halt | null> {
  const { git, top } = lane.repo;
  const head = await git.revParseHead(top);
  const isAncestor =
    head === state.head_before ||
    (await git.isAncestor(top, state.head_before, head));
  if (isAncestor) return null;
  const file = checkpointFile(scope.feature.dir);
  return {
    code: "recovery_refused",
    message: `the checkpoint's pre-attempt commit ${state.head_before.slice(0, 12)} is not HEAD or an ancestor of it (${head.slice(0, 12)})`,
    file,
    detail: `${state.wu_id} was interrupted at attempt ${state.attempt}, and the branch has moved since in a way the driver cannot undo safely`,
    hint: [
      `inspect the history: git log --oneline ${state.head_before.slice(0, 12)} ${head.slice(0, 12)}`,
      `set ${state.wu_id} back to status: pending in its WU file and commit,`,
      `then delete ${file} and run \`specfuse run\` again`,
    ].join("\n"),
  };
}

// D-REC-3 steps 5–7: pending at the interrupted attempt (it counts), its `interrupted` event and note, the commit.
async function countInterrupted(
  scope: RunScope,
  lane: Lane,
  unit: UnitModel,
  state: RunState,
  keys: DriverKeys,
): Promise<Cycle> {
  const a = state.attempt;
  const prior = carriedOver(scope.transitions.log.records(), unit.id, a);
  const decision = interruptedDecision({ kind: "driver_crash" });
  const record = { attempt: a, duration_seconds: 0 };
  const records = [...prior.records, record];
  const next = await writeUnitStep(scope, lane, keys, {
    unit,
    to: "pending",
    keys: [
      ["attempts", a],
      ...cycleFieldWrites(cycleTotals(records)).map(
        (w) => [w.key, w.value] as const,
      ),
    ],
    event: interruptedEvent(unit, a),
  });
  if (decision.note !== null)
    await writeAttemptNote(scope.feature.absDir, unit.id, a, decision.note);
  await bookkeepingCommit(scope.repo, subjects.recovered(unit.id, a), [
    unit.path,
    scope.transitions.log.rel,
  ]);
  await clearCheckpoint(scope);
  say(
    scope,
    `recovered ${unit.id}: attempt ${a} was interrupted by a driver crash; it counts, and the tree was reset to ${state.head_before.slice(0, 7)}`,
  );
  return {
    unit,
    max: state.max_attempts,
    startAttempt: a,
    startedAt: state.started_at,
    records,
    outcomes: [...prior.outcomes, decision.outcome],
    history: [],
    priorSignature: null,
    lastNote: null,
    keys: next,
  };
}

// D-REC-4: an in_progress unit without a checkpoint goes back to pending (its attempt counted); the tree stays.
async function recoverWithoutCheckpoint(
  scope: RunScope,
  lane: Lane,
  id: string,
): Promise<void> {
  const unit = scope.model.units.get(id);
  if (unit === undefined) return;
  const a = Math.max(1, unit.attempts);
  await writeUnitStep(scope, lane, NO_KEYS, {
    unit,
    to: "pending",
    keys: [["attempts", a]],
    event: interruptedEvent(unit, a),
  });
  await bookkeepingCommit(scope.repo, subjects.recovered(unit.id, a), [
    unit.path,
    scope.transitions.log.rel,
  ]);
  scope.ctx.log.warn(
    `${unit.id} was in_progress with no checkpoint: it is back at pending (attempt ${a} counted). The tree was not reset because the pre-attempt commit is unknown; the preflight reports any leftovers.`,
  );
}

// The `attempt_outcome interrupted` of a crash (D-REC-3 step 6, D-REC-4).
function interruptedEvent(unit: UnitModel, a: number) {
  return {
    correlation_id: unit.id,
    event_type: "attempt_outcome" as const,
    payload: attemptOutcomePayload({
      decision: interruptedDecision({ kind: "driver_crash" }),
      record: { attempt: a, duration_seconds: 0 },
      model: unit.model,
      effort: unit.effort,
      failureExcerpt: null,
      filesTouched: [],
      reArmCount: unit.reArmCount,
    }),
  };
}

// D-REC-3 step 1: a surviving agent group of the dead run, on this host and still running our agent, is killed.
async function killOrphan(scope: RunScope, state: RunState): Promise<void> {
  const pgid = state.agent_pgid;
  if (
    pgid === null ||
    state.host !== scope.ctx.host ||
    !isGroupAlive(pgid, process.platform)
  )
    return;
  const cmd = await processCommandLine(pgid, process.platform);
  if (
    cmd !== null &&
    state.agent_exe !== null &&
    !cmd.includes(path.basename(state.agent_exe))
  )
    return;
  say(scope, `  killing the interrupted run's agent (process group ${pgid})`);
  await reapGroup(pgid, {
    termAt: scope.ctx.monotonicMs(),
    needsTerm: true,
    killGraceMs: scope.ctx.timings.killGraceMs,
    clock: () => scope.ctx.monotonicMs(),
    platform: process.platform,
  });
}

// Other features' checkpoints (D-GIT-2 check 1).
export function otherCheckpoints(
  root: string,
  features: ReadonlyArray<{ dir: string }>,
  featureDir: string,
): string[] {
  return features
    .filter((f) => f.dir !== featureDir)
    .map((f) => checkpointFile(f.dir))
    .filter((p) => existsSync(path.join(root, p)));
}
