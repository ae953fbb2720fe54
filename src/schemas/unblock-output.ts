import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";

// JSON Schema of `specfuse unblock --json` (cli.md §10 `specfuse.unblock/1`).
export const UNBLOCK_OUTPUT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse unblock --json",
  type: "object",
  required: ["schema", "exit_code", "error"],
  properties: {
    schema: { const: "specfuse.unblock/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    feature: { type: "string" },
    wu: { type: "string" },
    re_arm_count: { type: "integer", minimum: 1 },
    gate_reopened: { type: "boolean" },
    commit: { type: ["string", "null"] },
    dry_run: { type: "boolean" },
  },
  if: { properties: { exit_code: { const: 0 } } },
  then: {
    required: ["feature", "wu", "re_arm_count", "gate_reopened", "commit"],
    properties: { error: { type: "null" } },
  },
} as const;
