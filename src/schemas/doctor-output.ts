import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";

const nullableStr = { type: ["string", "null"] } as const;

// JSON Schema of `specfuse doctor --json` (cli.md §10 `specfuse.doctor/1`); a failing doctor (exit 1) still carries every check.
export const DOCTOR_OUTPUT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse doctor --json",
  type: "object",
  required: ["schema", "exit_code", "error", "checks"],
  properties: {
    schema: { const: "specfuse.doctor/1" },
    exit_code: { enum: [0, 1] },
    error: ENVELOPE_ERROR_SCHEMA,
    checks: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "status", "summary", "detail", "hint"],
        properties: {
          id: {
            enum: [
              "node",
              "git",
              "agent",
              "scaffold-version",
              "scaffold-modified",
              "wiring",
              "verification",
              "config",
              "hooks",
              "lock",
              "legacy",
            ],
          },
          status: { enum: ["ok", "warn", "fail", "skip"] },
          summary: { type: "string" },
          detail: nullableStr,
          hint: nullableStr,
          code: nullableStr,
        },
      },
    },
  },
  if: { properties: { exit_code: { const: 0 } } },
  then: { properties: { error: { type: "null" } } },
  else: {
    properties: {
      error: {
        type: "object",
        properties: { code: { const: "doctor_failed" } },
      },
    },
  },
} as const;
