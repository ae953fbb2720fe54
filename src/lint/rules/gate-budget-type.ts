import type { Rule } from "../rule.js";
import { kindOf, show } from "../values.js";

// L04: a GATE `cost_budget_usd` must be a YAML number (integer or float); strings, booleans and null fail.
export const gateBudgetType: Rule = {
  code: "gate-budget-type",
  gate(ctx, gate) {
    const doc = gate.file?.doc ?? null;
    if (gate.file === null || doc === null || !doc.isReadable) return undefined;
    if (!Object.hasOwn(doc.data, "cost_budget_usd")) return undefined;
    const value = doc.data.cost_budget_usd;
    if (typeof value === "number") return undefined;
    ctx.report({
      rule: "gate-budget-type",
      file: gate.file.display,
      line: doc.keyLine("cost_budget_usd") ?? 1,
      gate: null,
      message: `cost_budget_usd is ${show(value)}${value === null ? "" : ` (${kindOf(value)})`}; expected a number of US dollars.`,
      hint: 'write a bare number such as "cost_budget_usd: 10.0", or delete the key for no budget.',
    });
    return undefined;
  },
};
