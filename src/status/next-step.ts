import {
  isFeatureComplete,
  type FeatureModel,
  type GateModel,
} from "../plan/feature-model.js";
import type { UnitStateInfo } from "./unit-states.js";

/** What the next-step hint needs to know besides the feature itself. */
export interface NextStepFacts {
  /** The folder name, for `--feature`. */
  name: string;
  /** The folder's display path, for `specfuse lint`. */
  dir: string;
  /** The feature is the single active one: commands need no `--feature`. */
  isDefault: boolean;
  /** The PLAN could not be read, or a file does not parse: `file:line: message`. */
  problem: string | null;
  /** A live process holds the lock for this feature. */
  lockHolder: { pid: number; command: string } | null;
  /** This feature has a `work/run-state.json` checkpoint. */
  hasCheckpoint: boolean;
  states: ReadonlyMap<string, UnitStateInfo>;
  currentGate: GateModel | null;
}

const UNBLOCK_REASON = '"<what changed>"';

// The single next command for a feature (driver §32 D-STAT-1), derived from its state; pure.
export function nextStep(model: FeatureModel | null, f: NextStepFacts): string {
  const flag = f.isDefault ? "" : ` --feature ${f.name}`;
  if (f.problem !== null)
    return `fix ${f.problem}   (\`specfuse lint ${f.dir}\` explains it)`;
  if (model === null) return `fix the feature's PLAN.md`;
  if (f.lockHolder !== null)
    return `wait: specfuse ${f.lockHolder.command} (pid ${f.lockHolder.pid}) is working on this feature`;
  if (f.hasCheckpoint)
    return `specfuse run${flag}   (recovers the interrupted attempt)`;
  const plan = model.planStatus;
  if (plan === "abandoned") return "nothing: the feature is abandoned";
  if (plan === "deferred" || plan === "blocked")
    return `nothing while it is ${plan}: set \`status: active\` in its PLAN.md to resume`;
  if (plan === "done" || plan === "complete")
    return model.branch === null
      ? "open a pull request for the feature's branch"
      : `specfuse pr${flag}   (pushes ${model.branch} and opens its pull request)`;
  if (isFeatureComplete(model))
    return plan === "active"
      ? `specfuse run${flag}   (records that every gate passed)`
      : "nothing: every gate passed";
  const gate = f.currentGate;
  if (gate === null) return `specfuse run${flag}`;
  return gateStep(model, gate, f, flag);
}

function gateStep(
  model: FeatureModel,
  gate: GateModel,
  f: NextStepFacts,
  flag: string,
): string {
  const n = gate.number;
  const state = (id: string) => f.states.get(id)?.state;
  const units = gate.units;
  if (units.some((u) => u.status === "draft"))
    return model.planStatus === "planned"
      ? `specfuse arm${flag}   (activates the feature and arms gate ${n} after you review its drafts)`
      : `specfuse arm --gate ${n}${flag}   (after you review the gate ${n} drafts)`;
  const blocked = units.find((u) => u.status === "blocked_human");
  if (blocked !== undefined)
    return `specfuse unblock ${blocked.id} --reason ${UNBLOCK_REASON}   (after fixing the cause)`;
  if (units.some((u) => state(u.id) === "running"))
    return `specfuse run${flag}   (recovers the interrupted unit)`;
  const isFinished = units.every(
    (u) => u.status === "done" || u.status === "abandoned",
  );
  if (gate.status === "awaiting_review" && isFinished) {
    const next = model.gates[model.gates.indexOf(gate) + 1];
    if (next === undefined || next.units.length === 0)
      return `specfuse arm${flag}   (accepts the terminal gate ${n})`;
    const review = next.units.some((u) => u.status === "draft")
      ? `review the gate ${next.number} drafts, then `
      : "";
    return `specfuse arm${flag}   (${review}accepts gate ${n}, arms gate ${next.number})`;
  }
  if (units.some((u) => state(u.id) === "ready" || state(u.id) === "waiting"))
    return `specfuse run${flag}`;
  const stuck = units.find((u) => state(u.id) === "blocked");
  if (stuck !== undefined)
    return `resolve ${stuck.id}: ${f.states.get(stuck.id)?.reason ?? "blocked"}`;
  const review = units.find((u) => u.status === "in_review");
  if (review !== undefined)
    return `finish ${review.id} by hand and set its status to done`;
  return `specfuse run${flag}   (completes gate ${n})`;
}
