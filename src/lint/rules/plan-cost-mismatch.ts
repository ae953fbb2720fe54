import { costEntries, dollars, planCost } from "../cost.js";
import { round2 } from "../numeric.js";
import type { Rule } from "../rule.js";

const THRESHOLD = 10;

// Whether P and S (both multiples of 0.01) differ by more than THRESHOLD percent of P (or of S when P <= 0),
// decided in whole cents so exactly 10% never warns (the float form gives 10.000000000000009 for 1.00/1.10).
function isOverThreshold(p: number, s: number): boolean {
  const pc = Math.round(p * 100);
  const sc = Math.round(s * 100);
  if (!Number.isSafeInteger(pc) || !Number.isSafeInteger(sc)) {
    const base = p > 0 ? p : s > 0 ? s : 0;
    return base > 0 && (Math.abs(p - s) / base) * 100 > THRESHOLD;
  }
  const base = pc > 0 ? pc : sc > 0 ? sc : 0;
  return base > 0 && Math.abs(pc - sc) * 100 > THRESHOLD * base;
}

// L25: the PLAN estimate and the units' sum differ by more than 10% (lint.md L-COST-2, deliberately exact).
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
    if (!isOverThreshold(p, s)) return;
    const delta =
      p > 0
        ? (Math.abs(p - s) / p) * 100
        : s > 0
          ? (Math.abs(p - s) / s) * 100
          : 0;
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
