import { PLAN_STATUSES } from "../plan/vocabulary.js";
import { PLANNED_COST } from "./frontmatter-parts.js";

// JSON Schema (draft-07) of the PLAN.md frontmatter (formats.md §4); unknown keys are allowed (F-FM-3).
export const PLAN_FRONTMATTER_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "specfuse PLAN.md frontmatter",
  type: "object",
  additionalProperties: true,
  required: ["feature_id", "title", "branch", "roadmap_goal", "status"],
  properties: {
    feature_id: {
      type: "string",
      pattern: "^(?:FEAT-[0-9]{4}-[0-9]{4}|INIT-[0-9]{4}-[0-9]{4}/F[0-9]{2})$",
      description: "The feature ID, e.g. FEAT-2026-0042.",
    },
    title: { type: "string" },
    branch: {
      type: "string",
      description: "Usually feat/<feature-key>-<slug>.",
    },
    roadmap_goal: { type: "string", description: "One line." },
    status: {
      enum: [...PLAN_STATUSES],
      description: "Discovery picks the single active feature.",
    },
    slug: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
    autonomy_default: { enum: ["auto", "review", "supervised"] },
    planned_cost_usd: PLANNED_COST,
    auto_close_disabled: {
      anyOf: [
        { type: "boolean" },
        { enum: ["true", "True", "false", "False"] },
      ],
    },
    base: {
      type: "string",
      description:
        "The branch the feature branch starts from and its pull request targets.",
    },
    source_issue_url: { type: "string" },
    initiative: { type: "string" },
  },
} as const;
