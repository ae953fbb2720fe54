import type { Rule } from "../rule.js";
import { isInteger, show } from "../values.js";

// A gate's `gate` must be an integer (new).
export const gateNumber: Rule = {
  code: "gate-number",
  gate(ctx, gate) {
    const raw = gate.raw;
    if (raw.hasGate && isInteger(raw.gate)) return undefined;
    ctx.report({
      rule: "gate-number",
      file: ctx.facts.planFile,
      line: raw.line,
      gate: gate.label,
      message: raw.hasGate
        ? `Gate entry ${raw.index + 1} has gate ${show(raw.gate)}; expected an integer.`
        : `Gate entry ${raw.index + 1} has no gate number; expected an integer.`,
      hint: `write "- gate: ${raw.index + 1}" (numbers are unique integers, usually 1, 2, …).`,
    });
    return undefined;
  },
};
