import { existsSync } from "node:fs";
import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { isGroupAlive, reapGroup } from "../exec/kill-group.js";
import { processCommandLine } from "../exec/process-info.js";
import { bookkeepingCommit } from "../git/bookkeeping.js";
import { saveRecoveredWork } from "../git/recovered-ref.js";
import { restoreAttempt } from "../git/restore.js";
import { subjects } from "../git/subjects.js";
import { workKeyOf } from "../plan/correlation-id.js";
import { writeAttemptNote } from "../workspace/attempt-files.js";
import { readPaths } from "../workspace/read-paths.js";
import { attemptOutcomePayload } from "./attempt-outcome-payload.js";
import { clearCheckpoint } from "./checkpoint.js";
import { cycleFieldWrites, cycleTotals } from "./cost.js";
import { carriedOver, type Cycle } from "./cycle.js";
import { interruptedDecision } from "./decide-outcome.js";
import { escalate } from "./escalate.js";
import { exhaustionReason } from "./retry-policy.js";
import { readRunState, runStatePath, type RunState } from "./run-state.js";
import { say, type RunSession } from "./session.js";
import { unitFile } from "./unit-file.js";

// Crash recovery (driver §21): with a checkpoint, kill the orphan, save and restore, count the attempt; without, reset statuses.
export async function recover(s: RunSession): Promise<void> {
  const file = runStatePath(s.absFeatureDir);
  const state = await readRunState(file, `${s.featureDir}/work/run-state.json`);
  if (state !== null) {
    await recoverFromCheckpoint(s, state);
    return;
  }
  for (const u of s.gate.units.filter((x) => x.status === "in_progress"))
    await recoverWithoutCheckpoint(s, u.id);
}

async function recoverFromCheckpoint(
  s: RunSession,
  state: RunState,
): Promise<void> {
  await killOrphan(s, state);
  const head = await s.repo.git.revParseHead(s.repo.top);
  const isAncestor =
    head === state.head_before ||
    (await s.repo.git.isAncestor(s.repo.top, state.head_before, head));
  if (!isAncestor) {
    throw new SpecfuseError({
      code: "recovery_refused",
      message: `the checkpoint's pre-attempt commit ${state.head_before.slice(0, 12)} is not HEAD or an ancestor of it (${head.slice(0, 12)})`,
      file: `${s.featureDir}/work/run-state.json`,
      detail: `${state.wu_id} was interrupted at attempt ${state.attempt}, and the branch has moved since in a way the driver cannot undo safely`,
      hint: [
        `inspect the history: git log --oneline ${state.head_before.slice(0, 12)} ${head.slice(0, 12)}`,
        `set ${state.wu_id} back to status: pending in its WU file and commit,`,
        `then delete ${s.featureDir}/work/run-state.json and run \`specfuse run\` again`,
      ].join("\n"),
    });
  }
  const saved = await saveRecoveredWork(s.repo, {
    key: workKeyOf(state.wu_id),
    headBefore: state.head_before,
    now: s.ctx.now(),
  });
  if (saved !== null)
    say(s, `  saved the interrupted attempt's work under ${saved.ref}`);
  const eventsNow =
    (await readPaths(s.root, [s.events.rel])).get(s.events.rel) ?? null;
  await restoreAttempt(s.repo, {
    snapshot: {
      headBefore: state.head_before,
      branch: state.branch === "" ? null : state.branch,
      untrackedBefore: state.untracked_before,
    },
    driverFiles: new Map([[s.events.rel, eventsNow]]),
  });
  const unit = s.model.units.get(state.wu_id);
  if (unit === undefined) {
    await clearCheckpoint(s);
    s.ctx.log.warn(
      `the checkpoint names ${state.wu_id}, which is not in the graph; the checkpoint was removed`,
    );
    return;
  }
  const wu = unitFile(s.root, unit.path, state.driver_keys);
  await wu.reapply();
  const a = state.attempt;
  const prior = carriedOver(s.events.records(), unit.id, a);
  const decision = interruptedDecision({ kind: "driver_crash" });
  const record = { attempt: a, duration_seconds: 0 };
  const records = [...prior.records, record];
  await wu.write([
    ["status", "pending"],
    ["attempts", a],
    ...cycleFieldWrites(cycleTotals(records)).map(
      (w) => [w.key, w.value] as const,
    ),
  ]);
  s.events.append(
    unit.id,
    "attempt_outcome",
    attemptOutcomePayload({
      decision,
      record,
      model: unit.model,
      effort: unit.effort,
      failureExcerpt: null,
      filesTouched: [],
      reArmCount: unit.reArmCount,
    }),
  );
  if (decision.note !== null)
    await writeAttemptNote(s.absFeatureDir, unit.id, a, decision.note);
  await bookkeepingCommit(s.repo, subjects.recovered(unit.id, a), [
    wu.rel,
    s.events.rel,
  ]);
  await clearCheckpoint(s);
  say(
    s,
    `recovered ${unit.id}: attempt ${a} was interrupted by a driver crash; it counts, and the tree was reset to ${state.head_before.slice(0, 7)}`,
  );
  unit.status = "pending";
  unit.attempts = a;
  if (a >= state.max_attempts) {
    const outcomes = [...prior.outcomes, decision.outcome];
    const reason = exhaustionReason(outcomes);
    const c: Cycle = {
      unit,
      wu,
      max: state.max_attempts,
      startAttempt: a,
      startedAt: state.started_at,
      records,
      outcomes,
      history: [],
      priorSignature: null,
      lastNote: null,
    };
    await escalate(
      s,
      c,
      {
        reason,
        attempts: state.max_attempts,
        lastAttempt: a,
        failure: null,
        commitSubject: subjects.blockedExhausted(
          unit.id,
          reason,
          state.max_attempts,
        ).subject,
      },
      null,
    );
    unit.status = "blocked_human";
  }
}

