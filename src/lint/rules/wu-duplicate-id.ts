import type { Rule } from "../rule.js";

// Two entries with the same string id, in any gate: reported at each repeat (new).
export const wuDuplicateId: Rule = {
  code: "wu-duplicate-id",
  graphWide(ctx) {
    const { facts } = ctx;
    const analysis = facts.analysis;
    if (analysis === null) return;
    const gateOf = new Map(facts.entries.map((e) => [e.raw, e.gate]));
    for (const unit of analysis.duplicateIds) {
      const id = String(unit.id);
      const first = analysis.firstById.get(id);
      ctx.report({
        rule: "wu-duplicate-id",
        file: facts.planFile,
        line: unit.line,
        gate: gateOf.get(unit)?.label ?? null,
        message: `Id ${id} is used again (first at line ${first?.line ?? "?"}); ids must be unique across the graph.`,
        hint: "give this unit the next free id of its gate, and update its file's id and any depends_on that meant it.",
      });
    }
  },
};
