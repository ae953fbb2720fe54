import { isAutoCloseDisabled } from "../../plan/plan-flags.js";
import type { PlanGraph, PlanUnit } from "../../plan/plan-graph.js";
import type { LoggedEvent } from "../../types/outcome.js";
import { roundTo } from "../../yaml/format-number.js";
import { formatUsd } from "../unit/cost.js";
import { reArmCountOf } from "../unit/re-arm-fold.js";

// The predicate version written in events, commits and stubs.
export const PREDICATE_VERSION = "v1";

/** What predicate v1 reads (driver D-AC-1). */
export interface PredicateInput {
  /** PLAN frontmatter. */
  plan: Readonly<Record<string, unknown>>;
  graph: PlanGraph;
  gate: number;
  /** The GATE's `cost_budget_usd` as parsed (undefined or null when unset). */
  gateBudget: unknown;
  /** Frontmatter of each gate unit by graph id; null or absent when its file is missing. */
  units: ReadonlyMap<string, Readonly<Record<string, unknown>> | null>;
  /** events.jsonl lines (malformed ones already skipped); only the gate's units' events are used. */
  events: readonly LoggedEvent[];
}

/** The `metrics` of a terminal auto-close event (formats.md F-EV-3). */
export interface AutoCloseMetrics {
  gate_total_cost: number;
  gate_budget: number | null;
  blocked_human_events: number;
  replan_events: number;
}

/** Predicate v1's verdict: `auto` exactly when there are no reasons. */
export interface PredicateResult {
  auto: boolean;
  reasons: string[];
  warnings: string[];
  metrics: AutoCloseMetrics;
}

const CLOSING = new Set(["close", "close-intermediate", "plan-next"]);
const ESCALATIONS = new Set(["human_escalation", "blocked_human"]);
const PER_WU_LIMIT = 1.5;
const HARD_LIMIT = 2.0;

// The flag rule is shared with the plan model; re-exported for the predicate's callers.
export { isAutoCloseDisabled };

// Auto-close predicate v1 (D-AC-2, D-AC-3): short-circuits first, then every check, reasons by check then graph order.
export function evaluatePredicate(input: PredicateInput): PredicateResult {
  const gate = input.graph.gates.find((g) => g.number === input.gate);
  const units = gate?.units ?? [];
  const ids = new Set(units.map((u) => u.id));
  const events = input.events.filter((e) => ids.has(e.correlation_id));
  const fmOf = (u: PlanUnit) => input.units.get(u.id) ?? null;
  const budget = typeof input.gateBudget === "number" ? input.gateBudget : null;
  const total = roundTo(
    units.reduce((sum, u) => sum + costOf(fmOf(u)), 0),
    6,
  );
  const metrics: AutoCloseMetrics = {
    gate_total_cost: total,
    gate_budget: budget,
    blocked_human_events: events.filter((e) => ESCALATIONS.has(e.event_type))
      .length,
    replan_events: events.filter((e) => e.event_type === "replan").length,
  };
  const refuse = (reasons: string[]): PredicateResult => ({
    auto: false,
    reasons,
    warnings: [],
    metrics,
  });
  if (isAutoCloseDisabled(input.plan))
    return refuse(["auto_close_disabled_per_plan"]);
  if (gate === undefined)
    return refuse([
      `gate_not_found: gate ${input.gate} absent in PLAN.md graph`,
    ]);
  const missing = units.filter((u) => fmOf(u) === null);
  if (missing.length > 0)
    return refuse(missing.map((u) => `wu_file_missing: ${sub(u.id)}`));

  const checks: string[][] = [[], [], [], [], [], [], []];
  const warnings: string[] = [];
  for (const u of units)
    checkUnit(
      u.id,
      fmOf(u) ?? {},
      events.filter((e) => e.correlation_id === u.id),
      checks,
      warnings,
    );
  if (budget !== null && !(total <= budget))
    checks[5]?.push(
      `gate_budget_exceeded: total=${formatUsd(total)} budget=${formatUsd(budget)}`,
    );
  const reasons = checks.flat();
  return { auto: reasons.length === 0, reasons, warnings, metrics };
}

// D-AC-3 checks 1–5 and 7 for one unit, each reason pushed to its check's list (reasons order by check, then graph).
function checkUnit(
  id: string,
  fm: Readonly<Record<string, unknown>>,
  mine: readonly LoggedEvent[],
  checks: string[][],
  warnings: string[],
): void {
  const type = typeof fm.type === "string" ? fm.type : "implementation";
  const firstEscalation = mine.find((e) => ESCALATIONS.has(e.event_type));
  if (firstEscalation !== undefined)
    checks[0]?.push(
      `blocked_human_in_chain: ${sub(id)} escalated ${dateOf(firstEscalation.timestamp)}`,
    );
  const reArm = reArmCountOf(fm);
  if (reArm > 0)
    checks[0]?.push(
      `blocked_human_in_chain: ${sub(id)} (re_arm_count=${reArm})`,
    );
  if (mine.some((e) => e.event_type === "replan"))
    checks[1]?.push(`replan_event: ${sub(id)}`);
  const isClosing = CLOSING.has(type);
  if (!isClosing || type === "plan-next")
    checkCost(id, type, fm, checks, warnings);
  if (!isClosing) {
    const last = mine
      .filter(
        (e) =>
          e.event_type === "task_completed" || ESCALATIONS.has(e.event_type),
      )
      .at(-1);
    if (last === undefined)
      checks[6]?.push(
        `final_attempt_not_passed: ${sub(id)} (outcome=no_events)`,
      );
    else if (last.event_type !== "task_completed")
      checks[6]?.push(
        `final_attempt_not_passed: ${sub(id)} (outcome=escalated)`,
      );
  }
}

// D-AC-3 checks 3–5: the unit's cost against its planned cost.
function checkCost(
  id: string,
  type: string,
  fm: Readonly<Record<string, unknown>>,
  checks: string[][],
  warnings: string[],
): void {
  const planned = plannedOf(fm.planned_cost_usd);
  if (planned === null) {
    warnings.push(`planned_cost_missing: ${sub(id)}`);
    return;
  }
  const cost = costOf(fm);
  const ratio = ratioOf(cost, planned);
  const detail = `${sub(id)} actual=${formatUsd(cost)} planned=${formatUsd(planned)} ratio=${formatRatio(ratio)}x`;
  if (type === "plan-next") {
    if (ratio > PER_WU_LIMIT) checks[4]?.push(`plan_next_overrun: ${detail}`);
    return;
  }
  if (ratio > PER_WU_LIMIT) checks[2]?.push(`per_wu_cost_overrun: ${detail}`);
  if (ratio > HARD_LIMIT) checks[3]?.push(`per_wu_hard_overrun: ${detail}`);
}

// The last segment of an id (D-AC-2 `<sub>`).
export function sub(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

// A ratio for reasons: two decimals, `inf` when a zero plan was exceeded.
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? ratio.toFixed(2) : "inf";
}

function ratioOf(cost: number, planned: number): number {
  if (planned === 0) return cost > 0 ? Number.POSITIVE_INFINITY : 0;
  return cost / planned;
}

function costOf(fm: Readonly<Record<string, unknown>> | null): number {
  const c = fm?.cost_usd;
  return typeof c === "number" && Number.isFinite(c) ? c : 0;
}

// `planned_cost_usd`: a number, or a numeric string (formats.md F-WU-2); anything else counts as missing.
function plannedOf(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function dateOf(timestamp: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(timestamp)?.[0] ?? "unknown-date";
}
