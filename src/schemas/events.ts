import { OUTCOMES } from "../types/outcome.js";

// JSON Schema (draft-07) of the events specfuse writes to events.jsonl (formats.md §10, driver.md §22).
// Payloads are closed (additionalProperties: false) so a misspelled key fails the tests; readers stay
// lenient. JSON Schema cannot see key order: format-event tests pin it.

const int = { type: "integer" } as const;
const nonNegInt = { type: "integer", minimum: 0 } as const;
const num = { type: "number" } as const;
const str = { type: "string" } as const;
const strs = { type: "array", items: { type: "string" } } as const;
const nullableStr = { type: ["string", "null"] } as const;

/** Closed object schema with every listed key required except those in `optional`. */
function closed(
  properties: Record<string, object>,
  optional: readonly string[] = [],
): object {
  return {
    type: "object",
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    properties,
    additionalProperties: false,
  };
}

const attemptRecord = closed(
  {
    attempt: int,
    duration_seconds: num,
    cost_usd: num,
    input_tokens: nonNegInt,
    output_tokens: nonNegInt,
    cache_read_input_tokens: nonNegInt,
    cache_creation_input_tokens: nonNegInt,
  },
  [
    "cost_usd",
    "input_tokens",
    "output_tokens",
    "cache_read_input_tokens",
    "cache_creation_input_tokens",
  ],
);
const usage = {
  attempts: int,
  attempts_usage: { type: "array", items: attemptRecord },
};

const EXTRAS = [
  "summary",
  "assertion",
  "missing",
  "unchanged_paths",
  "protected_paths",
  "timeout_kind",
  "limit_seconds",
  "interrupt_reason",
  "counted",
  "agent_commits",
  "agent_is_error",
  "agent_subtype",
  "agent_session_id",
  "permission_denials",
  "agent_exit_code",
];

const attemptOutcome = closed(
  {
    attempt: { type: "integer", minimum: 1 },
    outcome: { enum: [...OUTCOMES] },
    duration_seconds: num,
    cost_usd: num,
    input_tokens: nonNegInt,
    output_tokens: nonNegInt,
    cache_read_input_tokens: nonNegInt,
    cache_creation_input_tokens: nonNegInt,
    model: str,
    effort: str,
    failure_class: nullableStr,
    failure_signature: nullableStr,
    failure_excerpt: nullableStr,
    files_touched: strs,
    agent_status: {
      enum: ["complete", "blocked", "missing", "malformed", null],
    },
    agent_blocked_reason: nullableStr,
    re_arm_count: nonNegInt,
    summary: str,
    assertion: str,
    missing: strs,
    unchanged_paths: strs,
    protected_paths: strs,
    timeout_kind: { enum: ["wall_clock", "inactivity"] },
    limit_seconds: num,
    interrupt_reason: {
      type: "string",
      pattern: "^(signal:[A-Z0-9]+|lock_compromised|driver_crash)$",
    },
    counted: { type: "boolean" },
    agent_commits: strs,
    agent_is_error: { type: "boolean" },
    agent_subtype: str,
    agent_session_id: str,
    permission_denials: strs,
    agent_exit_code: { type: ["integer", "null"] },
  },
  EXTRAS,
);

const humanEscalation = {
  oneOf: [
    closed({
      reason: { const: "agent_reported_blocked" },
      blocked_reason: nullableStr,
      ...usage,
    }),
    closed({
      reason: { const: "spinning_signature_repeat" },
      failure_class: str,
      failure_signature: str,
      ...usage,
    }),
    closed({
      reason: {
        enum: [
          "spinning_detected",
          "all_attempts_zero_token",
          "all_attempts_timeout",
        ],
      },
      ...usage,
    }),
    closed({
      reason: { const: "post_pass_invariant_failed" },
      assertion: str,
      summary: str,
    }),
    closed({
      reason: { const: "gate_budget_exceeded" },
      budget_usd: num,
      spent_usd: num,
      next_wu_id: str,
    }),
  ],
};

