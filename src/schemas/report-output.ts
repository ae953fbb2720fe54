import { ENVELOPE_ERROR_SCHEMA } from "./envelope.js";

const count = { type: "integer", minimum: 0 } as const;

// JSON Schema of `specfuse report --json` (`specfuse.report/1`, docs/report.md).
export const REPORT_OUTPUT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse report --json",
  type: "object",
  required: ["schema", "exit_code", "error"],
  properties: {
    schema: { const: "specfuse.report/1" },
    exit_code: { type: "integer" },
    error: ENVELOPE_ERROR_SCHEMA,
    feature: { type: "string" },
    dir: { type: "string" },
    file: { type: "string", pattern: "/work/report\\.html$" },
    bytes: count,
    has_events: { type: "boolean" },
    units: count,
    attempts: count,
    failed_attempts: count,
    cost_usd: { type: "number" },
    duration_seconds: { type: "number" },
    events: count,
    ignored_events: count,
    unknown_event_types: { type: "array", items: { type: "string" } },
    skipped_lines: count,
    opened: { type: "boolean" },
    problems: { type: "array", items: { type: "string" } },
  },
  if: { properties: { exit_code: { const: 0 } } },
  then: {
    required: [
      "feature",
      "dir",
      "file",
      "bytes",
      "has_events",
      "units",
      "attempts",
      "failed_attempts",
      "cost_usd",
      "duration_seconds",
      "events",
      "ignored_events",
      "unknown_event_types",
      "skipped_lines",
      "opened",
      "problems",
    ],
    properties: { error: { type: "null" } },
  },
} as const;
