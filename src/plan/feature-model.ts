import type { FeatureSnapshot } from "../workspace/read-feature.js";
import { joinDisplay } from "../workspace/paths.js";
import {
  parseFrontmatter,
  type Frontmatter,
} from "../yaml/split-frontmatter.js";
import { titleOf } from "./body.js";
import { numericValue } from "./numeric-value.js";
import { isAutoCloseDisabled } from "./plan-flags.js";
import { toPlanGraph, type PlanGraph } from "./plan-graph.js";
import { typeDefaults } from "./vocabulary.js";

/** A work unit as the driver, `status` and `arm` see it (driver.md D-LOAD-2, D-LOAD-3). */
export interface UnitModel {
  id: string;
  /** Path relative to the feature folder, as the graph wrote it. */
  file: string;
  /** Repo-relative display path. */
  path: string;
  gate: number;
  dependsOn: string[];
  /** Position in graph order across all gates. */
  order: number;
  exists: boolean;
  fm: Frontmatter | null;
  data: Record<string, unknown>;
  body: string;
  title: string;
  type: string;
  status: string;
  attempts: number;
  model: string;
  effort: string;
  /** Verification set of the type (D-LOAD-3). */
  set: string;
  commitPrefix: string;
  unsandboxed: boolean;
  rationale: string | null;
  produces: string[];
  extraGates: string[];
  verdict: string | null;
  plannedCost: number | null;
  reArmCount: number;
  lastReArmReason: string;
  timeoutMinutes: number | null;
  maxAttempts: number | null;
  costUsd: number | null;
  durationSeconds: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  autoClose: boolean;
}

/** A gate with its file state. */
export interface GateModel {
  number: number;
  file: string;
  path: string;
  exists: boolean;
  /** `open` when the file or key is absent (F-GATE-2). */
  status: string;
  /** The raw `cost_budget_usd` value, if present. */
  budgetRaw: unknown;
  hasBudget: boolean;
  isTerminal: boolean;
  units: UnitModel[];
}

/** One feature, loaded for the driver and the operator commands. */
export interface FeatureModel {
  dir: string;
  absDir: string;
  featureId: string;
  plan: Record<string, unknown>;
  planStatus: string | null;
  title: string;
  roadmapGoal: string;
  branch: string | null;
  isAutoCloseDisabled: boolean;
  graph: PlanGraph;
  gates: GateModel[];
  units: Map<string, UnitModel>;
}

const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;
const str = (v: unknown): string | null =>
  typeof v === "string" && v !== "" ? v : null;
const list = (v: unknown): string[] =>
  typeof v === "string"
    ? [v]
    : Array.isArray(v)
      ? v.filter((x): x is string => typeof x === "string")
      : [];

// A planned cost read with N(v) of lint.md L-DEF-5, so status shows what lint checks; null when absent or invalid.
function plannedCostOf(v: unknown): number | null {
  const n = numericValue(v);
  return n.kind === "number" ? n.value : null;
}

