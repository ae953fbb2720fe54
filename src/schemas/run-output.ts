import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";

// The `--json` documents of `specfuse run` (driver D-CLI-4) and `run --dry-run` (D-DRY-3), for the e2e tests and users.

const ATTEMPT = {
  type: "object",
  required: ["attempt", "outcome", "duration_seconds", "cost_usd"],
  additionalProperties: false,
  properties: {
    attempt: { type: "integer", minimum: 1 },
    outcome: { type: "string" },
    duration_seconds: { type: "number", minimum: 0 },
    cost_usd: { type: "number", minimum: 0 },
  },
} as const;

// `specfuse.run/1`: a real run's result, on success and on failure alike (cli.md C-JSON-1/2).
export const RUN_OUTPUT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse.run/1",
  type: "object",
  required: ["schema", "exit_code", "error"],
  properties: {
    schema: { const: "specfuse.run/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    ending: { type: "string" },
    // audit.md AU-HOOK-10: present once hooks are wired into the run.
    hooks: {
      type: "object",
      required: ["delivered", "failed", "queued"],
      additionalProperties: false,
      properties: {
        delivered: { type: "integer", minimum: 0 },
        failed: { type: "integer", minimum: 0 },
        queued: { type: "integer", minimum: 0 },
      },
    },
    feature: {
      type: "object",
      required: ["id", "dir", "branch"],
      properties: {
        id: { type: "string" },
        dir: { type: "string" },
        branch: { type: ["string", "null"] },
      },
    },
    gate: {
      type: "object",
      required: ["number", "status", "terminal"],
      properties: {
        number: { type: ["integer", "null"] },
        status: { type: "string" },
        terminal: { type: "boolean" },
      },
    },
    units: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "type", "result", "commit", "attempts"],
        additionalProperties: false,
        properties: {
          id: { type: "string" },
          type: { type: "string" },
          result: {
            enum: [
              "passed",
              "escalated",
              "auto_closed",
              "interrupted",
              "not_dispatched",
            ],
          },
          commit: { type: ["string", "null"] },
          attempts: { type: "array", items: ATTEMPT },
        },
      },
    },
    cost_usd: { type: "number", minimum: 0 },
    duration_seconds: { type: "number", minimum: 0 },
    next_steps: { type: "array", items: { type: "string" } },
  },
} as const;

// `specfuse.dry-run/1`: the simulated walk (driver D-DRY-3).
export const DRY_RUN_OUTPUT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse.dry-run/1",
  type: "object",
  required: ["schema", "exit_code", "error"],
  properties: {
    schema: { const: "specfuse.dry-run/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    feature: {
      type: "object",
      required: ["id", "dir", "plan_status", "branch"],
      properties: {
        id: { type: "string" },
        dir: { type: "string" },
        plan_status: { type: ["string", "null"] },
        branch: { type: ["string", "null"] },
      },
    },
    gate: {
      anyOf: [
        { type: "null" },
        {
          type: "object",
          required: ["number", "status", "file", "terminal"],
          properties: {
            number: { type: "integer" },
            status: { type: "string" },
            file: { type: "string" },
            terminal: { type: "boolean" },
          },
        },
      ],
    },
    would_refuse: {
      anyOf: [
        { type: "null" },
        {
          type: "object",
          required: ["code", "message", "hint"],
          properties: {
            code: { type: "string" },
            message: { type: "string" },
            hint: { type: ["string", "null"] },
          },
        },
      ],
    },
    units: {
      type: "array",
      items: {
        type: "object",
        required: [
          "order",
          "id",
          "type",
          "status",
          "model",
          "effort",
          "timeout_minutes",
          "action",
          "verification",
        ],
        properties: {
          order: { type: "integer", minimum: 1 },
          id: { type: "string" },
          type: { type: "string" },
          status: { type: "string" },
          model: { type: "string" },
          effort: { type: "string" },
          timeout_minutes: { type: "number", exclusiveMinimum: 0 },
          action: { enum: ["dispatch", "auto_close_candidate"] },
          verification: {
            type: "array",
            items: {
              type: "object",
              required: ["set", "name", "command", "timeout_seconds"],
              properties: {
                set: { type: "string" },
                name: { type: "string" },
                command: { type: "string" },
                timeout_seconds: { type: "number" },
              },
            },
          },
        },
      },
    },
    not_dispatchable: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "status", "reason"],
        properties: {
          id: { type: "string" },
          status: { type: "string" },
          reason: { type: "string" },
        },
      },
    },
    predicted_end_state: {
      enum: [
        "gate_awaiting_review",
        "feature_ready_to_wrap",
        "halted_blocked",
        "drafts_not_armed",
        "feature_complete",
        "nothing_to_do",
      ],
    },
    lock_holder: { type: ["object", "null"] },
    warnings: { type: "array", items: { type: "string" } },
  },
} as const;
