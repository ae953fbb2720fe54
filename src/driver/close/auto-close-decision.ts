import {
  evaluatePredicate,
  isAutoCloseDisabled,
  PREDICATE_VERSION,
  type AutoCloseMetrics,
  type PredicateInput,
} from "./auto-close-predicate.js";
import { autoCloseStub } from "./auto-close-stub.js";
import type { AutoCloseDecisionPayload } from "../../events/event-types.js";

/** What decides whether a closing unit is auto-closed (driver D-PRE-3, D-PRE-4, D-AC-4..7). */
export interface AutoCloseInput {
  unitId: string;
  type: string;
  /** Feature id for the stub (D-FEAT-4). */
  featureId: string;
  isTerminalGate: boolean;
  /** The unit's frontmatter. */
  unit: Readonly<Record<string, unknown>>;
  /** `--force-full-close` named this feature. */
  isForceFullClose: boolean;
  predicate: PredicateInput;
}

/** An ordered frontmatter key written with the auto-close status (formats.md F-WU-3). */
export interface KeyWrite {
  key: string;
  value: string | boolean | never[];
}

/** What to do with a closing unit before dispatch. */
export type AutoCloseDecision =
  | { action: "not_applicable" }
  | { action: "already_done" }
  | { action: "dispatch"; why: "has_verdict" }
  | {
      action: "dispatch";
      why: "override";
      reason: "force_full_close_cli_flag" | "auto_close_disabled_per_plan";
      /** `auto_close_decision` payload, correlated with the WU (D-AC-5). */
      event: AutoCloseDecisionPayload;
    }
  | {
      action: "dispatch";
      why: "refused";
      reasons: string[];
      warnings: string[];
    }
  | {
      action: "auto_close";
      kind: "intermediate" | "terminal";
      /** The unit's new status, written first in its one frontmatter write. */
      to: "done";
      /** The rest of that write, keys in this order. */
      keys: KeyWrite[];
      /** `auto_close_decision` payload, correlated with the feature. */
      event: AutoCloseDecisionPayload;
      /** The RETROSPECTIVE.md section (D-AC-8). */
      stub: string;
      commitSubject: string;
      /** Terminal auto-close: remember the unit for the flips. */
      isRemembered: boolean;
      warnings: string[];
    };

// Python-style truthiness, as the reference reads `auto_close` (D-AC-4).
function isTruthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (v !== null && typeof v === "object") return Object.keys(v).length > 0;
  return Boolean(v);
}

// D-AC-4: a close unit already done with a truthy `auto_close` is left alone and counts as done.
export function isAutoClosedDone(
  unit: Readonly<Record<string, unknown>>,
): boolean {
  return unit.status === "done" && isTruthy(unit.auto_close);
}

function hasVerdict(unit: Readonly<Record<string, unknown>>): boolean {
  const v = unit.verdict;
  return v !== undefined && v !== null && v !== "";
}

// Decides auto-close for one unit before dispatch (D-PRE-3/4, D-AC-4..7).
export function decideAutoClose(input: AutoCloseInput): AutoCloseDecision {
  const isIntermediate = input.type === "close-intermediate";
  const isTerminal = input.type === "close" && input.isTerminalGate;
  if (!isIntermediate && !isTerminal) return { action: "not_applicable" };
  if (isAutoClosedDone(input.unit)) return { action: "already_done" };
  if (isTerminal && hasVerdict(input.unit))
    return { action: "dispatch", why: "has_verdict" };
  const gate = input.predicate.gate;
  const override = input.isForceFullClose
    ? "force_full_close_cli_flag"
    : isAutoCloseDisabled(input.predicate.plan)
      ? "auto_close_disabled_per_plan"
      : null;
  if (override !== null)
    return {
      action: "dispatch",
      why: "override",
      reason: override,
      event: {
        gate,
        ...(isIntermediate ? { gate_type: "intermediate" } : {}),
        auto: false,
        reasons: [override],
        predicate_version: PREDICATE_VERSION,
        override: true,
      },
    };
  const result = evaluatePredicate(input.predicate);
  if (!result.auto)
    return {
      action: "dispatch",
      why: "refused",
      reasons: result.reasons,
      warnings: result.warnings,
    };
  const keys: KeyWrite[] = [];
  if (isTerminal) keys.push({ key: "verdict", value: "met" });
  keys.push(
    { key: "auto_close", value: true },
    { key: "auto_close_reasons", value: [] },
  );
  return {
    action: "auto_close",
    kind: isIntermediate ? "intermediate" : "terminal",
    to: "done",
    keys,
    event: isIntermediate
      ? intermediateEvent(gate)
      : terminalEvent(gate, result.metrics),
    stub: autoCloseStub({
      gate,
      featureId: input.featureId,
      isTerminal,
      metrics: result.metrics,
    }),
    commitSubject: `chore(loop): ${input.unitId} auto-closed (predicate=${PREDICATE_VERSION})`,
    isRemembered: isTerminal,
    warnings: result.warnings,
  };
}

// D-AC-6 step 3 payload.
function intermediateEvent(gate: number): AutoCloseDecisionPayload {
  return {
    gate,
    gate_type: "intermediate",
    auto: true,
    reasons: [],
    plan_next_dispatched: true,
    predicate_version: PREDICATE_VERSION,
  };
}

// D-AC-7 payload.
function terminalEvent(
  gate: number,
  metrics: AutoCloseMetrics,
): AutoCloseDecisionPayload {
  return {
    gate,
    auto: true,
    reasons: [],
    predicate_version: PREDICATE_VERSION,
    metrics: { ...metrics },
  };
}