async function recoverWithoutCheckpoint(
  s: RunSession,
  id: string,
): Promise<void> {
  const unit = s.model.units.get(id);
  if (unit === undefined) return;
  const a = Math.max(1, unit.attempts);
  const wu = unitFile(s.root, unit.path);
  await wu.write([
    ["status", "pending"],
    ["attempts", a],
  ]);
  const decision = interruptedDecision({ kind: "driver_crash" });
  s.events.append(
    unit.id,
    "attempt_outcome",
    attemptOutcomePayload({
      decision,
      record: { attempt: a, duration_seconds: 0 },
      model: unit.model,
      effort: unit.effort,
      failureExcerpt: null,
      filesTouched: [],
      reArmCount: unit.reArmCount,
    }),
  );
  await bookkeepingCommit(s.repo, subjects.recovered(unit.id, a), [
    wu.rel,
    s.events.rel,
  ]);
  s.ctx.log.warn(
    `${unit.id} was in_progress with no checkpoint: it is back at pending (attempt ${a} counted). The tree was not reset because the pre-attempt commit is unknown; the preflight reports any leftovers.`,
  );
  unit.status = "pending";
  unit.attempts = a;
}

// D-REC-3 step 1: a surviving agent group of the dead run, on this host and still running our agent, is killed.
async function killOrphan(s: RunSession, state: RunState): Promise<void> {
  const pgid = state.agent_pgid;
  if (
    pgid === null ||
    state.host !== s.ctx.host ||
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
  say(s, `  killing the interrupted run's agent (process group ${pgid})`);
  await reapGroup(pgid, {
    termAt: s.ctx.monotonicMs(),
    needsTerm: true,
    killGraceMs: s.ctx.timings.killGraceMs,
    clock: () => s.ctx.monotonicMs(),
    platform: process.platform,
  });
}

// Whether any other feature of the workspace holds a checkpoint (D-GIT-2 check 1).
export function otherCheckpoints(
  root: string,
  features: ReadonlyArray<{ dir: string }>,
  featureDir: string,
): string[] {
  return features
    .filter((f) => f.dir !== featureDir)
    .map((f) => `${f.dir}/work/run-state.json`)
    .filter((p) => existsSync(path.join(root, p)));
}
