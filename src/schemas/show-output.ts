import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";

const nullableNum = { type: ["number", "null"] } as const;
const nullableInt = { type: ["integer", "null"] } as const;
const nullableStr = { type: ["string", "null"] } as const;

const FILES = {
  type: "object",
  required: ["note", "findings", "prompt", "transcript", "stderr"],
  properties: {
    note: nullableStr,
    findings: nullableStr,
    prompt: nullableStr,
    transcript: nullableStr,
    stderr: nullableStr,
  },
  additionalProperties: false,
} as const;

const ATTEMPT = {
  type: "object",
  required: [
    "attempt",
    "outcome",
    "ended_at",
    "duration_seconds",
    "cost_usd",
    "input_tokens",
    "output_tokens",
    "failure_class",
    "findings",
    "summary",
    "counted",
    "run_id",
    "lane",
    "files",
  ],
  properties: {
    attempt: { type: "integer", minimum: 0 },
    outcome: nullableStr,
    ended_at: nullableStr,
    duration_seconds: nullableNum,
    cost_usd: nullableNum,
    input_tokens: nullableNum,
    output_tokens: nullableNum,
    failure_class: nullableStr,
    findings: nullableInt,
    summary: nullableStr,
    counted: { type: "boolean" },
    run_id: nullableStr,
    lane: nullableInt,
    files: FILES,
  },
} as const;

const RE_ARMED = {
  anyOf: [
    { type: "null" },
    {
      type: "object",
      required: [
        "timestamp",
        "reason",
        "prior_status",
        "prior_attempts",
        "prior_cost_usd",
        "prior_duration_seconds",
      ],
      properties: {
        timestamp: nullableStr,
        reason: nullableStr,
        prior_status: nullableStr,
        prior_attempts: nullableNum,
        prior_cost_usd: nullableNum,
        prior_duration_seconds: nullableNum,
      },
    },
  ],
} as const;

const CYCLE = {
  type: "object",
  required: [
    "cycle",
    "is_current",
    "started_at",
    "ending",
    "re_armed",
    "attempts",
  ],
  properties: {
    cycle: { type: "integer", minimum: 1 },
    is_current: { type: "boolean" },
    started_at: nullableStr,
    ending: {
      anyOf: [
        { type: "null" },
        {
          type: "object",
          required: ["kind", "at", "reason"],
          properties: {
            kind: { enum: ["completed", "escalated"] },
            at: { type: "string" },
            reason: nullableStr,
          },
        },
      ],
    },
    re_armed: RE_ARMED,
    attempts: { type: "array", items: ATTEMPT },
  },
} as const;

const UNIT = {
  type: "object",
  required: [
    "id",
    "file",
    "title",
    "gate",
    "gate_status",
    "type",
    "status",
    "attempts",
    "model",
    "effort",
    "planned_cost_usd",
    "re_arm_count",
    "auto_close",
  ],
  properties: {
    id: { type: "string" },
    file: { type: "string" },
    title: { type: "string" },
    gate: { type: "integer" },
    gate_status: { type: "string" },
    type: { type: "string" },
    status: { type: "string" },
    attempts: { type: "integer" },
    model: { type: "string" },
    effort: { type: "string" },
    planned_cost_usd: nullableNum,
    re_arm_count: { type: "integer" },
    auto_close: { type: "boolean" },
  },
} as const;

// JSON Schema of `specfuse show --json` (`specfuse.show/1`, docs/report.md).
export const SHOW_OUTPUT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse show --json",
  type: "object",
  required: ["schema", "exit_code", "error"],
  properties: {
    schema: { const: "specfuse.show/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    feature: {
      type: "object",
      required: ["id", "dir", "title", "status"],
      properties: {
        id: { type: "string" },
        dir: { type: "string" },
        title: { type: "string" },
        status: nullableStr,
      },
    },
    unit: UNIT,
    frontmatter: { type: "object" },
    depends_on: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "status", "satisfied"],
        properties: {
          id: { type: "string" },
          status: nullableStr,
          satisfied: { type: "boolean" },
        },
      },
    },
    dependents: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "status"],
        properties: { id: { type: "string" }, status: { type: "string" } },
      },
    },
    cycles: { type: "array", items: CYCLE },
    totals: {
      type: "object",
      required: ["attempts", "cost_usd", "duration_seconds"],
      properties: {
        attempts: { type: "integer", minimum: 0 },
        cost_usd: nullableNum,
        duration_seconds: nullableNum,
      },
    },
    commit: {
      anyOf: [
        { type: "null" },
        {
          type: "object",
          required: ["sha", "subject", "source"],
          properties: {
            sha: { type: "string", pattern: "^[0-9a-f]{7,64}$" },
            subject: nullableStr,
            source: { enum: ["event", "git"] },
          },
        },
      ],
    },
    ignored_events: { type: "integer", minimum: 0 },
  },
  if: { properties: { exit_code: { const: 0 } } },
  then: {
    required: [
      "feature",
      "unit",
      "frontmatter",
      "depends_on",
      "dependents",
      "cycles",
      "totals",
      "commit",
      "ignored_events",
    ],
    properties: { error: { type: "null" } },
  },
} as const;
