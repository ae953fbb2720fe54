import type { Rule } from "../rule.js";

// L03: no fenced yaml block with `gates`; ends the folder, and stays quiet if an earlier block was yaml-invalid.
export const graphMissing: Rule = {
  code: "graph-missing",
  graph(ctx) {
    const { facts } = ctx;
    if (facts.graph !== null) return undefined;
    if ((facts.planDoc?.search.earlierIssues.length ?? 0) === 0)
      ctx.report({
        rule: "graph-missing",
        file: facts.planFile,
        line: 1,
        gate: null,
        message:
          "PLAN.md has no task graph: no fenced ```yaml block whose top-level key is gates.",
        hint: 'add a block that opens with "```yaml", then "gates:", then one "- gate: 1" entry per gate with "file: GATE-01.md" and "work_units:", and closes with "```".',
      });
    return "stop";
  },
};
