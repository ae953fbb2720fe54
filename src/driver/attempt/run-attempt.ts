import type { StagedChanges } from "../../transitions/transitions.js";
import type { AttemptRecord } from "../../types/outcome.js";
import type { RememberedClose } from "../close/after-pass.js";
import type { AttemptReport } from "../end/run-body.js";
import type { Halt } from "../end/ending.js";
import { attemptLabel } from "../narrate.js";
import type { Lane } from "../scope/lane.js";
import type { RunScope } from "../scope/run-scope.js";
import { restoreAttempt } from "../tree/restore.js";
import { clearCheckpoint } from "./run-state.js";
import { attemptRecord } from "../unit/cost.js";
import type { Cycle } from "../unit/cycle.js";
import type { DriverKeys } from "../unit/driver-keys.js";
import { writeUnitStep } from "../unit/unit-writes.js";
import { beginAttempt, type AttemptStart } from "./begin-attempt.js";
import {
  filesChangedStep,
  inspectStep,
  verifyStep,
  type Judging,
} from "./check-steps.js";
import { classifyAttempt, type OutcomeDecision } from "./decide-outcome.js";
import { dispatchStep } from "./dispatch-step.js";
import { passStep } from "./pass-step.js";
import { recordAttempt } from "./record-attempt.js";

/** How one attempt ended: judged (every outcome of D-OUT-1), or the agent could not be started (D-DISP-7). */
export type AttemptEnd =
  | {
      kind: "judged";
      decision: OutcomeDecision;
      record: AttemptRecord;
      report: AttemptReport;
      sha: string | null;
      note: string | null;
      /** Root-relative `attempt-<n>.md`, when a note was written. */
      notePath: string | null;
      keys: DriverKeys;
      /** A pass's D-PASS-1 write, settled by `task_completed`. */
      staged: StagedChanges | null;
      remembered: RememberedClose | null;
    }
  | { kind: "agent_missing"; halt: Halt; keys: DriverKeys };

// Attempt `a` as straight-line steps (driver D-ATT-4, D-ATT-5): dispatch → inspect → verify → files_changed →
// pass (guards, then the commit), each run only when the pure classifier asks for it; then the record.
export async function runAttempt(
  scope: RunScope,
  lane: Lane,
  cycle: Cycle,
  a: number,
): Promise<AttemptEnd> {
  const start = await beginAttempt(scope, lane, cycle, a);
  const dispatch = await dispatchStep(scope, lane, cycle, start);
  if (dispatch.spawnError !== null)
    return agentMissing(scope, lane, cycle, start, dispatch.spawnError);
  let judging = await inspectStep(scope, lane, start, dispatch);
  // The attempt's clock stops at the verdict; the pass pipeline is not timed (D-ATT-4 step 3).
  const recordOf = (j: Judging) =>
    attemptRecord(
      a,
      (j.verdictMs - start.startedMs) / 1000,
      j.facts.usage,
      j.facts.isCostTracking,
    );
  judging = await ask(judging, "verification", (j) =>
    verifyStep(scope, lane, cycle, start, j),
  );
  judging = await ask(judging, "files_changed", async (j) =>
    filesChangedStep(lane, start, dispatch, j),
  );
  judging = await ask(judging, "pass", (j) =>
    passStep(scope, lane, cycle, start, dispatch, j, recordOf(j)),
  );
  const verdict = classifyAttempt(judging.facts);
  if (verdict.status !== "decided")
    throw new Error(`attempt ${a}: the classifier still needs ${verdict.step}`);
  return recordAttempt(scope, lane, cycle, start, {
    decision: verdict.decision,
    record: recordOf(judging),
    dispatch,
    judging,
  });
}

// Runs one judging step when the classifier asks for exactly it; a decided attempt skips every later step.
async function ask(
  judging: Judging,
  step: "verification" | "files_changed" | "pass",
  run: (j: Judging) => Promise<Judging>,
): Promise<Judging> {
  const c = classifyAttempt(judging.facts);
  if (c.status === "decided") return judging;
  if (c.step !== step)
    throw new Error(`the classifier asks for ${c.step}, not ${step}`);
  return run(judging);
}

// D-DISP-7: the agent executable vanished mid-run: restore, the unit back at pending (not counted), exit 1.
async function agentMissing(
  scope: RunScope,
  lane: Lane,
  cycle: Cycle,
  start: AttemptStart,
  spawnError: string,
): Promise<AttemptEnd> {
  const a = start.attempt;
  start.progress.finish(
    `  ${attemptLabel(a, cycle.max)} could not start the agent (${spawnError})`,
  );
  await restoreAttempt(lane.repo, {
    snapshot: start.snapshot,
    driverFiles: new Map([
      [scope.transitions.log.rel, scope.transitions.log.copy()],
    ]),
  });
  const keys = await writeUnitStep(scope, lane, start.keys, {
    unit: cycle.unit,
    to: "pending",
    keys: [["attempts", a - 1]],
  });
  await clearCheckpoint(scope);
  return {
    kind: "agent_missing",
    keys,
    halt: {
      code: "agent_not_found",
      message: `the agent executable ${scope.agentExe} could not be started (${spawnError})`,
      detail: `${cycle.unit.id} is back at pending; attempt ${a} was not counted`,
      hint: `${scope.backend.installHint ?? `install ${scope.backend.defaultExecutable}`}, or point SPECFUSE_AGENT_CMD at the agent; \`specfuse doctor\` checks it`,
    },
  };
}
