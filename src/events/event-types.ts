import type { AgentStatus, AttemptRecord, Outcome } from "../types/outcome.js";

// The envelope keys of formats.md F-EV-2, in the order they are written.
export const ENVELOPE_KEYS = [
  "timestamp",
  "correlation_id",
  "event_type",
  "source",
  "source_version",
  "payload",
] as const;

/** `task_started` (WU): the dispatch cycle begins (driver D-ATT-3). */
export interface TaskStartedPayload {
  type: string;
  model: string;
  effort: string;
  /** The on-disk value, default 0. */
  re_arm_count: number;
}

/** `re_arm_dispatched` (WU): a re-armed unit starts a new cycle (D-ATT-2). */
export interface ReArmDispatchedPayload {
  re_arm_count: number;
  /** The last `re_arm_history` reason, or `""`. */
  reason: string;
}

/** `unsandboxed_dispatch` (WU). */
export interface UnsandboxedDispatchPayload {
  rationale: string;
}

/** Extras of `attempt_outcome`, each present only where it applies (F-EV-4). */
export interface AttemptOutcomeExtras {
  summary?: string;
  assertion?: string;
  missing?: string[];
  unchanged_paths?: string[];
  protected_paths?: string[];
  timeout_kind?: "wall_clock" | "inactivity";
  /** A float. */
  limit_seconds?: number;
  /** `signal:<NAME>`, `lock_compromised` or `driver_crash`. */
  interrupt_reason?: string;
  counted?: boolean;
  agent_commits?: string[];
  agent_is_error?: boolean;
  agent_subtype?: string;
  agent_session_id?: string;
  permission_denials?: string[];
  agent_exit_code?: number | null;
}

/** `attempt_outcome` (WU): the fixed keys in F-EV-4 order, then the extras. */
export interface AttemptOutcomePayload extends AttemptOutcomeExtras {
  attempt: number;
  outcome: Outcome;
  /** A float, 3 dp. */
  duration_seconds: number;
  /** A float; 0.0 when unknown. */
  cost_usd: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
  model: string;
  effort: string;
  /** Non-null only for `failed`. */
  failure_class: string | null;
  failure_signature: string | null;
  failure_excerpt: string | null;
  /** Taken before any restore, new untracked files included. */
  files_touched: string[];
  /** Null when no agent output was judged. */
  agent_status: AgentStatus | null;
  agent_blocked_reason: string | null;
  /** The real on-disk value. */
  re_arm_count: number;
}

/** `task_completed` (WU). */
export interface TaskCompletedPayload {
  attempts: number;
  attempts_usage: AttemptRecord[];
}

/** The `human_escalation` variants of F-EV-3. */
export type HumanEscalationPayload =
  | {
      reason: "agent_reported_blocked";
      blocked_reason: string | null;
      attempts: number;
      attempts_usage: AttemptRecord[];
    }
  | {
      reason: "spinning_signature_repeat";
      failure_class: string;
      failure_signature: string;
      attempts: number;
      attempts_usage: AttemptRecord[];
    }
  | {
      reason:
        | "spinning_detected"
        | "all_attempts_zero_token"
        | "all_attempts_timeout";
      attempts: number;
      attempts_usage: AttemptRecord[];
    }
  | { reason: "post_pass_invariant_failed"; assertion: string; summary: string }
  | {
      reason: "gate_budget_exceeded";
      /** A float. */
      budget_usd: number;
      /** A float, 6 dp. */
      spent_usd: number;
      next_wu_id: string;
    };

/** The metrics of a terminal auto-close (driver D-AC-3). */
export interface AutoCloseMetrics {
  /** A float. */
  gate_total_cost: number;
  /** A float, or null when the gate has no budget. */
  gate_budget: number | null;
  blocked_human_events: number;
  replan_events: number;
}

/** The `auto_close_decision` variants of F-EV-3 (driver D-AC-5..7). */
export type AutoCloseDecisionPayload =
  | {
      gate: number;
      gate_type: "intermediate";
      auto: true;
      reasons: [];
      plan_next_dispatched: true;
      predicate_version: "v1";
    }
  | {
      gate: number;
      auto: true;
      reasons: string[];
      predicate_version: "v1";
      metrics: AutoCloseMetrics;
    }
  | {
      gate: number;
      gate_type?: "intermediate";
      auto: false;
      reasons: Array<
        "force_full_close_cli_flag" | "auto_close_disabled_per_plan"
      >;
      predicate_version: "v1";
      override: true;
    };

