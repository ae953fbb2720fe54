import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";

const nullableStr = { type: ["string", "null"] } as const;
const count = { type: "integer", minimum: 0 } as const;

// JSON Schema of `specfuse log --verify --json` (audit.md AU-VER-2 `specfuse.log-verify/1`).
export const LOG_VERIFY_OUTPUT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse log --verify --json",
  type: "object",
  required: ["schema", "exit_code", "error"],
  properties: {
    schema: { const: "specfuse.log-verify/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    files: {
      type: "array",
      items: {
        type: "object",
        required: ["file", "events", "versions", "legacy_events"],
        properties: {
          file: { type: "string" },
          events: count,
          versions: count,
          legacy_events: count,
          unknown_events: count,
        },
      },
    },
    violations: {
      type: "array",
      items: {
        type: "object",
        required: ["kind", "file", "line", "commit", "message"],
        properties: {
          kind: {
            enum: [
              "not_append_only",
              "event_invalid",
              "transition_illegal",
              "transition_gap",
              "commit_missing",
              "trailer_mismatch",
              "oracle_modified",
            ],
          },
          file: { type: "string" },
          line: { type: "integer", minimum: 1 },
          commit: nullableStr,
          message: { type: "string" },
        },
      },
    },
  },
  if: { properties: { exit_code: { const: 0 } } },
  then: {
    required: ["files", "violations"],
    properties: { error: { type: "null" }, violations: { maxItems: 0 } },
  },
} as const;
