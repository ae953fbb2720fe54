import type { ErrorCode } from "../errors/codes.js";
import { gateSpent } from "../driver/walk/budget-brake.js";
import type { RunState } from "../driver/attempt/run-state.js";
import type { LockState } from "../lock/read-lock-state.js";
import {
  currentGate,
  type GateModel,
  type UnitModel,
} from "../plan/feature-model.js";
import type { FeatureProblem } from "../operator/feature-problems.js";
import { formatProblem } from "../operator/feature-problems.js";
import type { LoadedFeature } from "../operator/load-feature.js";
import { roundTo } from "../yaml/format-number.js";
import { nextStep } from "./next-step.js";
import type { ScaffoldInfo } from "./scaffold-drift.js";
import { unitStates, type UnitState } from "./unit-states.js";

/** One unit in the `specfuse.status/1` body (cli.md §10). */
export interface UnitStatus {
  id: string;
  file: string;
  type: string;
  status: string;
  attempts: number;
  model: string;
  effort: string;
  depends_on: string[];
  cost_usd: number | null;
  cumulative_cost_usd: number | null;
  planned_cost_usd: number | null;
  duration_seconds: number | null;
  cumulative_duration_seconds: number | null;
  re_arm_count: number;
  /** Where it stands: ready, running, waiting, blocked, … */
  state: UnitState;
  /** Why it is waiting or blocked, or null. */
  reason: string | null;
}

/** One gate in the body. */
export interface GateStatus {
  number: number;
  file: string;
  status: string;
  cost_budget_usd: number | null;
  /** The sum of `cost_usd` over the gate's done units (what the budget brake compares, D-BUDGET-1). */
  spent_usd: number;
  is_terminal: boolean;
  units: UnitStatus[];
}

/** A problem as JSON. */
export interface ProblemStatus {
  /** A stable code of exit class 65. */
  code: ErrorCode;
  file: string;
  line: number | null;
  message: string;
}

/** One feature in the body. */
export interface FeatureStatus {
  id: string;
  dir: string;
  title: string | null;
  status: string | null;
  branch: string | null;
  current_gate: number | null;
  next_step: string;
  problems: ProblemStatus[];
  gates: GateStatus[];
  /** Sums over every unit: all cycles' cost and time, the unit count and how many are done. */
  totals: {
    cost_usd: number;
    duration_seconds: number;
    units: number;
    done: number;
  };
}

/** The lock block of the body. */
export interface LockStatus {
  held: boolean;
  /** free, held, dead (holder gone) or stale. */
  state: LockState["state"];
  pid: number | null;
  host: string | null;
  started_at: string | null;
  feature: string | null;
  command: string | null;
}

/** The checkpoint block: the interrupted cycle a `work/run-state.json` records. */
export interface CheckpointStatus {
  feature_dir: string;
  wu_id: string;
  gate: number;
  attempt: number;
  max_attempts: number;
  pid: number;
  host: string;
  started_at: string;
}

/** The `specfuse.status/1` body (cli.md §10), plus workspace-level problems. */
export interface StatusBody {
  scaffold: ScaffoldInfo;
  lock: LockStatus;
  checkpoint: CheckpointStatus | null;
  /** Files outside any feature that do not parse (VERSION, run-state.json). */
  problems: ProblemStatus[];
  features: FeatureStatus[];
}

/** Everything `status` gathered, read once. */
export interface StatusInputs {
  scaffold: ScaffoldInfo;
  lock: LockState;
  checkpoints: ReadonlyArray<{ featureDir: string; state: RunState }>;
  workspaceProblems: readonly FeatureProblem[];
  features: readonly LoadedFeature[];
  /** The folder name of the single active feature, if there is exactly one. */
  defaultFeature: string | null;
}

// Builds the status body from what was gathered (driver §32 D-STAT-1, cli.md §10); pure.
export function buildStatus(input: StatusInputs): StatusBody {
  const holder = input.lock.holder;
  const isHeld = input.lock.state === "held";
  const first = input.checkpoints[0];
  return {
    scaffold: input.scaffold,
    lock: {
      held: isHeld,
      state: input.lock.state,
      pid: holder?.pid ?? null,
      host: holder?.host ?? null,
      started_at: holder?.started_at ?? null,
      feature: holder?.feature ?? null,
      command: holder?.command ?? null,
    },
    checkpoint:
      first === undefined ? null : checkpointOf(first.featureDir, first.state),
    problems: input.workspaceProblems.map(problemJson),
    features: input.features.map((f) => featureStatus(f, input)),
  };
}

