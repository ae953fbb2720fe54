import type { Rule } from "../rule.js";
import { show } from "../values.js";
import { closestId } from "../wording.js";

// A full id that a short one (`T01`) abbreviates, when exactly one graph id ends with `/<value>`.
function expandShortId(value: unknown, known: Iterable<string>): string | null {
  if (typeof value !== "string" || value === "" || value.includes("/"))
    return null;
  const matches = [...known].filter((id) => id.endsWith(`/${value}`));
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

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
      const known = [...(ctx.facts.analysis?.firstById.keys() ?? [])];
      const full = expandShortId(dep.value, known);
      const near = full ?? closestId(dep.value, known);
      ctx.report({
        rule: "dep-unknown",
        file: ctx.facts.planFile,
        line: dep.line ?? entry.raw.dependsOnLine ?? entry.raw.line,
        gate: entry.gate.label,
        message: `${who} depends on ${show(dep.value)}, which is not in the graph.`,
        hint:
          full !== null
            ? `depends_on takes full unit ids: did you mean ${full}?`
            : near === null
              ? "add that unit to the graph, or remove it from depends_on."
              : `did you mean ${near}? Otherwise remove it from depends_on.`,
      });
    }
    return undefined;
  },
};
