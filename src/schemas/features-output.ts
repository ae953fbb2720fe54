import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";

const nullableStr = { type: ["string", "null"] } as const;

// JSON Schema of `specfuse features --json` (`specfuse.features/1`, github.md GH-FEAT-1).
export const FEATURES_OUTPUT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse features --json",
  type: "object",
  required: ["schema", "exit_code", "error"],
  properties: {
    schema: { const: "specfuse.features/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    features: {
      type: "array",
      items: {
        type: "object",
        required: ["dir", "feature_id", "status", "source_issue_url"],
        additionalProperties: false,
        properties: {
          dir: { type: "string" },
          feature_id: { type: "string" },
          status: nullableStr,
          source_issue_url: nullableStr,
        },
      },
    },
    issues: {
      type: "array",
      items: {
        type: "object",
        required: ["number", "title", "url", "feature_id", "dir"],
        additionalProperties: false,
        properties: {
          number: { type: "integer", minimum: 1 },
          title: { type: "string" },
          url: { type: "string" },
          feature_id: nullableStr,
          dir: nullableStr,
        },
      },
    },
    repo: nullableStr,
  },
  if: { properties: { exit_code: { const: 0 } } },
  then: {
    required: ["features", "issues"],
    properties: { error: { type: "null" } },
  },
} as const;
