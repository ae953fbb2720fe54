import { costEntries } from "../cost.js";
import type { Rule } from "../rule.js";

// L23: a unit that is not sealed (done under a done PLAN) should carry `planned_cost_usd`.
export const wuPlannedCostMissing: Rule = {
  code: "wu-planned-cost-missing",
  cost(ctx) {
    for (const c of costEntries(ctx.facts)) {
      if (c.value.kind !== "absent" || c.isSealed) continue;
      ctx.report({
        rule: "wu-planned-cost-missing",
        file: c.file,
        line: 1,
        gate: null,
        message:
          "The unit has no planned_cost_usd, so the plan's cost cannot be checked.",
        hint: 'add your estimate in US dollars, e.g. "planned_cost_usd: 1.5".',
      });
    }
  },
};
