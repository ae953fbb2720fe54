import { findRoadmapRow } from "../../driver/close/roadmap-table.js";
import type { Rule } from "../rule.js";

const ROADMAP = ".specfuse/roadmap.md";
// The PLAN statuses whose roadmap row `arm` sets to active and the terminal flips set to done.
const LIVE = new Set<unknown>(["planned", "active"]);

// New (warning): a planned or active feature in a workspace has no row in .specfuse/roadmap.md, so `arm` and
// the terminal flips cannot set its Status (cli.md C-ARM-1, driver D-FLIP-2); silent outside a workspace.
export const roadmapRowMissing: Rule = {
  code: "roadmap-row-missing",
  plan(ctx) {
    const { facts } = ctx;
    const roadmap = facts.roadmap;
    const id = facts.planData.feature_id;
    if (roadmap === undefined || facts.planState !== "ok") return undefined;
    if (typeof id !== "string" || id === "" || !LIVE.has(facts.planData.status))
      return undefined;
    const text = roadmap.kind === "file" ? roadmap.text : null;
    if (text !== null && findRoadmapRow(text, id) !== null) return undefined;
    const title =
      typeof facts.planData.title === "string"
        ? facts.planData.title
        : "<title>";
    ctx.report({
      rule: "roadmap-row-missing",
      file: facts.planFile,
      line: facts.planKeyLine("feature_id") ?? 1,
      gate: null,
      message:
        text === null
          ? `There is no ${ROADMAP}, so \`specfuse arm\` and the terminal flips cannot record ${id}'s status there.`
          : `${ROADMAP} has no row for ${id} in a table with a Status column, so \`specfuse arm\` and the terminal flips cannot record its status.`,
      hint: `add a row to the roadmap table whose first cell is the feature id, e.g. "| ${id} | ${title} | ${String(facts.planData.status)} | … |" (see .specfuse/docs/writing-a-plan.md).`,
    });
    return undefined;
  },
};
