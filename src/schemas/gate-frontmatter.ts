import { GATE_STATUSES } from "../plan/vocabulary.js";

// JSON Schema (draft-07) of a GATE-NN.md frontmatter (formats.md §5); unknown keys are allowed (F-FM-3).
export const GATE_FRONTMATTER_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse GATE-NN.md frontmatter",
  type: "object",
  additionalProperties: true,
  required: ["gate"],
  properties: {
    gate: {
      type: "integer",
      description: "Equal to the gate's number in the PLAN graph.",
    },
    status: { enum: [...GATE_STATUSES], description: "Absent reads as open." },
    cost_budget_usd: {
      type: "number",
      description: "Cumulative USD ceiling of the gate's done units.",
    },
  },
} as const;
