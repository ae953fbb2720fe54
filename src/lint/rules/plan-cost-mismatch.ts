import { costEntries, dollars, planCost } from "../cost.js";
import { round2 } from "../numeric.js";
import type { Rule } from "../rule.js";

const THRESHOLD = 10;

// L25: the PLAN estimate and the units' sum differ by more than 10% (lint.md L-COST-2).
export const planCostMismatch: Rule = {
  code: "plan-cost-mismatch",
  cost(ctx) {
    const { facts } = ctx;
    if (facts.planState !== "ok" || ctx.state.hasInvalidUnitFile) return;
    const plan = planCost(facts);
    if (plan.kind !== "number") return;
    let sum = 0;
    for (const c of costEntries(facts)) {
      if (c.value.kind === "invalid") return;
      if (c.value.kind === "number") sum += c.value.value;
    }
    const s = round2(sum);
    const p = round2(plan.value);
    // Division before multiplication, exactly as L-COST-2 step 4 requires.
    const delta =
      p > 0
        ? (Math.abs(p - s) / p) * 100
        : s > 0
          ? (Math.abs(p - s) / s) * 100
          : 0;
    if (!(delta > THRESHOLD)) return;
    ctx.report({
      rule: "plan-cost-mismatch",
      file: facts.planFile,
      line: facts.planKeyLine("planned_cost_usd") ?? 1,
      gate: null,
      message: `The PLAN planned_cost_usd is ${dollars(p)} but the units' planned costs sum to ${dollars(s)}, ${Math.round(delta)}% apart (the threshold is ${THRESHOLD}%).`,
      hint: `set "planned_cost_usd: ${s.toFixed(2)}" in the PLAN, or revise the units' estimates.`,
    });
  },
};
