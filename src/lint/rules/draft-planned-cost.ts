import { numericValue } from "../numeric.js";
import type { Rule } from "../rule.js";
import { show } from "../values.js";

// D02: a drafted unit carries a positive `planned_cost_usd`.
export const draftPlannedCost: Rule = {
  code: "draft-planned-cost",
  draft(ctx, draft) {
    const raw = draft.doc.data.planned_cost_usd;
    const n = numericValue(raw);
    let problem: string;
    if (n.kind === "absent") problem = "is missing";
    else if (n.kind === "invalid") problem = `is ${show(raw)}, not a number`;
    else if (n.value <= 0) problem = `is ${show(raw)}; it must be positive`;
    else return;
    ctx.report({
      rule: "draft-planned-cost",
      file: draft.file,
      line: draft.doc.keyLine("planned_cost_usd") ?? 1,
      gate: null,
      message: `planned_cost_usd ${problem}.`,
      hint: 'estimate the unit\'s cost in US dollars, e.g. "planned_cost_usd: 1.5".',
    });
  },
};
