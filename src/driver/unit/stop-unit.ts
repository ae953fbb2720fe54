import type { InterruptCause } from "../../types/outcome.js";
import { clearCheckpoint } from "../attempt/run-state.js";
import { bookkeepingCommit } from "../commit/bookkeeping.js";
import { subjects } from "../commit/subjects.js";
import type { Halt } from "../end/ending.js";
import type { Lane } from "../scope/lane.js";
import type { RunScope } from "../scope/run-scope.js";
import { cycleFieldWrites, cycleTotals } from "./cost.js";
import type { Cycle } from "./cycle.js";
import { writeUnitStep } from "./unit-writes.js";

// A stop during attempt `a` (D-SIGNAL-2, D-LOCK-5): a lost lock touches nothing; a signal sets the unit back to
// pending at a−1 with `run_aborted`, commits and clears the checkpoint. Either way the run ends with the halt returned.
export async function stopUnit(
  scope: RunScope,
  lane: Lane,
  cycle: Cycle,
  a: number,
  cause: InterruptCause,
): Promise<Halt> {
  const { unit } = cycle;
  if (cause.kind === "lock_compromised") {
    scope.transitions.record({
      correlation_id: scope.feature.id,
      event_type: "run_aborted",
      payload: { reason: "lock_compromised", wu_id: unit.id, attempt: a },
    });
    return {
      code: "lock_compromised",
      message:
        "the run lost its lock; another specfuse process may own the tree now",
      detail: `${unit.id} was left as it is (attempt ${a}); the checkpoint stays for the next run's recovery`,
      hint: "check `specfuse status`, then run `specfuse run` again once no other driver is running",
    };
  }
  const signal = cause.kind === "signal" ? cause.signal : "SIGTERM";
  await writeUnitStep(scope, lane, cycle.keys, {
    unit,
    to: "pending",
    keys: [
      ["attempts", a - 1],
      ...cycleFieldWrites(cycleTotals(cycle.records)).map(
        (w) => [w.key, w.value] as const,
      ),
    ],
    event: {
      correlation_id: scope.feature.id,
      event_type: "run_aborted",
      payload: { reason: "signal", signal, wu_id: unit.id, attempt: a },
    },
  });
  await bookkeepingCommit(scope.repo, subjects.interrupted(unit.id, a), [
    unit.path,
    scope.transitions.log.rel,
  ]);
  await clearCheckpoint(scope);
  return {
    code: "interrupted",
    message: `stopped by ${signal} during ${unit.id} attempt ${a}`,
    detail: `the tree was restored and ${unit.id} is back at pending; the next run resumes at attempt ${a}`,
    hint: "run `specfuse run` to continue",
  };
}
