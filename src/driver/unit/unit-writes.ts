import type { UnitModel } from "../../plan/feature-model.js";
import type { StepEvent } from "../../transitions/change.js";
import type { AppliedStep } from "../../transitions/transitions.js";
import type { FrontmatterValue } from "../../yaml/format-yaml-value.js";
import type { Lane } from "../scope/lane.js";
import type { RunScope } from "../scope/run-scope.js";
import { withStatus, withKeys, type DriverKeys } from "./driver-keys.js";

/** Keys written with a status, in order. */
export type KeyChanges = ReadonlyArray<readonly [string, FrontmatterValue]>;

/** One status step of a cycle's unit: its status, the keys written with it, and its event. */
export interface UnitStep {
  unit: Pick<UnitModel, "id" | "path">;
  to: string;
  keys?: KeyChanges;
  event?: StepEvent | null;
}

// Writes a unit's status step through the transition service (in the main checkout), mirrors the keys into
// the lane's checkout when that is another one (parallel.md P-ATT-2), and returns the keys to remember.
export async function writeUnitStep(
  scope: Pick<RunScope, "root" | "transitions">,
  lane: Pick<Lane, "cwd">,
  keys: DriverKeys,
  step: UnitStep,
): Promise<DriverKeys> {
  return (await applyUnitStep(scope, lane, keys, step)).keys;
}

// As writeUnitStep, also returning what the service applied (the changes, the event line).
export async function applyUnitStep(
  scope: Pick<RunScope, "root" | "transitions">,
  lane: Pick<Lane, "cwd">,
  keys: DriverKeys,
  step: UnitStep,
): Promise<{ keys: DriverKeys; applied: AppliedStep }> {
  const extra = step.keys ?? [];
  const applied = await scope.transitions.apply({
    writes: [
      {
        entity: "unit",
        id: step.unit.id,
        file: step.unit.path,
        to: step.to,
        keys: extra,
      },
    ],
    event: step.event ?? null,
  });
  const next = withStatus(keys, step.to, extra);
  await mirrorKeys(scope, lane, step.unit, next);
  return { keys: next, applied };
}

// Writes keys that are not `status` (the re-arm fold) and remembers them.
export async function writeUnitKeys(
  scope: Pick<RunScope, "root" | "transitions">,
  lane: Pick<Lane, "cwd">,
  keys: DriverKeys,
  unit: Pick<UnitModel, "path">,
  changes: KeyChanges,
): Promise<DriverKeys> {
  await scope.transitions.writeKeys(unit.path, changes);
  const next = withKeys(keys, changes);
  await mirrorKeys(scope, lane, unit, next);
  return next;
}

// Re-applies the remembered keys in the lane after a restore (D-GIT-9 step 6); not a transition (AU-TR-1).
export async function reapplyKeys(
  scope: Pick<RunScope, "transitions">,
  lane: Pick<Lane, "cwd">,
  unit: Pick<UnitModel, "path">,
  keys: DriverKeys,
): Promise<void> {
  await scope.transitions.reapply(unit.path, keys, { root: lane.cwd });
}

async function mirrorKeys(
  scope: Pick<RunScope, "root" | "transitions">,
  lane: Pick<Lane, "cwd">,
  unit: Pick<UnitModel, "path">,
  keys: DriverKeys,
): Promise<void> {
  if (lane.cwd !== scope.root) await reapplyKeys(scope, lane, unit, keys);
}