function featureStatus(f: LoadedFeature, input: StatusInputs): FeatureStatus {
  const model = f.model;
  const gate = model === null ? null : currentGate(model);
  const states =
    model === null ? new Map() : unitStates(model, gate?.number ?? null);
  const holder = input.lock.holder;
  const isMine =
    input.lock.state === "held" &&
    holder !== null &&
    model !== null &&
    holder.feature === model.featureId;
  const first = f.problems[0];
  const gates =
    model === null ? [] : model.gates.map((g) => gateStatus(g, states));
  const units = gates.flatMap((g) => g.units);
  return {
    id: model?.featureId ?? f.summary.featureId,
    dir: f.summary.dir,
    title: model?.title ?? f.summary.title,
    status: model?.planStatus ?? f.summary.status,
    branch: model?.branch ?? f.summary.branch,
    current_gate: gate?.number ?? null,
    next_step: nextStep(model, {
      name: f.summary.name,
      dir: f.summary.dir,
      isDefault: input.defaultFeature === f.summary.name,
      problem: first === undefined ? null : formatProblem(first),
      lockHolder:
        isMine && holder !== null
          ? { pid: holder.pid, command: holder.command || "run" }
          : null,
      hasCheckpoint: input.checkpoints.some(
        (c) => c.featureDir === f.summary.dir,
      ),
      states,
      currentGate: gate,
    }),
    problems: f.problems.map(problemJson),
    gates,
    totals: {
      cost_usd: roundTo(
        units.reduce(
          (s, u) => s + (u.cost_usd ?? 0) + (u.cumulative_cost_usd ?? 0),
          0,
        ),
        6,
      ),
      duration_seconds: roundTo(
        units.reduce(
          (s, u) =>
            s +
            (u.duration_seconds ?? 0) +
            (u.cumulative_duration_seconds ?? 0),
          0,
        ),
        3,
      ),
      units: units.length,
      done: units.filter((u) => u.status === "done").length,
    },
  };
}

function gateStatus(
  g: GateModel,
  states: ReadonlyMap<string, { state: UnitState; reason: string | null }>,
): GateStatus {
  return {
    number: g.number,
    file: g.path,
    status: g.status,
    cost_budget_usd:
      typeof g.budgetRaw === "number" && Number.isFinite(g.budgetRaw)
        ? g.budgetRaw
        : null,
    spent_usd: roundTo(
      gateSpent(
        g.units.map((u) => ({ status: u.status, cost_usd: u.costUsd })),
      ),
      6,
    ),
    is_terminal: g.isTerminal,
    units: g.units.map((u) => unitStatus(u, states)),
  };
}

function unitStatus(
  u: UnitModel,
  states: ReadonlyMap<string, { state: UnitState; reason: string | null }>,
): UnitStatus {
  const info = states.get(u.id) ?? { state: "idle", reason: null };
  const num = (v: unknown) =>
    typeof v === "number" && Number.isFinite(v) ? v : null;
  return {
    id: u.id,
    file: u.path,
    type: u.type,
    status: u.status,
    attempts: u.attempts,
    model: u.model,
    effort: u.effort,
    depends_on: [...u.dependsOn],
    cost_usd: u.costUsd,
    cumulative_cost_usd: num(u.data.cumulative_cost_usd),
    planned_cost_usd: u.plannedCost,
    duration_seconds: u.durationSeconds,
    cumulative_duration_seconds: num(u.data.cumulative_duration_seconds),
    re_arm_count: u.reArmCount,
    state: info.state,
    reason: info.reason,
  };
}

function checkpointOf(featureDir: string, s: RunState): CheckpointStatus {
  return {
    feature_dir: featureDir,
    wu_id: s.wu_id,
    gate: s.gate,
    attempt: s.attempt,
    max_attempts: s.max_attempts,
    pid: s.pid,
    host: s.host,
    started_at: s.started_at,
  };
}

function problemJson(p: FeatureProblem): ProblemStatus {
  return { code: p.code, file: p.file, line: p.line, message: p.message };
}
