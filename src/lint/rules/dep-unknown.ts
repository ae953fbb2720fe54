import type { Rule } from "../rule.js";
import { show } from "../values.js";
import { closestId } from "../wording.js";

// L07: once per dependency element that names no entry of any gate; the hint names the closest id.
export const depUnknown: Rule = {
  code: "dep-unknown",
  entry(ctx, entry) {
    const unknown = ctx.facts.analysis?.unknownDeps.get(entry.raw) ?? [];
    const who =
      typeof entry.raw.id === "string"
        ? entry.raw.id
        : `Entry ${entry.raw.index + 1}`;
    for (const dep of unknown) {
      const near = closestId(
        dep.value,
        ctx.facts.analysis?.firstById.keys() ?? [],
      );
      ctx.report({
        rule: "dep-unknown",
        file: ctx.facts.planFile,
        line: dep.line ?? entry.raw.dependsOnLine ?? entry.raw.line,
        gate: entry.gate.label,
        message: `${who} depends on ${show(dep.value)}, which is not in the graph.`,
        hint:
          near === null
            ? "add that unit to the graph, or remove it from depends_on."
            : `did you mean ${near}? Otherwise remove it from depends_on.`,
      });
    }
    return undefined;
  },
};
