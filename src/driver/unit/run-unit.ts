import type { UnitModel } from "../../plan/feature-model.js";
import { runAttempt, type AttemptEnd } from "../attempt/run-attempt.js";
import { clearCheckpoint } from "../attempt/run-state.js";
import type { RememberedClose } from "../close/after-pass.js";
import { haltOf, type Halt } from "../end/ending.js";
import type { UnitReport } from "../end/run-body.js";
import type { Lane } from "../scope/lane.js";
import { stopCause, type RunScope } from "../scope/run-scope.js";
import type { Cycle } from "./cycle.js";
import { escalate } from "./escalate.js";
import { decideNextStep, type NextStep } from "./retry-policy.js";
import { startCycle } from "./start-cycle.js";
import { stopUnit } from "./stop-unit.js";

/** How a unit's dispatch cycle ended, as a value the walk reads. */
export type UnitEnd =
  | { kind: "passed"; report: UnitReport; remembered: RememberedClose | null }
  | { kind: "escalated"; report: UnitReport }
  | { kind: "stopped"; report: UnitReport | null; halt: Halt };

type Judged = Extract<AttemptEnd, { kind: "judged" }>;

// One dispatch cycle of a unit in a lane (driver §9): start, attempts, then pass, escalation or a stop.
// A fault on the way (a refused bookkeeping commit) ends the unit as a stop carrying that error.
export async function runUnit(
  scope: RunScope,
  lane: Lane,
  unit: UnitModel,
): Promise<UnitEnd> {
  let cycle: Cycle;
  try {
    cycle = await startCycle(scope, lane, unit);
  } catch (error) {
    return { kind: "stopped", report: null, halt: haltOf(error) };
  }
  const sofar: { report: UnitReport } = {
    report: {
      id: unit.id,
      type: unit.type,
      result: "not_dispatched",
      commit: null,
      attempts: [],
    },
  };
  try {
    return await attemptCycle(scope, lane, cycle, sofar);
  } catch (error) {
    return { kind: "stopped", report: sofar.report, halt: haltOf(error) };
  }
}

// The attempts of a started cycle until it passes, escalates or stops; `sofar` keeps the report for a fault.
async function attemptCycle(
  scope: RunScope,
  lane: Lane,
  started: Cycle,
  sofar: { report: UnitReport },
): Promise<UnitEnd> {
  let cycle = started;
  for (let a = cycle.startAttempt; ;) {
    const end = await runAttempt(scope, lane, cycle, a);
    if (end.kind === "agent_missing")
      return { kind: "stopped", report: sofar.report, halt: end.halt };
    const report = (sofar.report = {
      ...sofar.report,
      attempts: [...sofar.report.attempts, end.report],
    });
    if (end.decision.outcome === "interrupted") {
      const cause = stopCause(scope) ?? { kind: "signal", signal: "SIGTERM" };
      const keyed = { ...cycle, keys: end.keys };
      const halt = await stopUnit(scope, lane, keyed, a, cause);
      return {
        kind: "stopped",
        report: { ...report, result: "interrupted" },
        halt,
      };
    }
    cycle = counted(cycle, end);
    const next = decideNextStep(end.decision, {
      unitId: cycle.unit.id,
      attempt: a,
      max: cycle.max,
      outcomes: cycle.outcomes,
      priorSignature: cycle.priorSignature,
    });
    if (next.action === "done") return passed(scope, cycle, end, a, report);
    if (next.action === "escalate") {
      const reason = end.decision.agentBlockedReason;
      await escalate(scope, lane, cycle, next.escalation, reason);
      return { kind: "escalated", report: { ...report, result: "escalated" } };
    }
    if (next.action === "stop")
      throw new Error(
        `${cycle.unit.id}: only an interrupted attempt stops a cycle`,
      );
    cycle = retried(cycle, end, a, next);
    a = next.nextAttempt;
  }
}

// The cycle after a judged attempt: its keys, and its record and outcome when it counts (D-COST-1, D-EXH-1).
function counted(cycle: Cycle, end: Judged): Cycle {
  if (!end.decision.isCounted) return { ...cycle, keys: end.keys };
  return {
    ...cycle,
    keys: end.keys,
    records: [...cycle.records, end.record],
    outcomes: [...cycle.outcomes, end.decision.outcome],
  };
}

// The cycle going into a retry: the recorded signature, the attempt's history entry and its note (D-PROMPT-5).
function retried(
  cycle: Cycle,
  end: Judged,
  a: number,
  next: Extract<NextStep, { action: "retry" }>,
): Cycle {
  const d = end.decision;
  return {
    ...cycle,
    priorSignature: next.priorSignature,
    history: [
      ...cycle.history,
      {
        attempt: a,
        outcome: d.outcome,
        note: end.note,
        failureClass: d.failure?.failure_class ?? null,
        failureSignature: d.failure?.failure_signature ?? null,
        failureExcerpt: null,
      },
    ],
    lastNote: end.note,
  };
}

// D-PASS-9: `task_completed` settles the staged done (AU-TR-1); the checkpoint goes.
async function passed(
  scope: RunScope,
  cycle: Cycle,
  end: Judged,
  a: number,
  report: UnitReport,
): Promise<UnitEnd> {
  scope.transitions.record(
    {
      correlation_id: cycle.unit.id,
      event_type: "task_completed",
      payload: {
        attempts: a,
        attempts_usage: cycle.records.map((r) => ({ ...r })),
      },
    },
    end.staged ?? undefined,
  );
  await clearCheckpoint(scope);
  return {
    kind: "passed",
    report: { ...report, result: "passed", commit: end.sha },
    remembered: end.remembered,
  };
}
