import { CORRELATION_ID_PATTERN } from "../plan/correlation-id.js";

// A correlation ID (formats.md F-ID-2), as a JSON Schema.
export const CORRELATION_ID = {
  type: "string",
  pattern: CORRELATION_ID_PATTERN.source,
  description:
    "FEAT-YYYY-NNNN/Tnn, FEAT-YYYY-NNNN/Gn-CLOSE, … (formats.md F-ID-2).",
} as const;

// A planned cost: a YAML number, or a numeric string (lint.md L-DEF-5); null means "not planned".
export const PLANNED_COST = {
  description: "Planned cost in US dollars; a number or a numeric string.",
  anyOf: [
    { type: "number" },
    {
      type: "string",
      pattern:
        "^\\s*[+-]?(?:[0-9](?:_?[0-9])*(?:\\.(?:[0-9](?:_?[0-9])*)?)?|\\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?\\s*$",
    },
    { type: "null" },
  ],
} as const;

// A string or a list of strings (produces, extra_gates, …).
export const STRING_OR_LIST = {
  anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }],
} as const;