/** `plan_next_draft_lint` (WU), only when there are warnings (D-HOOK-1). */
export interface PlanNextDraftLintPayload {
  gate: number;
  /** `<file>: <message>` strings. */
  warns: string[];
  blocking: false;
}

/** `gate_reached` (feature). */
export interface GateReachedPayload {
  gate: number;
}

/** `run_aborted` (feature); the last three keys only when known. */
export interface RunAbortedPayload {
  reason: "signal" | "lock_compromised";
  signal?: string;
  wu_id?: string;
  attempt?: number;
}

/** `gate_armed` (feature), written by `arm`. */
export interface GateArmedPayload {
  gate: number;
  /** WU ids. */
  armed: string[];
  /** Gate numbers. */
  gates_passed: number[];
}

/** `wu_unblocked` (WU), written by `unblock`. */
export interface WuUnblockedPayload {
  re_arm_count: number;
  reason: string;
  prior_status: string;
  prior_attempts: number;
}

/** One status change an event records (audit.md AU-EV-1); `from` is null for a file that did not exist. */
export interface TransitionRecord {
  entity: "unit" | "gate" | "feature";
  id: string;
  from: string | null;
  to: string;
  by?: string;
}

/** `feature_adopted` (feature), written by `adopt` (audit.md AU-EV-2; U1, G1, P1). */
export interface FeatureAdoptedPayload {
  source_issue_url: string;
  issue_number: number;
  title: string;
  transitions: TransitionRecord[];
  /** The git author, `Name <email>`. */
  actor: string;
  trigger: "adopt";
}

/** Every event type and its payload (formats.md F-EV-3). `replan` and `blocked_human` are only ever read. */
export interface EventPayloads {
  task_started: TaskStartedPayload;
  re_arm_dispatched: ReArmDispatchedPayload;
  unsandboxed_dispatch: UnsandboxedDispatchPayload;
  attempt_outcome: AttemptOutcomePayload;
  task_completed: TaskCompletedPayload;
  human_escalation: HumanEscalationPayload;
  auto_close_decision: AutoCloseDecisionPayload;
  plan_next_draft_lint: PlanNextDraftLintPayload;
  gate_reached: GateReachedPayload;
  run_aborted: RunAbortedPayload;
  gate_armed: GateArmedPayload;
  wu_unblocked: WuUnblockedPayload;
  feature_adopted: FeatureAdoptedPayload;
  replan: Record<string, unknown>;
  blocked_human: Record<string, unknown>;
}

/** A known event type. */
export type EventType = keyof EventPayloads;

// Every known event type, in catalogue order.
export const EVENT_TYPES: readonly EventType[] = [
  "task_started",
  "re_arm_dispatched",
  "unsandboxed_dispatch",
  "attempt_outcome",
  "task_completed",
  "human_escalation",
  "auto_close_decision",
  "plan_next_draft_lint",
  "gate_reached",
  "run_aborted",
  "gate_armed",
  "wu_unblocked",
  "feature_adopted",
  "replan",
  "blocked_human",
];

// The event types specfuse writes (replan and blocked_human are read only).
export const WRITTEN_EVENT_TYPES: readonly EventType[] = EVENT_TYPES.filter(
  (t) => t !== "replan" && t !== "blocked_human",
);

/** What a caller supplies for one event; the envelope is added by `buildEvent`. */
export type NewEvent<K extends EventType = EventType> = {
  [T in K]: {
    /** The WU graph id, or the feature id for feature-level events. */
    correlation_id: string;
    event_type: T;
    payload: EventPayloads[T];
  };
}[K];

/** One event as written: the F-EV-2 envelope. */
export type EventRecord<K extends EventType = EventType> = {
  [T in K]: {
    timestamp: string;
    correlation_id: string;
    event_type: T;
    source: "driver";
    source_version: string;
    payload: EventPayloads[T];
  };
}[K];

/** An event as read back: any type, any payload (readers ignore unknown types and keys). */
export interface StoredEvent {
  timestamp: string;
  correlation_id: string;
  event_type: string;
  source: string;
  source_version: string;
  payload: Record<string, unknown>;
}

// Whether a type is in the catalogue; readers use it to narrow a StoredEvent.
export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

// Reads the reference's `zero_token_skip` as `zero_token` (F-EV-4: readers accept both).
export function normalizeOutcome(value: unknown): string | null {
  if (typeof value !== "string") return null;
  return value === "zero_token_skip" ? "zero_token" : value;
}