// Builds the unit model from its frontmatter and body, applying every per-type default. The fields are
// written out, not spread from `ref`: V8 (Node 20) adds each property after a leading spread through a slow
// path, which cost ~70 µs a unit here (~150 ms for 2,000 units).
export function toUnitModel(
  ref: { id: string; file: string; gate: number; dependsOn: string[] },
  path: string,
  order: number,
  text: string | null,
): UnitModel {
  const fm = text === null ? null : parseFrontmatter(text);
  const data = fm?.state === "ok" ? fm.data : {};
  const type = str(data.type) ?? "implementation";
  const defaults = typeDefaults(type);
  const history = Array.isArray(data.re_arm_history) ? data.re_arm_history : [];
  const last: unknown = history[history.length - 1];
  const lastReason =
    last !== null &&
    typeof last === "object" &&
    typeof (last as { reason?: unknown }).reason === "string"
      ? (last as { reason: string }).reason
      : "";
  const commitType = str(data.commit_type);
  // Fields listed one by one: an object spread followed by thirty properties costs V8 ~75 µs per unit
  // (0.7 s for 10,000 units); a plain literal costs next to nothing.
  return {
    id: ref.id,
    file: ref.file,
    gate: ref.gate,
    dependsOn: ref.dependsOn,
    path,
    order,
    exists: text !== null,
    fm,
    data,
    body: fm?.body.trim() ?? "",
    title: titleOf(fm?.body ?? "", ref.id),
    type,
    status: str(data.status) ?? "pending",
    attempts: Number.isInteger(data.attempts) ? (data.attempts as number) : 0,
    model: str(data.model) ?? defaults.model,
    effort: str(data.effort) ?? defaults.effort,
    set: defaults.set,
    commitPrefix: commitType ?? defaults.prefix,
    unsandboxed: data.unsandboxed === true,
    rationale: str(data.unsandboxed_rationale),
    produces: list(data.produces),
    extraGates: list(data.extra_gates),
    verdict: str(data.verdict),
    plannedCost: plannedCostOf(data.planned_cost_usd),
    reArmCount: Number.isInteger(data.re_arm_count)
      ? (data.re_arm_count as number)
      : 0,
    lastReArmReason: lastReason,
    timeoutMinutes: num(data.timeout_minutes),
    maxAttempts: Number.isInteger(data.max_attempts)
      ? (data.max_attempts as number)
      : null,
    costUsd: num(data.cost_usd),
    durationSeconds: num(data.duration_seconds),
    inputTokens: num(data.input_tokens),
    outputTokens: num(data.output_tokens),
    autoClose: data.auto_close === true,
  };
}

// Loads the typed feature from a snapshot whose PLAN parsed with a graph; null otherwise.
export function loadFeatureModel(
  snapshot: FeatureSnapshot,
  folderName: string,
): FeatureModel | null {
  const planDoc = snapshot.planDoc;
  if (planDoc?.graph === null || planDoc === null) return null;
  const plan = planDoc.fm.state === "ok" ? planDoc.fm.data : {};
  const graph = toPlanGraph(planDoc.graph);
  const textOf = (file: string): string | null => {
    const read = snapshot.files.get(joinDisplay(snapshot.dir, file));
    return read?.kind === "file" ? read.text : null;
  };
  const units = new Map<string, UnitModel>();
  let order = 0;
  const gates: GateModel[] = graph.gates.map((g) => {
    const gateText = textOf(g.file);
    const gateFm = gateText === null ? null : parseFrontmatter(gateText);
    const gateData = gateFm?.state === "ok" ? gateFm.data : {};
    const gateUnits = g.units.map((u) => {
      const model = toUnitModel(
        u,
        joinDisplay(snapshot.dir, u.file),
        order++,
        textOf(u.file),
      );
      units.set(u.id, model);
      return model;
    });
    return {
      number: g.number,
      file: g.file,
      path: joinDisplay(snapshot.dir, g.file),
      exists: gateText !== null,
      status: str(gateData.status) ?? "open",
      budgetRaw: gateData.cost_budget_usd,
      hasBudget: Object.hasOwn(gateData, "cost_budget_usd"),
      isTerminal: g.isTerminal,
      units: gateUnits,
    };
  });
  return {
    dir: snapshot.dir,
    absDir: snapshot.absDir,
    featureId: str(plan.feature_id) ?? folderName,
    plan,
    planStatus: str(plan.status),
    title: str(plan.title) ?? folderName,
    roadmapGoal: str(plan.roadmap_goal) ?? "",
    branch: str(plan.branch),
    isAutoCloseDisabled: isAutoCloseDisabled(plan),
    graph,
    gates,
    units,
  };
}

// The current gate (D-GATE-1): the first gate in list order whose status is not `passed`; null when all passed.
export function currentGate(model: FeatureModel): GateModel | null {
  if (isFeatureComplete(model)) return null;
  return model.gates.find((g) => g.status !== "passed") ?? null;
}

// Whether the feature is complete: every gate up to the terminal gate is `passed` (spec README resolved point 3).
export function isFeatureComplete(model: FeatureModel): boolean {
  const terminal = model.graph.terminalGate;
  const upTo =
    terminal === null
      ? model.gates
      : model.gates.slice(
          0,
          model.gates.findIndex((g) => g.number === terminal) + 1,
        );
  return upTo.every((g) => g.status === "passed");
}
