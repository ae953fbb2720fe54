import type { GateModel, UnitModel } from "../plan/feature-model.js";
import {
  sumOf,
  type AttemptView,
  type CycleView,
  type UnitHistory,
} from "../history/unit-history.js";
import type { WorkFileKind } from "../workspace/unit-work-files.js";
import { roundTo } from "../yaml/format-number.js";
import { cycleFilesOf, type FoundFile } from "./cycle-files.js";
import { reArmEntries, type ReArmEntry } from "./re-arm-entries.js";

// The show model's file type, kept with the file mapping.
export type { FoundFile } from "./cycle-files.js";

/** A unit's squash commit and where it was found. */
export interface ShowCommit {
  sha: string;
  subject: string | null;
  /** `event`: `task_completed.commit`; `git`: the `Feature:` trailer in git log. */
  source: "event" | "git";
}

/** Everything `show` gathered for one unit. */
export interface ShowInputs {
  feature: { id: string; dir: string; title: string; status: string | null };
  unit: UnitModel;
  gate: GateModel;
  units: ReadonlyMap<string, UnitModel>;
  history: UnitHistory | null;
  files: readonly FoundFile[];
  /** Findings counts by repo-relative `.findings.json` path. */
  findings: ReadonlyMap<string, number | null>;
  commit: ShowCommit | null;
  /** Events of types this version does not know (F-EV-1: ignored). */
  ignoredEvents: number;
}

/** One attempt in `specfuse.show/1`. */
export interface ShowAttempt {
  attempt: number;
  /** Null for an attempt known only from its files. */
  outcome: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  cost_usd: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  failure_class: string | null;
  /** From `attempt-<a>.findings.json`; null when there is none. */
  findings: number | null;
  summary: string | null;
  counted: boolean;
  run_id: string | null;
  lane: number | null;
  files: Record<WorkFileKind, string | null>;
}

/** One cycle in `specfuse.show/1`. */
export interface ShowCycle {
  cycle: number;
  is_current: boolean;
  started_at: string | null;
  ending: { kind: string; at: string; reason: string | null } | null;
  /** The `re_arm_history` entry that closed this cycle, if it was re-armed. */
  re_armed: ReArmEntry | null;
  attempts: ShowAttempt[];
}

/** The `specfuse.show/1` body. */
export interface ShowBody {
  feature: ShowInputs["feature"];
  unit: {
    id: string;
    file: string;
    title: string;
    gate: number;
    gate_status: string;
    type: string;
    status: string;
    attempts: number;
    model: string;
    effort: string;
    planned_cost_usd: number | null;
    re_arm_count: number;
    auto_close: boolean;
  };
  frontmatter: Record<string, unknown>;
  depends_on: Array<{ id: string; status: string | null; satisfied: boolean }>;
  dependents: Array<{ id: string; status: string }>;
  cycles: ShowCycle[];
  totals: {
    attempts: number;
    cost_usd: number | null;
    duration_seconds: number | null;
  };
  commit: ShowCommit | null;
  ignored_events: number;
}

// Builds the show body from what was gathered (issue 16 §2); pure.
export function buildShow(input: ShowInputs): ShowBody {
  const u = input.unit;
  const cycles = showCycles(input);
  const attempts = cycles.flatMap((c) => c.attempts);
  const lifetime = lifetimeOf(u, input.history);
  return {
    feature: input.feature,
    unit: {
      id: u.id,
      file: u.path,
      title: u.title,
      gate: u.gate,
      gate_status: input.gate.status,
      type: u.type,
      status: u.status,
      attempts: u.attempts,
      model: u.model,
      effort: u.effort,
      planned_cost_usd: u.plannedCost,
      re_arm_count: u.reArmCount,
      auto_close: u.autoClose,
    },
    frontmatter: jsonSafe(u.data) as Record<string, unknown>,
    depends_on: u.dependsOn.map((id) => {
      const dep = input.units.get(id);
      return {
        id,
        status: dep?.status ?? null,
        satisfied: dep?.status === "done",
      };
    }),
    dependents: [...input.units.values()]
      .filter((x) => x.dependsOn.includes(u.id))
      .map((x) => ({ id: x.id, status: x.status })),
    cycles,
    totals: {
      attempts: attempts.filter((a) => a.outcome !== null).length,
      cost_usd: lifetime.cost,
      duration_seconds: lifetime.duration,
    },
    commit: input.commit,
    ignored_events: input.ignoredEvents,
  };
}

