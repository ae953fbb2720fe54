// The WU types of formats.md F-WU-5, in table order.
export const WU_TYPES = [
  "implementation",
  "retrospective",
  "lessons",
  "docs",
  "plan-next",
  "close",
  "close-intermediate",
] as const;
/** A known WU type. */
export type WuType = (typeof WU_TYPES)[number];

// The closing types of lint.md L-DEF-1.
export const CLOSING_TYPES: ReadonlySet<string> = new Set([
  "retrospective",
  "lessons",
  "docs",
  "plan-next",
  "close",
  "close-intermediate",
]);

// The WU statuses of formats.md F-WU-8.
export const WU_STATUSES = [
  "draft",
  "pending",
  "ready",
  "in_progress",
  "in_review",
  "abandoned",
  "done",
  "blocked_human",
] as const;
/** A known WU status. */
export type WuStatus = (typeof WU_STATUSES)[number];

// The gate statuses of formats.md F-GATE-3.
export const GATE_STATUSES = ["open", "awaiting_review", "passed"] as const;
/** A known gate status. */
export type GateStatus = (typeof GATE_STATUSES)[number];

// PLAN statuses of formats.md F-PLAN-2, plus `deferred` and `blocked` (audit.md §8: discovery skips them).
export const PLAN_STATUSES = [
  "planned",
  "active",
  "done",
  "abandoned",
  "complete",
  "deferred",
  "blocked",
] as const;

// The effort levels of formats.md F-WU-2.
export const EFFORTS = ["low", "medium", "high", "xhigh", "max"] as const;

// The close verdicts of formats.md F-WU-2.
export const VERDICTS = [
  "met",
  "met_locally",
  "partially_met",
  "not_met",
] as const;

// The squash prefix override grammar (F-WU-2 `commit_type`).
export const COMMIT_TYPE_PATTERN = /^[a-z]+(\([^()\s]+\))?!?$/;

/** Per-type defaults of formats.md F-WU-5 and driver D-LOAD-3. */
export interface TypeDefaults {
  set: string;
  model: string;
  effort: string;
  prefix: string;
}

const DEFAULTS: Record<WuType, TypeDefaults> = {
  implementation: {
    set: "code",
    model: "sonnet",
    effort: "medium",
    prefix: "feat",
  },
  retrospective: { set: "doc", model: "sonnet", effort: "low", prefix: "docs" },
  lessons: { set: "doc", model: "sonnet", effort: "low", prefix: "docs" },
  docs: { set: "doc", model: "sonnet", effort: "low", prefix: "docs" },
  "plan-next": {
    set: "plannext",
    model: "opus",
    effort: "high",
    prefix: "chore",
  },
  close: { set: "plannext", model: "opus", effort: "high", prefix: "docs" },
  "close-intermediate": {
    set: "plannext",
    model: "opus",
    effort: "high",
    prefix: "docs",
  },
};

// The reference fallbacks for an unknown type (F-WU-7).
const UNKNOWN_TYPE_DEFAULTS: TypeDefaults = {
  set: "code",
  model: "claude-sonnet-4-6",
  effort: "medium",
  prefix: "feat",
};

// Defaults for a type, with the reference fallback for unknown types.
export function typeDefaults(type: string): TypeDefaults {
  return isWuType(type) ? DEFAULTS[type] : UNKNOWN_TYPE_DEFAULTS;
}

// Whether a value is one of the seven types.
export function isWuType(value: unknown): value is WuType {
  return (
    typeof value === "string" && (WU_TYPES as readonly string[]).includes(value)
  );
}

// Whether a value is one of the eight statuses.
export function isWuStatus(value: unknown): value is WuStatus {
  return (
    typeof value === "string" &&
    (WU_STATUSES as readonly string[]).includes(value)
  );
}

// Whether a value is one of the three gate statuses.
export function isGateStatus(value: unknown): value is GateStatus {
  return (
    typeof value === "string" &&
    (GATE_STATUSES as readonly string[]).includes(value)
  );
}
