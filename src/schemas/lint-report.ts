import { RULE_TABLE } from "../lint/rule-table.js";

const COUNT = { type: "integer", minimum: 0 } as const;

// JSON Schema (draft-07) of the `specfuse lint --format json` document (lint.md L-OUT-2).
export const LINT_REPORT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse-lint report",
  description:
    "The document `specfuse lint --format json` prints (lint.md L-OUT-2).",
  type: "object",
  additionalProperties: false,
  required: [
    "schema_version",
    "tool",
    "strict",
    "just_closed_gate",
    "features",
    "summary",
  ],
  properties: {
    schema_version: { const: 1 },
    tool: {
      type: "object",
      additionalProperties: false,
      required: ["name", "version"],
      properties: {
        name: { const: "specfuse-lint" },
        version: { type: "string", minLength: 1 },
      },
    },
    strict: { type: "boolean" },
    just_closed_gate: { type: ["integer", "null"] },
    features: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["dir", "ok", "errors", "warnings", "diagnostics"],
        properties: {
          dir: { type: "string", minLength: 1 },
          ok: {
            type: "boolean",
            description: "The folder has no effective error.",
          },
          errors: COUNT,
          warnings: COUNT,
          diagnostics: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: [
                "rule",
                "severity",
                "pass",
                "file",
                "line",
                "column",
                "gate",
                "message",
                "hint",
              ],
              properties: {
                rule: { enum: RULE_TABLE.map((r) => r.code) },
                severity: {
                  enum: ["error", "warning"],
                  description: "Effective, after --strict.",
                },
                pass: { enum: ["main", "draft"] },
                file: {
                  type: "string",
                  minLength: 1,
                  description: "Display path.",
                },
                line: { type: ["integer", "null"], minimum: 1 },
                column: { type: ["integer", "null"], minimum: 1 },
                gate: {
                  type: ["number", "string", "null"],
                  description:
                    'The gate\'s `gate` value, "?" when absent, null when no gate is concerned.',
                },
                message: { type: "string", minLength: 1 },
                hint: { type: "string", minLength: 1 },
              },
            },
          },
        },
      },
    },
    summary: {
      type: "object",
      additionalProperties: false,
      required: ["features", "errors", "warnings", "exit_code"],
      properties: {
        features: COUNT,
        errors: COUNT,
        warnings: COUNT,
        exit_code: { enum: [0, 1] },
      },
    },
  },
} as const;
