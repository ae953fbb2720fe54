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

// JSON Schema (draft-07) of `.specfuse/verification.yml` (formats.md §7); an empty set (`code:`) is allowed
// here and refused only when a unit needs it (driver D-LOAD-6). Unique names are checked in code.
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
