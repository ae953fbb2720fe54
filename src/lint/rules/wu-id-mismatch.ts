import { isCorrelationId } from "../../plan/correlation-id.js";
import { sameYamlValue } from "../../plan/read-graph.js";
import type { Rule } from "../rule.js";
import { absentKeyNote } from "../absent-key.js";
import { show } from "../values.js";

// L09: the frontmatter `id` must equal the graph id (F-ID-4); an absent id counts as different.
export const wuIdMismatch: Rule = {
  code: "wu-id-mismatch",
  unit(ctx, unit) {
    const graphId = unit.entry.raw.id;
    const data = unit.doc.data;
    if (Object.hasOwn(data, "id") && sameYamlValue(data.id, graphId))
      return undefined;
    ctx.report({
      rule: "wu-id-mismatch",
      file: unit.file,
      line: unit.doc.keyLine("id") ?? 1,
      gate: null,
      message: `Frontmatter id is ${show(data.id)}${absentKeyNote(unit.doc, "id", "unit")}, but the graph names this file as ${show(graphId)}.`,
      hint:
        isCorrelationId(data.id) && !isCorrelationId(graphId)
          ? `the graph id is the odd one: write "id: ${data.id}" in the graph entry (line ${unit.entry.raw.idLine ?? "?"} of PLAN.md).`
          : `write "id: ${typeof graphId === "string" ? graphId : show(graphId)}" (or fix the id in the graph).`,
    });
    return undefined;
  },
};
