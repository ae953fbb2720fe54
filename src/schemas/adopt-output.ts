import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";

const strs = { type: "array", items: { type: "string" } } as const;

// The body `adopt` and `new` share: the drafted folder, its files, warnings and next steps (github.md GH-ADOPT-7).
function createdSchema(schema: string, title: string) {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title,
    type: "object",
    required: ["schema", "exit_code", "error"],
    properties: {
      schema: { const: schema },
      exit_code: { type: "integer" },
      error: ENVELOPE_ERROR_SCHEMA,
      feature_id: { type: "string" },
      dir: { type: "string" },
      branch: { type: "string" },
      base: { type: ["string", "null"] },
      files: {
        type: "array",
        items: {
          type: "object",
          required: ["path", "action"],
          additionalProperties: false,
          properties: {
            path: { type: "string" },
            action: { enum: ["create", "update"] },
          },
        },
      },
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
      next_steps: strs,
      dry_run: { type: "boolean" },
    },
    if: { properties: { exit_code: { const: 0 } } },
    then: {
      required: [
        "feature_id",
        "dir",
        "branch",
        "base",
        "files",
        "warnings",
        "next_steps",
      ],
      properties: { error: { type: "null" } },
    },
  } as const;
}

// JSON Schema of `specfuse adopt --json` (`specfuse.adopt/1`).
export const ADOPT_OUTPUT_SCHEMA = createdSchema(
  "specfuse.adopt/1",
  "specfuse adopt --json",
);

// JSON Schema of `specfuse new --json` (`specfuse.new/1`).
export const NEW_OUTPUT_SCHEMA = createdSchema(
  "specfuse.new/1",
  "specfuse new --json",
);
