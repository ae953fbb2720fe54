import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";

// The `pull_request` member of `specfuse.pr/1` (and, later, `specfuse.run/1`; github.md GH-PR-4).
export const PULL_REQUEST_SCHEMA = {
  type: "object",
  required: ["number", "url", "action", "draft"],
  additionalProperties: false,
  properties: {
    number: { type: ["integer", "null"], minimum: 1 },
    url: { type: ["string", "null"] },
    action: { enum: ["created", "updated", "unchanged"] },
    draft: { type: "boolean" },
  },
} as const;

// JSON Schema of `specfuse pr --json` (`specfuse.pr/1`).
export const PR_OUTPUT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse pr --json",
  type: "object",
  required: ["schema", "exit_code", "error"],
  properties: {
    schema: { const: "specfuse.pr/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    feature: { type: "string" },
    dir: { type: "string" },
    pull_request: PULL_REQUEST_SCHEMA,
    base: { type: "string" },
    title: { type: "string" },
    dry_run: { type: "boolean" },
    body: { type: "string" },
  },
  if: { properties: { exit_code: { const: 0 } } },
  then: {
    required: ["feature", "pull_request", "dry_run"],
    properties: { error: { type: "null" } },
  },
} as const;