// Lifetime cost and time (evidence.md EV-LIFE-2): the attempts' sums, else cumulative plus the last cycle.
function lifetimeOf(
  u: UnitModel,
  history: UnitHistory | null,
): { cost: number | null; duration: number | null } {
  const attempts = history?.cycles.flatMap((c) => c.attempts) ?? [];
  const num = (v: unknown) =>
    typeof v === "number" && Number.isFinite(v) ? v : null;
  const fallback = (current: number | null, cumulative: unknown) => {
    const c = num(cumulative);
    return current === null && c === null ? null : (current ?? 0) + (c ?? 0);
  };
  const cost =
    sumOf(attempts, (a) => a.costUsd) ??
    fallback(u.costUsd, u.data.cumulative_cost_usd);
  const duration =
    sumOf(attempts, (a) => a.durationSeconds) ??
    fallback(u.durationSeconds, u.data.cumulative_duration_seconds);
  return {
    cost: cost === null ? null : roundTo(cost, 6),
    duration: duration === null ? null : roundTo(duration, 3),
  };
}

function showCycles(input: ShowInputs): ShowCycle[] {
  const u = input.unit;
  const history = input.history?.cycles ?? [];
  const entries = reArmEntries(u.data.re_arm_history);
  const current = u.reArmCount + 1;
  const files = cycleFilesOf(input.files, history, current);
  const last = Math.max(
    current,
    entries.length + 1,
    ...history.map((c) => c.cycle),
    ...[...files.keys()],
  );
  const cycles: ShowCycle[] = [];
  for (let n = 1; n <= last; n++) {
    const c = history.find((x) => x.cycle === n) ?? null;
    const own = files.get(n) ?? [];
    const attempts = attemptsOf(c, own, input.findings);
    const entry = entries[n - 1] ?? null;
    if (attempts.length === 0 && c === null && entry === null && n !== current)
      continue;
    cycles.push({
      cycle: n,
      is_current: n === current,
      started_at: c?.startedAt ?? null,
      ending:
        c?.ending === null || c?.ending === undefined
          ? null
          : { kind: c.ending.kind, at: c.ending.at, reason: c.ending.reason },
      re_armed: entry,
      attempts,
    });
  }
  return cycles;
}

function attemptsOf(
  cycle: CycleView | null,
  files: readonly FoundFile[],
  findings: ReadonlyMap<string, number | null>,
): ShowAttempt[] {
  const numbers = new Set<number>([
    ...(cycle?.attempts.map((a) => a.attempt) ?? []),
    ...files.map((f) => f.attempt),
  ]);
  const byNumber = new Map<number, AttemptView>();
  for (const a of cycle?.attempts ?? []) byNumber.set(a.attempt, a);
  return [...numbers]
    .sort((a, b) => a - b)
    .map((n) => {
      const own = files.filter((f) => f.attempt === n);
      const pathOf = (kind: WorkFileKind) =>
        own.find((f) => f.kind === kind)?.path ?? null;
      const findingsPath = pathOf("findings");
      return attemptJson(
        n,
        byNumber.get(n) ?? null,
        {
          note: pathOf("note"),
          findings: findingsPath,
          prompt: pathOf("prompt"),
          transcript: pathOf("transcript"),
          stderr: pathOf("stderr"),
        },
        findingsPath === null ? null : (findings.get(findingsPath) ?? null),
      );
    });
}

function attemptJson(
  n: number,
  a: AttemptView | null,
  files: Record<WorkFileKind, string | null>,
  findings: number | null,
): ShowAttempt {
  return {
    attempt: n,
    outcome: a?.outcome ?? null,
    ended_at: a?.endedAt ?? null,
    duration_seconds: a?.durationSeconds ?? null,
    cost_usd: a?.costUsd ?? null,
    input_tokens: a?.inputTokens ?? null,
    output_tokens: a?.outputTokens ?? null,
    failure_class: a?.failureClass ?? null,
    findings,
    summary: a?.summary ?? null,
    counted: a?.isCounted ?? true,
    run_id: a?.runId ?? null,
    lane: a?.lane ?? null,
    files,
  };
}

// Frontmatter values as JSON can carry them: dates become ISO strings, non-finite numbers null.
function jsonSafe(value: unknown): unknown {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]),
    );
  return value ?? null;
}
