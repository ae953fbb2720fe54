import { SpecfuseError } from "../errors/specfuse-error.js";
import type { GateModel, UnitModel } from "../plan/feature-model.js";
import { problemError } from "./feature-problems.js";
import type { LoadedFeature } from "./load-feature.js";
import { resolveUnitRef } from "./resolve-unit.js";

/** A unit found by reference, with its gate and its model. */
export interface TargetUnit {
  unit: UnitModel;
  gate: GateModel;
}

// Finds `<wu>` in a loaded feature: the PLAN must parse (65), the id must resolve (64), and its file must read (65).
export function targetUnit(f: LoadedFeature, ref: string): TargetUnit {
  const model = f.model;
  const planProblem = f.problems.find(
    (p) => p.file === `${f.summary.dir}/PLAN.md`,
  );
  if (model === null || planProblem !== undefined) {
    if (planProblem !== undefined) throw problemError(planProblem);
    throw new SpecfuseError({
      code: "graph_missing",
      message: `${f.summary.dir}/PLAN.md has no task graph`,
      file: `${f.summary.dir}/PLAN.md`,
    });
  }
  const id = resolveUnitRef([...model.units.keys()], ref, model.featureId);
  const unit = model.units.get(id);
  const gate = model.gates.find((g) => g.number === unit?.gate);
  if (unit === undefined || gate === undefined)
    throw new SpecfuseError({
      code: "wu_not_found",
      message: `no unit "${ref}" in ${model.featureId}`,
    });
  // A file that exists but cannot be read (permissions, not UTF-8, a directory) says so; only a missing one "does not exist".
  const bad = f.problems.find((p) => p.file === unit.path);
  if (bad !== undefined)
    throw problemError(
      bad,
      bad.line === null
        ? `make ${unit.path} a readable UTF-8 file (check its permissions), or fix ${id}'s file in PLAN.md's task graph`
        : undefined,
    );
  if (!unit.exists)
    throw new SpecfuseError({
      code: "wu_file_missing",
      message: `${unit.path} does not exist`,
      file: unit.path,
      hint: `restore the file, or fix ${id}'s file in PLAN.md's task graph`,
    });
  return { unit, gate };
}
