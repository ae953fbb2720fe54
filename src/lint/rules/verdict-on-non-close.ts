import type { Rule } from "../rule.js";
import { show } from "../values.js";

const CLOSE_TYPES: ReadonlySet<unknown> = new Set([
  "close",
  "close-intermediate",
]);

// L17: only close and close-intermediate units carry a non-null `verdict`.
export const verdictOnNonClose: Rule = {
  code: "verdict-on-non-close",
  unit(ctx, unit) {
    const data = unit.doc.data;
    if (
      CLOSE_TYPES.has(data.type) ||
      data.verdict === undefined ||
      data.verdict === null
    )
      return undefined;
    ctx.report({
      rule: "verdict-on-non-close",
      file: unit.file,
      line: unit.doc.keyLine("verdict") ?? 1,
      gate: null,
      message: `A unit of type ${show(data.type)} has verdict ${show(data.verdict)}; only close and close-intermediate units carry one.`,
      hint: "delete the verdict line.",
    });
    return undefined;
  },
};
