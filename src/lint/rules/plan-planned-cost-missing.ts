import { planCost } from "../cost.js";
import type { Rule } from "../rule.js";

// L24: the PLAN should carry the feature's `planned_cost_usd` (skipped when its frontmatter is invalid).
export const planPlannedCostMissing: Rule = {
  code: "plan-planned-cost-missing",
  cost(ctx) {
    const { facts } = ctx;
    if (facts.planState !== "ok" || planCost(facts).kind !== "absent") return;
    ctx.report({
      rule: "plan-planned-cost-missing",
      file: facts.planFile,
      line: 1,
      gate: null,
      message:
        "The PLAN has no planned_cost_usd, so the feature's cost cannot be checked.",
      hint: 'add the sum of the units\' estimates in US dollars, e.g. "planned_cost_usd: 6.0".',
    });
  },
};
