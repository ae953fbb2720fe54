import {
  COMMIT_TYPE_PATTERN,
  EFFORTS,
  VERDICTS,
  WU_STATUSES,
  WU_TYPES,
} from "../plan/vocabulary.js";
import {
  MODEL_ALIASES,
  MODEL_ID_PATTERN,
} from "../agent/adapters/claude-vocabulary.js";
import {
  CORRELATION_ID,
  PLANNED_COST,
  STRING_OR_LIST,
} from "./frontmatter-parts.js";

const COUNT = { type: "integer", minimum: 0 } as const;

// JSON Schema (draft-07) of a WU-*.md frontmatter (formats.md §6); unknown keys are allowed (F-FM-3).
export const WU_FRONTMATTER_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse WU-*.md frontmatter",
  type: "object",
  additionalProperties: true,
  required: ["id", "type", "status"],
  properties: {
    id: { ...CORRELATION_ID, description: "Equal to the graph entry's id." },
    type: { enum: [...WU_TYPES] },
    status: { enum: [...WU_STATUSES] },
    model: {
      description: "Omit the key for the type default.",
      anyOf: [
        { enum: [...MODEL_ALIASES] },
        { type: "string", pattern: MODEL_ID_PATTERN.source },
      ],
    },
    effort: { enum: [...EFFORTS, null] },
    planned_cost_usd: PLANNED_COST,
    produces: {
      ...STRING_OR_LIST,
      description: "Repo-root-relative paths that must exist after a pass.",
    },
    produces_driver_helper: STRING_OR_LIST,
    extra_gates: {
      ...STRING_OR_LIST,
      description: "Extra verification set names.",
    },
    oracle_env: {
      type: ["string", "null"],
      description: "macos_local, linux_docker, github_actions_ci or free text.",
    },
    generated_surfaces: { type: "array", items: { type: "string" } },
    unsandboxed: { type: "boolean" },
    unsandboxed_rationale: { type: "string" },
    verdict: {
      enum: [...VERDICTS, null],
      description: "Close types only; written by the close agent.",
    },
    timeout_minutes: { type: "number", exclusiveMinimum: 0 },
    max_attempts: { type: "integer", minimum: 1, maximum: 10 },
    commit_type: { type: "string", pattern: COMMIT_TYPE_PATTERN.source },
    attempts: COUNT,
    duration_seconds: { type: "number" },
    cost_usd: { type: "number" },
    input_tokens: COUNT,
    output_tokens: COUNT,
    cumulative_cost_usd: { type: "number" },
    cumulative_duration_seconds: { type: "number" },
    cumulative_input_tokens: COUNT,
    cumulative_output_tokens: COUNT,
    auto_close: { type: "boolean" },
    auto_close_reasons: { type: "array", items: { type: "string" } },
    re_arm_count: COUNT,
    re_arm_history: {
      type: "array",
      items: {
        type: "object",
        required: ["timestamp", "prior_status", "prior_attempts", "reason"],
        properties: {
          timestamp: { type: "string" },
          prior_status: { type: "string" },
          prior_attempts: COUNT,
          prior_cost_usd: { type: "number" },
          prior_duration_seconds: { type: "number" },
          reason: { type: "string", pattern: "\\S" },
        },
      },
    },
  },
  allOf: [
    {
      if: {
        properties: { unsandboxed: { const: true } },
        required: ["unsandboxed"],
      },
      then: {
        required: ["unsandboxed_rationale"],
        properties: { unsandboxed_rationale: { pattern: "\\S" } },
      },
    },
  ],
} as const;
