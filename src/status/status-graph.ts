import { SpecfuseError } from "../errors/specfuse-error.js";
import { currentGate } from "../plan/feature-model.js";
import { problemError } from "../operator/feature-problems.js";
import type { LoadedFeature } from "../operator/load-feature.js";
import { shortId } from "./render-status.js";
import {
  gateGraph,
  renderDot,
  renderMermaid,
  type GraphUnit,
} from "./render-graph.js";

// The `--graph` output for one feature: its current gate (or the last gate with units once all passed).
export function featureGraph(
  f: LoadedFeature,
  kind: "mermaid" | "dot",
): string {
  const model = f.model;
  const first = f.problems[0];
  if (model === null) {
    if (first !== undefined) throw problemError(first);
    throw new SpecfuseError({
      code: "graph_missing",
      message: `${f.summary.dir}/PLAN.md has no task graph`,
      file: `${f.summary.dir}/PLAN.md`,
    });
  }
  const gate =
    currentGate(model) ??
    [...model.gates].reverse().find((g) => g.units.length > 0) ??
    null;
  if (gate === null)
    throw new SpecfuseError({
      code: "graph_missing",
      message: `${model.featureId}: the task graph has no gate with units`,
      file: `${f.summary.dir}/PLAN.md`,
      hint: "add work units to a gate of the task graph",
    });
  const asGraphUnit = (id: string): GraphUnit | undefined => {
    const u = model.units.get(id);
    return u === undefined
      ? undefined
      : {
          id: u.id,
          label: shortId(u.id, model.featureId),
          type: u.type,
          status: u.exists ? u.status : "missing",
          dependsOn: u.dependsOn,
        };
  };
  const units = gate.units
    .map((u) => asGraphUnit(u.id))
    .filter((u): u is GraphUnit => u !== undefined);
  const graph = gateGraph(
    `${model.featureId} gate ${gate.number}`,
    units,
    asGraphUnit,
  );
  return kind === "mermaid" ? renderMermaid(graph) : renderDot(graph);
}
