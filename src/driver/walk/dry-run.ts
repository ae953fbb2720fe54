import type {
  FeatureModel,
  GateModel,
  UnitModel,
} from "../../plan/feature-model.js";
import type { Config, Verification } from "../../types/config.js";
import { planGates } from "../../verify/plan-gates.js";
import { createWalk, type WalkInput } from "./scheduler.js";

/** One unit the dry run would handle, in dispatch order (driver D-DRY-3). */
export interface DryUnit {
  order: number;
  id: string;
  type: string;
  status: string;
  model: string;
  effort: string;
  timeout_minutes: number;
  action: "dispatch" | "auto_close_candidate";
  verification: Array<{
    set: string;
    name: string;
    command: string;
    timeout_seconds: number;
  }>;
}

/** The simulated walk (driver D-DRY-1, D-DRY-3). */
export interface DryRun {
  units: DryUnit[];
  not_dispatchable: Array<{ id: string; status: string; reason: string }>;
  predicted_end_state:
    | "gate_awaiting_review"
    | "feature_ready_to_wrap"
    | "halted_blocked"
    | "drafts_not_armed"
    | "feature_complete"
    | "nothing_to_do";
  warnings: string[];
}

/** What the simulation reads besides the feature. */
export interface DryRunInput {
  model: FeatureModel;
  gate: GateModel;
  verification: Verification;
  config: Config;
  cliTimeoutMinutes: number | undefined;
  isForceFullClose: boolean;
  /** A live driver holds the lock: its in_progress unit is assumed to pass (D-DRY-1). */
  isLockHeldByLiveDriver: boolean;
}

// Simulates the walk on the scheduler, assuming every frontier unit passes; writes nothing (D-DRY-1).
export function simulateWalk(input: DryRunInput): DryRun {
  const { model, gate } = input;
  let walk = createWalk(walkInputOf(model, gate, input.isLockHeldByLiveDriver));
  const units: DryUnit[] = [];
  const warnings: string[] = [];
  for (let batch = walk.ready(); batch.length > 0; batch = walk.ready()) {
    for (const id of batch) {
      const unit = model.units.get(id);
      if (unit === undefined) continue;
      units.push(dryUnit(input, unit, units.length + 1, warnings));
      walk = walk.start(id).complete(id, "done");
    }
  }
  const reasons = walk.view().unreachable.map((r) => ({
    id: r.id,
    status: r.status,
    reason:
      r.status === "in_progress" && r.reason.startsWith("not dispatched")
        ? "interrupted attempt: recovered and dispatched again by a real run"
        : r.reason,
  }));
  return {
    units,
    not_dispatchable: reasons,
    predicted_end_state: predictEnd(gate, units, reasons),
    warnings,
  };
}

// The walk's start as the dry run sees it: a live driver's in_progress unit counts as passed (D-DRY-1).
function walkInputOf(
  model: FeatureModel,
  gate: GateModel,
  isLockHeldByLiveDriver: boolean,
): WalkInput {
  const status = new Map<string, string>();
  for (const u of model.units.values()) status.set(u.id, u.status);
  if (isLockHeldByLiveDriver)
    for (const u of gate.units)
      if (u.status === "in_progress") status.set(u.id, "done");
  return {
    units: gate.units,
    status,
    inScope: new Set(
      model.gates
        .filter((g) => g.number <= gate.number)
        .flatMap((g) => g.units.map((u) => u.id)),
    ),
  };
}

