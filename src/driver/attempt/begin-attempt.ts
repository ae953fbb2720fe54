import path from "node:path";
import { buildPrompt } from "../../agent/build-prompt.js";
import {
  startAttemptProgress,
  type AttemptProgress,
} from "../../output/progress.js";
import { planGates } from "../../verify/plan-gates.js";
import { findSmokeCommands } from "../../verify/smoke-imports.js";
import { writeAgentRecords } from "../../workspace/attempt-files.js";
import { listFileNames } from "../../workspace/fs-queries.js";
import { attemptLabel, oneLine } from "../narrate.js";
import { protectedSet, type ProtectedSet } from "../protect/protected-set.js";
import type { Lane } from "../scope/lane.js";
import { say, type RunScope } from "../scope/run-scope.js";
import { takeSnapshot, type AttemptSnapshot } from "../tree/snapshot.js";
import type { Cycle } from "../unit/cycle.js";
import { keysRecord, type DriverKeys } from "../unit/driver-keys.js";
import { writeUnitStep } from "../unit/unit-writes.js";
import {
  writeCheckpoint,
  type CheckpointHandle,
  type RunState,
} from "./run-state.js";

/** Everything an attempt starts from (driver D-ATT-4 steps 1–2). */
export interface AttemptStart {
  attempt: number;
  /** The cycle's driver keys after `attempts: a`. */
  keys: DriverKeys;
  protectedSet: ProtectedSet;
  snapshot: AttemptSnapshot;
  checkpoint: CheckpointHandle;
  prompt: string;
  limits: { wallClockMinutes: number; inactivityMinutes: number };
  progress: AttemptProgress;
  /** Monotonic ms when the attempt's clock started (D-ATT-4 step 3). */
  startedMs: number;
}

// D-ATT-4 steps 1–2: `attempts: a`, the protected set, the snapshot, the checkpoint, the retry line and the prompt.
export async function beginAttempt(
  scope: RunScope,
  lane: Lane,
  cycle: Cycle,
  a: number,
): Promise<AttemptStart> {
  const { unit } = cycle;
  const F = scope.feature.dir;
  // The status is in_progress already (cycle start, or re-applied after a restore): no transition, just `attempts`.
  const keys = await writeUnitStep(scope, lane, cycle.keys, {
    unit,
    to: "in_progress",
    keys: [["attempts", a]],
  });
  const pset = protectedSet({
    featureDir: F,
    unitType: unit.type,
    unitFile: unit.file,
    currentGate: scope.gate.number,
    graph: scope.model.graph,
    featureFiles: listFileNames(path.join(lane.cwd, F)),
  });
  const snapshot = await takeSnapshot(lane.repo, {
    protectedPaths: pset.entries
      .filter((e) => e.compare !== "branch")
      .map((e) => e.path),
    allowedPaths: [`${F}/PLAN.md`, `${F}/events.jsonl`, ".specfuse/roadmap.md"],
  });
  const checkpoint = await writeCheckpoint(
    scope.feature.absDir,
    checkpointState(scope, cycle, a, snapshot, keys),
  );
  scope.ctx.log.debug(
    `checkpoint written: ${unit.id} attempt ${a} (head ${snapshot.headBefore.slice(0, 7)})`,
  );
  const limits = {
    wallClockMinutes:
      unit.timeoutMinutes ??
      scope.cli.timeoutMinutes ??
      scope.config.agent.timeout_minutes,
    inactivityMinutes: scope.config.agent.inactivity_minutes,
  };
  if (cycle.lastNote !== null)
    say(scope, `  retry after: ${oneLine(cycle.lastNote, 200)}`);
  const progress = startAttemptProgress(
    scope.progress,
    attemptLabel(a, cycle.max),
    limits.wallClockMinutes * 60,
  );
  const startedMs = scope.ctx.monotonicMs();
  const prompt = attemptPrompt(scope, cycle, a, pset, limits);
  await writeAgentRecords(scope.feature.absDir, unit.id, a, { prompt });
  return {
    attempt: a,
    keys,
    protectedSet: pset,
    snapshot,
    checkpoint,
    prompt,
    limits,
    progress,
    startedMs,
  };
}

// The checkpoint of D-REC-1 as written before the spawn (formats.md F-RUN-1).
function checkpointState(
  scope: RunScope,
  cycle: Cycle,
  a: number,
  snapshot: AttemptSnapshot,
  keys: DriverKeys,
): RunState {
  return {
    version: 1,
    pid: scope.ctx.pid,
    host: scope.ctx.host,
    started_at: cycle.startedAt,
    feature_dir: scope.feature.dir,
    wu_id: cycle.unit.id,
    gate: scope.gate.number,
    attempt: a,
    start_attempt: cycle.startAttempt,
    max_attempts: cycle.max,
    head_before: snapshot.headBefore,
    branch: snapshot.branch ?? "",
    untracked_before: [...snapshot.untrackedBefore],
    driver_keys: keysRecord(keys),
    outcomes: cycle.outcomes.map((outcome, i) => ({
      attempt: cycle.records[i]?.attempt ?? i + 1,
      outcome,
    })),
    prior_signature: cycle.priorSignature,
    agent_pgid: null,
    agent_exe: null,
  };
}

// The prompt of driver §13 for this attempt.
function attemptPrompt(
  scope: RunScope,
  cycle: Cycle,
  a: number,
  pset: ProtectedSet,
  limits: AttemptStart["limits"],
): string {
  const { unit } = cycle;
  const plan = planGates(
    scope.verification,
    unit.type,
    unit.extraGates,
    scope.feature.dir,
  );
  return buildPrompt({
    feature: {
      id: scope.feature.id,
      title: scope.model.title,
      roadmapGoal: scope.model.roadmapGoal,
    },
    gate: { number: scope.gate.number, isTerminal: scope.gate.isTerminal },
    unit: {
      id: unit.id,
      type: unit.type,
      effort: unit.effort,
      body: unit.body,
      produces: unit.produces,
    },
    attempt: a,
    maxAttempts: cycle.max,
    wallClockMinutes: limits.wallClockMinutes,
    inactivityMinutes: limits.inactivityMinutes,
    protectedPaths: pset.entries.map((e) => e.path),
    protectionExceptions: pset.exceptions,
    gates: plan.ok
      ? plan.gates.map((g) => ({ name: g.name, command: g.command }))
      : [],
    smokeCommands: findSmokeCommands(unit.body),
    history: cycle.history,
  });
}
