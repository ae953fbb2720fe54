import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";
// Pieces shared by the `specfuse.init/1` and `specfuse.upgrade/1` documents (cli.md §10, init.md I-INIT-7).

// The body keys both commands share.
export const SCAFFOLD_BODY_PROPERTIES = {
  target: { type: "string" },
  dry_run: { type: "boolean" },
  version: { type: "string" },
  stack: {
    type: "object",
    required: ["detected", "code_checks"],
    additionalProperties: false,
    properties: {
      detected: {
        type: "array",
        items: { enum: ["node", "python", "rust", "go", "make"] },
      },
      code_checks: { type: "integer", minimum: 0 },
    },
  },
  files: {
    type: "array",
    items: {
      type: "object",
      required: ["path", "action", "reason"],
      additionalProperties: false,
      properties: {
        path: { type: "string", pattern: "^[^/\\\\]" },
        action: {
          enum: [
            "create",
            "append",
            "merge",
            "replace",
            "update",
            "remove",
            "keep",
            "unchanged",
          ],
        },
        reason: { type: ["string", "null"] },
      },
    },
  },
  kept: { type: "array", items: { type: "string" } },
  warnings: {
    type: "array",
    items: {
      type: "object",
      required: ["code", "message"],
      additionalProperties: false,
      properties: {
        code: { type: "string", pattern: "^[a-z][a-z0-9_]*$" },
        message: { type: "string" },
      },
    },
  },
} as const;

// JSON Schema of `specfuse init --json` (success and failure; a failure may omit the body).
export const INIT_OUTPUT_SCHEMA = {
  type: "object",
  required: ["schema", "exit_code", "error"],
  properties: {
    schema: { const: "specfuse.init/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    ...SCAFFOLD_BODY_PROPERTIES,
    example: {
      anyOf: [
        { type: "null" },
        {
          type: "object",
          required: ["feature_id", "dir"],
          additionalProperties: false,
          properties: {
            feature_id: { type: "string" },
            dir: { type: "string" },
          },
        },
      ],
    },
  },
  if: { properties: { exit_code: { const: 0 } } },
  then: {
    required: [
      "target",
      "dry_run",
      "version",
      "stack",
      "files",
      "kept",
      "warnings",
      "example",
    ],
    properties: { error: { type: "null" } },
  },
} as const;
