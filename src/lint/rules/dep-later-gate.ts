import type { Rule } from "../rule.js";
import { show } from "../values.js";

// A dependency on a unit of a later gate: the unit could never be dispatched (F-GRAPH-7; new).
export const depLaterGate: Rule = {
  code: "dep-later-gate",
  entry(ctx, entry) {
    const later = ctx.facts.analysis?.laterGateDeps.get(entry.raw) ?? [];
    const who =
      typeof entry.raw.id === "string"
        ? entry.raw.id
        : `Entry ${entry.raw.index + 1}`;
    for (const { dep, depGate } of later)
      ctx.report({
        rule: "dep-later-gate",
        file: ctx.facts.planFile,
        line: dep.line ?? entry.raw.dependsOnLine ?? entry.raw.line,
        gate: entry.gate.label,
        message: `${who} (gate ${entry.gate.label}) depends on ${show(dep.value)} of gate ${depGate}, which runs later, so ${who} could never be dispatched.`,
        hint: `move ${show(dep.value)} to gate ${entry.gate.label} or earlier, or drop it from depends_on.`,
      });
    return undefined;
  },
};
