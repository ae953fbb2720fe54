import type { UnitModel } from "../../plan/feature-model.js";
import { formatClock } from "../../output/format-elapsed.js";
import type { RememberedClose } from "../close/after-pass.js";
import { tryAutoClose, type PreDispatch } from "../close/apply-auto-close.js";
import { haltOf, type Halt } from "../end/ending.js";
import type { UnitReport } from "../end/run-body.js";
import { unitLine } from "../narrate.js";
import type { Lane } from "../scope/lane.js";
import { say, stopCause, type RunScope } from "../scope/run-scope.js";
import { runUnit, type UnitEnd } from "../unit/run-unit.js";
import { applyBrake } from "./apply-brake.js";
import {
  createWalk,
  type UnitResult,
  type Walk,
  type WalkInput,
} from "./scheduler.js";

/** What the walk did, whatever its ending (driver §7, D-END-1). */
export interface Walked {
  walk: Walk;
  /** The report of every unit dispatched or auto-closed, in walk order (D-CLI-4). */
  units: readonly UnitReport[];
  /** Units escalated this run, recovery included (D-END-1 row 1). */
  escalated: readonly string[];
  /** The close unit for the terminal flips (D-PASS-7, D-AC-7). */
  remembered: RememberedClose | null;
  /** Something was dispatched or auto-closed (D-END-1 row 3). */
  hasProgress: boolean;
  /** The gate's status when the walk ended. */
  gateStatus: string;
}

/** How the walk ended: it ran out of ready units, or a stop, the brake or a fault ended it early. */
export type WalkEnd =
  | { kind: "walked"; walked: Walked }
  | { kind: "stopped"; walked: Walked; halt: Halt };

// Walks the current gate one unit at a time (driver §7, §8): each batch of ready units, in order, then the next.
export async function walkGate(
  scope: RunScope,
  lane: Lane,
  recovered: { escalated: readonly string[] },
): Promise<WalkEnd> {
  const wasAwaiting = scope.gate.status === "awaiting_review";
  let walked: Walked = {
    walk: createWalk(walkInputOf(scope)),
    units: [],
    escalated: recovered.escalated,
    remembered: null,
    hasProgress: false,
    gateStatus: scope.gate.status,
  };
  for (
    let batch = walked.walk.ready();
    batch.length > 0;
    batch = walked.walk.ready()
  ) {
    for (const id of batch) {
      const unit = scope.model.units.get(id);
      if (unit === undefined) continue;
      const halt = await beforeUnit(scope, walked, wasAwaiting, id);
      if (halt !== null) {
        const gateStatus =
          halt.code === "halted_budget" ? "awaiting_review" : walked.gateStatus;
        return { kind: "stopped", walked: { ...walked, gateStatus }, halt };
      }
      walked = { ...walked, walk: walked.walk.start(id) };
      const taken = await takeUnit(scope, lane, unit);
      walked = folded(walked, id, taken);
      if (taken.halt !== null)
        return { kind: "stopped", walked, halt: taken.halt };
    }
  }
  return { kind: "walked", walked };
}

/** How one unit went, for the walk. */
interface Taken {
  result: UnitResult;
  /** Its `--json` entry; null for a close unit found already auto-closed (D-AC-4). */
  report: UnitReport | null;
  remembered: RememberedClose | null;
  isEscalated: boolean;
  /** Dispatched or auto-closed: the run made progress (D-END-1). */
  isProgress: boolean;
  halt: Halt | null;
}

// One unit: its line, then auto-close (D-PRE-3/4) or its dispatch cycle in the lane.
async function takeUnit(
  scope: RunScope,
  lane: Lane,
  unit: UnitModel,
): Promise<Taken> {
  say(scope, unitLine(formatClock(scope.ctx.now()), unit));
  const quiet = { remembered: null, isEscalated: false, halt: null };
  let pre: PreDispatch;
  try {
    pre = await tryAutoClose(scope, unit);
  } catch (error) {
    const halt = haltOf(error);
    return {
      ...quiet,
      result: "blocked_human",
      report: null,
      isProgress: false,
      halt,
    };
  }
  if (pre.kind === "already_done")
    return { ...quiet, result: "done", report: null, isProgress: false };
  if (pre.kind === "auto_closed")
    return {
      ...quiet,
      result: "done",
      report: {
        id: unit.id,
        type: unit.type,
        result: "auto_closed",
        commit: null,
        attempts: [],
      },
      remembered: pre.remembered,
      isProgress: true,
    };
  const end: UnitEnd = await runUnit(scope, lane, unit);
  return {
    result: end.kind === "passed" ? "done" : "blocked_human",
    report: end.report,
    remembered: end.kind === "passed" ? end.remembered : null,
    isEscalated: end.kind === "escalated",
    isProgress: true,
    halt: end.kind === "stopped" ? end.halt : null,
  };
}

// Before each dispatch: a pending stop (D-SIGNAL-3), then the budget brake unless the gate awaits review (D-PRE-1).
async function beforeUnit(
  scope: RunScope,
  walked: Walked,
  wasAwaiting: boolean,
  id: string,
): Promise<Halt | null> {
  try {
    return (
      betweenUnits(scope) ??
      (wasAwaiting ? null : await applyBrake(scope, walked.gateStatus, id))
    );
  } catch (error) {
    return haltOf(error);
  }
}

// The walk after a unit ended (pure): the scheduler learns the result, the reports grow.
function folded(walked: Walked, id: string, taken: Taken): Walked {
  return {
    ...walked,
    walk: walked.walk.complete(id, taken.result),
    units:
      taken.report === null ? walked.units : [...walked.units, taken.report],
    escalated: taken.isEscalated ? [...walked.escalated, id] : walked.escalated,
    remembered: taken.remembered ?? walked.remembered,
    hasProgress: walked.hasProgress || taken.isProgress,
  };
}

// A stop between units (D-SIGNAL-3, D-LOCK-5): `run_aborted`, then the run ends; the run-end commit follows at the edge.
function betweenUnits(scope: RunScope): Halt | null {
  const cause = stopCause(scope);
  if (cause === null) return null;
  if (cause.kind === "lock_compromised") {
    scope.transitions.record({
      correlation_id: scope.feature.id,
      event_type: "run_aborted",
      payload: { reason: "lock_compromised" },
    });
    return {
      code: "lock_compromised",
      message: "the run lost its lock between units",
      hint: "check `specfuse status`, then run `specfuse run` again",
    };
  }
  const signal = cause.kind === "signal" ? cause.signal : "SIGTERM";
  scope.transitions.record({
    correlation_id: scope.feature.id,
    event_type: "run_aborted",
    payload: { reason: "signal", signal },
  });
  return {
    code: "interrupted",
    message: `stopped by ${signal} between units`,
    hint: "run `specfuse run` to continue",
  };
}

// The walk's start (D-WALK-1): every unit's status on disk; the current and earlier gates seed the done-set.
function walkInputOf(scope: RunScope): WalkInput {
  const { model, gate } = scope;
  return {
    units: gate.units,
    status: new Map([...model.units.values()].map((u) => [u.id, u.status])),
    inScope: new Set(
      model.gates
        .filter((g) => g.number <= gate.number)
        .flatMap((g) => g.units.map((u) => u.id)),
    ),
  };
}
