import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";

const str = { type: "string" } as const;
const nullableStr = { type: ["string", "null"] } as const;
const nullableNum = { type: ["number", "null"] } as const;
const nullableInt = { type: ["integer", "null"] } as const;

const problem = {
  type: "object",
  required: ["code", "file", "line", "message"],
  properties: { code: str, file: str, line: nullableInt, message: str },
} as const;

const unit = {
  type: "object",
  required: [
    "id",
    "file",
    "type",
    "status",
    "attempts",
    "model",
    "effort",
    "depends_on",
    "cost_usd",
    "cumulative_cost_usd",
    "planned_cost_usd",
    "duration_seconds",
    "re_arm_count",
  ],
  properties: {
    id: str,
    file: str,
    type: str,
    status: str,
    attempts: { type: "integer", minimum: 0 },
    model: str,
    effort: str,
    depends_on: { type: "array", items: str },
    cost_usd: nullableNum,
    cumulative_cost_usd: nullableNum,
    planned_cost_usd: nullableNum,
    duration_seconds: nullableNum,
    cumulative_duration_seconds: nullableNum,
    re_arm_count: { type: "integer", minimum: 0 },
    state: {
      enum: [
        "done",
        "abandoned",
        "draft",
        "ready",
        "running",
        "waiting",
        "blocked",
        "in_review",
        "later",
        "idle",
        "missing",
        "unreadable",
      ],
    },
    reason: nullableStr,
  },
} as const;

const gate = {
  type: "object",
  required: [
    "number",
    "file",
    "status",
    "cost_budget_usd",
    "spent_usd",
    "units",
  ],
  properties: {
    number: { type: "integer" },
    file: str,
    status: str,
    cost_budget_usd: nullableNum,
    spent_usd: { type: "number", minimum: 0 },
    is_terminal: { type: "boolean" },
    units: { type: "array", items: unit },
  },
} as const;

const feature = {
  type: "object",
  required: [
    "id",
    "dir",
    "title",
    "status",
    "branch",
    "current_gate",
    "next_step",
    "problems",
    "gates",
  ],
  properties: {
    id: str,
    dir: str,
    title: nullableStr,
    status: nullableStr,
    branch: nullableStr,
    current_gate: nullableInt,
    next_step: str,
    problems: { type: "array", items: problem },
    gates: { type: "array", items: gate },
    totals: {
      type: "object",
      required: ["cost_usd", "duration_seconds", "units", "done"],
      properties: {
        cost_usd: { type: "number" },
        duration_seconds: { type: "number" },
        units: { type: "integer" },
        done: { type: "integer" },
      },
    },
  },
} as const;

// JSON Schema of `specfuse status --json` (cli.md §10 `specfuse.status/1`); a failed status (exit 65) still carries the body.
export const STATUS_OUTPUT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse status --json",
  type: "object",
  required: [
    "schema",
    "exit_code",
    "error",
    "scaffold",
    "lock",
    "checkpoint",
    "features",
  ],
  properties: {
    schema: { const: "specfuse.status/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    scaffold: {
      type: "object",
      required: ["version", "package_version", "drift"],
      properties: {
        version: nullableStr,
        package_version: str,
        drift: {
          enum: ["none", "tree_older", "tree_newer", "unversioned", "invalid"],
        },
      },
    },
    lock: {
      type: "object",
      required: ["held", "pid", "host", "started_at", "feature"],
      properties: {
        held: { type: "boolean" },
        state: { enum: ["free", "held", "dead", "stale"] },
        pid: nullableInt,
        host: nullableStr,
        started_at: nullableStr,
        feature: nullableStr,
        command: nullableStr,
      },
    },
    checkpoint: {
      anyOf: [
        { type: "null" },
        {
          type: "object",
          required: ["feature_dir", "wu_id", "gate", "attempt", "max_attempts"],
          properties: {
            feature_dir: str,
            wu_id: str,
            gate: { type: "integer" },
            attempt: { type: "integer" },
            max_attempts: { type: "integer" },
            pid: { type: "integer" },
            host: str,
            started_at: str,
          },
        },
      ],
    },
    problems: { type: "array", items: problem },
    features: { type: "array", items: feature },
  },
  if: { properties: { exit_code: { const: 0 } } },
  then: { properties: { error: { type: "null" } } },
} as const;
