import { closingMixOf } from "../closing-mix.js";
import type { Rule } from "../rule.js";
import { listOf } from "../wording.js";

// L27: the latest gate went back to the LEGACY shape after gates that use the NEW one.
export const closingMixBackward: Rule = {
  code: "closing-mix-backward",
  mix(ctx) {
    const mix = closingMixOf(ctx);
    if (mix === null || mix.latestClass !== "LEGACY") return;
    ctx.report({
      rule: "closing-mix-backward",
      file: ctx.facts.planFile,
      line: mix.latest.raw.line,
      gate: null,
      message: `Gate ${mix.latest.label} uses the legacy closing shape after gate${mix.newGates.length === 1 ? "" : "s"} ${listOf(mix.newGates.map(String))} adopted the new one.`,
      hint: mix.latest.isTerminal
        ? `close gate ${mix.latest.label} with one close unit instead of retrospective, lessons, docs, plan-next.`
        : `close gate ${mix.latest.label} with close-intermediate followed by plan-next.`,
    });
  },
};