const autoCloseDecision = {
  oneOf: [
    closed({
      gate: int,
      gate_type: { const: "intermediate" },
      auto: { const: true },
      reasons: { type: "array", maxItems: 0 },
      plan_next_dispatched: { const: true },
      predicate_version: { const: "v1" },
    }),
    closed({
      gate: int,
      auto: { const: true },
      reasons: strs,
      predicate_version: { const: "v1" },
      metrics: closed({
        gate_total_cost: num,
        gate_budget: { type: ["number", "null"] },
        blocked_human_events: nonNegInt,
        replan_events: nonNegInt,
      }),
    }),
    closed(
      {
        gate: int,
        gate_type: { const: "intermediate" },
        auto: { const: false },
        reasons: {
          type: "array",
          minItems: 1,
          items: {
            enum: ["force_full_close_cli_flag", "auto_close_disabled_per_plan"],
          },
        },
        predicate_version: { const: "v1" },
        override: { const: true },
      },
      ["gate_type"],
    ),
  ],
};

// The payload schema of every event type specfuse writes.
export const EVENT_PAYLOAD_SCHEMAS: Readonly<Record<string, object>> = {
  task_started: closed({
    type: str,
    model: str,
    effort: str,
    re_arm_count: nonNegInt,
  }),
  re_arm_dispatched: closed({ re_arm_count: nonNegInt, reason: str }),
  unsandboxed_dispatch: closed({ rationale: str }),
  attempt_outcome: attemptOutcome,
  task_completed: closed(usage),
  human_escalation: humanEscalation,
  auto_close_decision: autoCloseDecision,
  plan_next_draft_lint: closed({
    gate: int,
    warns: strs,
    blocking: { const: false },
  }),
  gate_reached: closed({ gate: int }),
  run_aborted: closed(
    {
      reason: { enum: ["signal", "lock_compromised"] },
      signal: str,
      wu_id: str,
      attempt: { type: "integer", minimum: 1 },
    },
    ["signal", "wu_id", "attempt"],
  ),
  gate_armed: closed({
    gate: int,
    armed: strs,
    gates_passed: { type: "array", items: int },
  }),
  wu_unblocked: closed({
    re_arm_count: { type: "integer", minimum: 1 },
    reason: { type: "string", minLength: 1 },
    prior_status: str,
    prior_attempts: nonNegInt,
  }),
  feature_adopted: closed({
    source_issue_url: { type: "string", pattern: "^https://" },
    issue_number: { type: "integer", minimum: 1 },
    title: str,
    transitions: {
      type: "array",
      items: closed(
        {
          entity: { enum: ["unit", "gate", "feature"] },
          id: str,
          from: nullableStr,
          to: str,
          by: str,
        },
        ["by"],
      ),
    },
    actor: { type: "string", minLength: 1 },
    trigger: { const: "adopt" },
  }),
};

// One events.jsonl line as specfuse writes it: the F-EV-2 envelope and a payload per event type.
export const EVENT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://specfuse.dev/schemas/event-1.json",
  title: "specfuse events.jsonl line",
  type: "object",
  required: [
    "timestamp",
    "correlation_id",
    "event_type",
    "source",
    "source_version",
    "payload",
  ],
  additionalProperties: false,
  properties: {
    timestamp: {
      type: "string",
      pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00$",
    },
    correlation_id: { type: "string", minLength: 1 },
    event_type: { enum: Object.keys(EVENT_PAYLOAD_SCHEMAS) },
    source: { const: "driver" },
    source_version: { type: "string", minLength: 1 },
    payload: { type: "object" },
  },
  allOf: Object.entries(EVENT_PAYLOAD_SCHEMAS).map(([type, payload]) => ({
    if: { properties: { event_type: { const: type } } },
    then: { properties: { payload } },
  })),
} as const;
