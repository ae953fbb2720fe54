import { closingMixOf } from "../closing-mix.js";
import type { Rule } from "../rule.js";
import { listOf } from "../wording.js";

// L26: the latest gate closes the NEW way while earlier gates are LEGACY (a migration in progress).
export const closingMixForward: Rule = {
  code: "closing-mix-forward",
  mix(ctx) {
    const mix = closingMixOf(ctx);
    if (mix === null || mix.latestClass !== "NEW") return;
    ctx.report({
      rule: "closing-mix-forward",
      file: ctx.facts.planFile,
      line: mix.latest.raw.line,
      gate: null,
      message: `Gate ${mix.latest.label} uses the new closing shape, but gate${mix.legacyGates.length === 1 ? "" : "s"} ${listOf(mix.legacyGates.map(String))} still use${mix.legacyGates.length === 1 ? "s" : ""} the legacy one.`,
      hint: "fine while migrating; convert the legacy gates to close-intermediate + plan-next when you next touch them.",
    });
  },
};
