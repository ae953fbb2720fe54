import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";

// JSON Schema of `specfuse abandon --json` (`specfuse.abandon/1`).
export const ABANDON_OUTPUT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse abandon --json",
  type: "object",
  required: ["schema", "exit_code", "error"],
  properties: {
    schema: { const: "specfuse.abandon/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    feature: { type: "string" },
    dir: { type: "string" },
    from: { type: "string" },
    status: { const: "deferred" },
    reason: { type: "string", minLength: 1 },
    files: { type: "array", items: { type: "string" } },
    dry_run: { type: "boolean" },
    already_deferred: { type: "boolean" },
  },
  if: { properties: { exit_code: { const: 0 } } },
  then: {
    required: ["feature", "dir", "from", "status", "reason", "files"],
    properties: { error: { type: "null" } },
  },
} as const;
