import { costEntries, planCost } from "../cost.js";
import type { Rule } from "../rule.js";
import { show } from "../values.js";

const HINT =
  'write a plain number of US dollars, e.g. "planned_cost_usd: 2.5".';

// A WU or PLAN `planned_cost_usd` that is not a finite number or numeric string (new; the reference crashed).
export const plannedCostInvalid: Rule = {
  code: "planned-cost-invalid",
  cost(ctx) {
    const { facts } = ctx;
    for (const c of costEntries(facts)) {
      if (c.value.kind !== "invalid") continue;
      ctx.report({
        rule: "planned-cost-invalid",
        file: c.file,
        line: c.doc.keyLine("planned_cost_usd") ?? 1,
        gate: null,
        message: `planned_cost_usd is ${show(c.doc.data.planned_cost_usd)}; expected a finite number.`,
        hint: HINT,
      });
    }
    if (planCost(facts).kind === "invalid")
      ctx.report({
        rule: "planned-cost-invalid",
        file: facts.planFile,
        line: facts.planKeyLine("planned_cost_usd") ?? 1,
        gate: null,
        message: `The PLAN planned_cost_usd is ${show(facts.planData.planned_cost_usd)}; expected a finite number.`,
        hint: HINT,
      });
  },
};