function dryUnit(
  input: DryRunInput,
  unit: UnitModel,
  order: number,
  warnings: string[],
): DryUnit {
  const isCandidate =
    !input.isForceFullClose &&
    !input.model.isAutoCloseDisabled &&
    (unit.type === "close-intermediate" ||
      (unit.type === "close" &&
        input.gate.isTerminal &&
        unit.verdict === null));
  const plan = planGates(
    input.verification,
    unit.type,
    unit.extraGates,
    input.model.dir,
  );
  if (!plan.ok && !isCandidate)
    warnings.push(
      `${unit.id}: verification set ${plan.setName} is ${plan.problem}`,
    );
  return {
    order,
    id: unit.id,
    type: unit.type,
    status: unit.status,
    model: unit.model,
    effort: unit.effort,
    timeout_minutes:
      unit.timeoutMinutes ??
      input.cliTimeoutMinutes ??
      input.config.agent.timeout_minutes,
    action: isCandidate ? "auto_close_candidate" : "dispatch",
    verification:
      isCandidate || !plan.ok
        ? []
        : plan.gates.map((g) => ({
            set: g.setName,
            name: g.name,
            command: g.command,
            timeout_seconds: g.timeoutSeconds,
          })),
  };
}

function predictEnd(
  gate: GateModel,
  units: DryUnit[],
  blocked: DryRun["not_dispatchable"],
): DryRun["predicted_end_state"] {
  if (gate.units.some((u) => u.status === "draft")) return "drafts_not_armed";
  if (blocked.some((b) => b.status !== "in_progress")) return "halted_blocked";
  if (gate.status === "awaiting_review" && units.length === 0)
    return "nothing_to_do";
  if (gate.isTerminal && gate.units.some((u) => u.type === "close"))
    return "feature_ready_to_wrap";
  return "gate_awaiting_review";
}

// The text walk of D-DRY-2: header, one line per unit, the undispatchable units, the predicted end state.
export function renderDryRun(
  model: FeatureModel,
  gate: GateModel,
  dry: DryRun,
  lockHolder: string | null,
): string[] {
  const lines = [
    `specfuse run --dry-run: ${model.featureId} gate ${gate.number} (${gate.status}${gate.isTerminal ? ", terminal" : ""}), ${gate.units.length} units, branch ${model.branch ?? "(none)"}`,
    "nothing is written, no lock is taken, no agent runs",
  ];
  if (lockHolder !== null)
    lines.push(
      `a live driver holds the lock: ${lockHolder}; its in_progress unit is assumed to pass`,
    );
  if (dry.units.length === 0) lines.push("no unit would be dispatched");
  for (const u of dry.units) {
    lines.push(
      `  ${u.order}. ${u.id} [${u.type}] model=${u.model} effort=${u.effort} timeout=${u.timeout_minutes}m`,
    );
    if (u.action === "auto_close_candidate")
      lines.push("     auto-close candidate (decided at run time)");
    else {
      const bySet = new Map<string, string[]>();
      for (const v of u.verification)
        bySet.set(v.set, [...(bySet.get(v.set) ?? []), v.name]);
      const text = [...bySet]
        .map(([set, names]) => `${set}: ${names.join(", ")}`)
        .join("; ");
      lines.push(
        `     would dispatch; verification: ${text === "" ? "(none)" : text}`,
      );
    }
  }
  if (dry.not_dispatchable.length > 0) {
    lines.push("not dispatchable:");
    for (const n of dry.not_dispatchable)
      lines.push(`  ${n.id} (${n.status}): ${n.reason}`);
  }
  for (const w of dry.warnings) lines.push(`warning: ${w}`);
  lines.push(`predicted end state: ${dry.predicted_end_state}`);
  return lines;
}

// The `specfuse.dry-run/1` body (D-DRY-3).
export function dryRunBody(
  model: FeatureModel,
  gate: GateModel,
  dry: DryRun,
  lockHolder: Record<string, unknown> | null,
): Record<string, unknown> {
  return {
    feature: {
      id: model.featureId,
      dir: model.dir,
      plan_status: model.planStatus,
      branch: model.branch,
    },
    gate: {
      number: gate.number,
      status: gate.status,
      file: gate.path,
      terminal: gate.isTerminal,
    },
    units: dry.units,
    not_dispatchable: dry.not_dispatchable,
    predicted_end_state: dry.predicted_end_state,
    lock_holder: lockHolder,
    warnings: dry.warnings,
  };
}
