import { isCorrelationId } from "../../plan/correlation-id.js";
import { sameYamlValue } from "../../plan/read-graph.js";
import type { Rule } from "../rule.js";
import { isEmpty, show } from "../values.js";
import { ID_SHAPES, suggestId } from "../wording.js";

function hintFor(value: unknown): string {
  const better = suggestId(value);
  return better === null ? `use the form ${ID_SHAPES}.` : `write ${better}.`;
}

// L06 (graph id, keyed by gate) and L10 (a differing frontmatter id, keyed by file): F-ID-2.
export const wuIdFormat: Rule = {
  code: "wu-id-format",
  entry(ctx, entry) {
    const id = entry.raw.id;
    if (isCorrelationId(id)) return undefined;
    ctx.report({
      rule: "wu-id-format",
      file: ctx.facts.planFile,
      line: entry.raw.idLine ?? entry.raw.line,
      gate: entry.gate.label,
      message: `Graph id ${show(id)} is not a valid correlation ID; expected ${ID_SHAPES}.`,
      hint: hintFor(id),
    });
    return undefined;
  },
  unit(ctx, unit) {
    const data = unit.doc.data;
    const id = data.id;
    if (
      isEmpty(id) ||
      sameYamlValue(id, unit.entry.raw.id) ||
      isCorrelationId(id)
    )
      return undefined;
    ctx.report({
      rule: "wu-id-format",
      file: unit.file,
      line: unit.doc.keyLine("id") ?? 1,
      gate: null,
      message: `Frontmatter id ${show(id)} is not a valid correlation ID; expected ${ID_SHAPES}.`,
      hint: isCorrelationId(unit.entry.raw.id)
        ? `write "id: ${unit.entry.raw.id}", the graph id.`
        : hintFor(id),
    });
    return undefined;
  },
};
