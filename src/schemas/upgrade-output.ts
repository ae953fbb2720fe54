import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";
import { SCAFFOLD_BODY_PROPERTIES } from "./init-output.js";

// JSON Schema of `specfuse upgrade --json` (cli.md §10, init.md I-UPG-11).
export const UPGRADE_OUTPUT_SCHEMA = {
  type: "object",
  required: ["schema", "exit_code", "error"],
  properties: {
    schema: { const: "specfuse.upgrade/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    ...SCAFFOLD_BODY_PROPERTIES,
    from: { type: ["string", "null"] },
    to: { type: "string" },
    example: { type: "null" },
    leftovers: { type: "array", items: { type: "string" } },
  },
  if: { properties: { exit_code: { const: 0 } } },
  then: {
    required: [
      "target",
      "dry_run",
      "version",
      "from",
      "to",
      "stack",
      "files",
      "kept",
      "warnings",
      "example",
      "leftovers",
    ],
    properties: { error: { type: "null" } },
  },
} as const;
