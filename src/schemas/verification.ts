// Set names of formats.md F-VER-1.
export const SET_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

// One verification check (formats.md F-VER-2); other keys are allowed and ignored.
export const VERIFICATION_CHECK_SCHEMA = {
  type: "object",
  required: ["name", "command"],
  properties: {
    name: { type: "string", minLength: 1 },
    command: { type: "string", minLength: 1 },
    timeout_seconds: { type: "number", exclusiveMinimum: 0 },
  },
} as const;

// JSON Schema (draft-07) of verification.yml (formats.md §7); empty sets pass here (D-LOAD-6 refuses them when needed), unique names are checked in code.
export const VERIFICATION_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://specfuse.dev/schemas/verification-1.json",
  title: "specfuse .specfuse/verification.yml",
  type: "object",
  properties: { cost_tracking: {} },
  patternProperties: {
    "^(?!cost_tracking$)[A-Za-z_][A-Za-z0-9_-]*$": {
      type: ["array", "null"],
      items: VERIFICATION_CHECK_SCHEMA,
    },
  },
  additionalProperties: false,
} as const;
