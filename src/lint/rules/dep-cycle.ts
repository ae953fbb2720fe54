import type { Rule } from "../rule.js";

// Each dependency cycle once, at its first member in graph order, with one concrete path (new).
export const depCycle: Rule = {
  code: "dep-cycle",
  graphWide(ctx) {
    const { facts } = ctx;
    const analysis = facts.analysis;
    if (analysis === null) return;
    const gateOf = new Map(facts.entries.map((e) => [e.raw, e.gate]));
    for (const cycle of analysis.cycles) {
      const [from = "?", to = "?"] = cycle.path;
      ctx.report({
        rule: "dep-cycle",
        file: facts.planFile,
        line: cycle.unit.line,
        gate: gateOf.get(cycle.unit)?.label ?? null,
        message:
          from === to
            ? `${from} depends on itself (${cycle.path.join(" → ")}), so it can never start.`
            : `Dependency cycle ${cycle.path.join(" → ")}: none of these units can ever start.`,
        hint:
          from === to
            ? `remove ${from} from its own depends_on.`
            : `break the cycle, e.g. remove ${to} from the depends_on of ${from}.`,
      });
    }
  },
};
