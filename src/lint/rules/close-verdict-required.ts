import { VERDICTS } from "../../plan/vocabulary.js";
import type { Rule } from "../rule.js";
import { show } from "../values.js";

const CLOSE_TYPES: ReadonlySet<unknown> = new Set([
  "close",
  "close-intermediate",
]);
const NOT_YET: ReadonlySet<unknown> = new Set([
  "draft",
  "pending",
  "done",
  "abandoned",
  "blocked_human",
]);

// L16: a close unit past pending (an invalid or absent status counts) needs a valid `verdict`.
export const closeVerdictRequired: Rule = {
  code: "close-verdict-required",
  unit(ctx, unit) {
    const data = unit.doc.data;
    if (!CLOSE_TYPES.has(data.type) || NOT_YET.has(data.status))
      return undefined;
    if (
      typeof data.verdict === "string" &&
      (VERDICTS as readonly string[]).includes(data.verdict)
    )
      return undefined;
    ctx.report({
      rule: "close-verdict-required",
      file: unit.file,
      line: unit.doc.keyLine("verdict") ?? 1,
      gate: null,
      message: `A ${String(data.type)} unit with status ${show(data.status)} has verdict ${show(data.verdict)}; expected ${VERDICTS.join(", ")}.`,
      hint: 'a close unit writes its verdict in its own frontmatter before it finishes: add "verdict: met" (or met_locally, partially_met, not_met; see .specfuse/docs/closing-units.md), or set "status: pending" if the close has not run yet.',
    });
    return undefined;
  },
};
