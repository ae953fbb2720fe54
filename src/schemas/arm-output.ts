import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";

const strs = { type: "array", items: { type: "string" } } as const;

// JSON Schema of `specfuse arm --json` (cli.md §10 `specfuse.arm/1`).
export const ARM_OUTPUT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse arm --json",
  type: "object",
  required: ["schema", "exit_code", "error"],
  properties: {
    schema: { const: "specfuse.arm/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    feature: { type: "string" },
    gate: { type: "integer" },
    armed: strs,
    abandoned: strs,
    gates_passed: { type: "array", items: { type: "integer" } },
    plan_activated: { type: "boolean" },
    commit: { type: ["string", "null"] },
    warnings: {
      type: "array",
      items: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string" },
          message: { type: "string" },
          file: { type: ["string", "null"] },
          line: { type: ["integer", "null"] },
        },
      },
    },
    dry_run: { type: "boolean" },
    already_armed: { type: "boolean" },
    lint: {
      type: "object",
      required: ["errors", "warnings"],
      properties: {
        errors: { type: "integer", minimum: 0 },
        warnings: { type: "integer", minimum: 0 },
      },
    },
  },
  if: { properties: { exit_code: { const: 0 } } },
  then: {
    required: [
      "feature",
      "gate",
      "armed",
      "abandoned",
      "gates_passed",
      "plan_activated",
      "commit",
      "warnings",
    ],
    properties: { error: { type: "null" } },
  },
} as const;
