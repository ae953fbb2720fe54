import { OUTCOMES } from "../types/outcome.js";

// The run-state.json keys of formats.md F-RUN-1, in the order they are written.
export const RUN_STATE_KEYS = [
  "version",
  "pid",
  "host",
  "started_at",
  "feature_dir",
  "wu_id",
  "gate",
  "attempt",
  "start_attempt",
  "max_attempts",
  "head_before",
  "branch",
  "untracked_before",
  "driver_keys",
  "outcomes",
  "prior_signature",
  "agent_pgid",
  "agent_exe",
] as const;

const positiveInt = { type: "integer", minimum: 1 } as const;

// JSON Schema (draft-07) of `<feature>/work/run-state.json` version 1, the driver's crash checkpoint (F-RUN-1, D-REC-1).
export const RUN_STATE_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://specfuse.dev/schemas/run-state-1.json",
  title: "specfuse work/run-state.json",
  type: "object",
  required: [...RUN_STATE_KEYS],
  properties: {
    version: { const: 1 },
    pid: positiveInt,
    host: { type: "string" },
    started_at: { type: "string", minLength: 1 },
    feature_dir: { type: "string", minLength: 1 },
    wu_id: { type: "string", minLength: 1 },
    gate: { type: "integer" },
    attempt: positiveInt,
    start_attempt: positiveInt,
    max_attempts: { type: "integer", minimum: 1, maximum: 10 },
    head_before: { type: "string", pattern: "^[0-9a-f]{40}([0-9a-f]{24})?$" },
    branch: { type: "string" },
    untracked_before: { type: "array", items: { type: "string" } },
    driver_keys: { type: "object" },
    outcomes: {
      type: "array",
      items: {
        type: "object",
        required: ["attempt", "outcome"],
        properties: { attempt: positiveInt, outcome: { enum: [...OUTCOMES] } },
      },
    },
    prior_signature: {
      oneOf: [
        { type: "null" },
        {
          type: "object",
          required: ["failure_class", "failure_signature"],
          properties: {
            failure_class: { type: "string" },
            failure_signature: { type: "string" },
          },
        },
      ],
    },
    agent_pgid: { type: ["integer", "null"] },
    agent_exe: { type: ["string", "null"] },
  },
} as const;
