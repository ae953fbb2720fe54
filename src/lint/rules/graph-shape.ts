import type { Rule } from "../rule.js";
import { isEmpty, kindOf, show } from "../values.js";

// A `file` that has a value but is not text (an empty one is another rule's business).
function isBadFile(value: unknown): boolean {
  return !isEmpty(value) && typeof value !== "string";
}

// Structural errors of the graph (lint.md §4.2): lists that are not lists, entries that are not mappings.
export const graphShape: Rule = {
  code: "graph-shape",
  graph(ctx) {
    const { facts } = ctx;
    const graph = facts.graph;
    if (graph === null || graph.isGatesList) return undefined;
    const value = facts.planDoc?.search.graph?.root.gates;
    ctx.report({
      rule: "graph-shape",
      file: facts.planFile,
      line: graph.gatesLine ?? facts.planDoc?.search.graph?.fenceLine ?? 1,
      gate: null,
      message: `gates is ${kindOf(value)}${value === null || value === undefined ? "" : ` (${show(value)})`}; expected a list of gate entries.`,
      hint: 'write each gate as a list item under "gates:", e.g. "  - gate: 1".',
    });
    return "stop";
  },
  gate(ctx, gate) {
    const { facts } = ctx;
    const raw = gate.raw;
    if (!raw.isMap) {
      ctx.report({
        rule: "graph-shape",
        file: facts.planFile,
        line: raw.line,
        gate: gate.label,
        message: `Gate entry ${raw.index + 1} is ${kindOf(raw.raw)} (${show(raw.raw)}); expected a mapping with gate, file and work_units.`,
        hint: `write it as "- gate: ${raw.index + 1}" with "file:" and "work_units:" on the lines below.`,
      });
      return "skip";
    }
    if (raw.hasWorkUnits && raw.workUnits !== null && !raw.isWorkUnitsList)
      ctx.report({
        rule: "graph-shape",
        file: facts.planFile,
        line: raw.workUnitsLine ?? raw.line,
        gate: gate.label,
        message: `work_units of gate ${gate.label} is ${kindOf(raw.workUnits)} (${show(raw.workUnits)}); expected a list of units.`,
        hint: 'list each unit as "- id: …" with "file: …" under work_units, or write "work_units: []" for a gate not drafted yet.',
      });
    if (isBadFile(raw.file))
      ctx.report({
        rule: "graph-shape",
        file: facts.planFile,
        line: raw.fileLine ?? raw.line,
        gate: gate.label,
        message: `file of gate ${gate.label} is ${kindOf(raw.file)} (${show(raw.file)}); expected a file name.`,
        hint: `write the GATE file name, e.g. "file: GATE-${String(gate.number ?? raw.index + 1).padStart(2, "0")}.md".`,
      });
    return undefined;
  },
  entry(ctx, entry) {
    const { facts } = ctx;
    const raw = entry.raw;
    if (!raw.isMap) {
      ctx.report({
        rule: "graph-shape",
        file: facts.planFile,
        line: raw.line,
        gate: entry.gate.label,
        message: `Entry ${raw.index + 1} of gate ${entry.gate.label} is ${kindOf(raw.raw)} (${show(raw.raw)}); expected a mapping with id, file and depends_on.`,
        hint: 'write the unit as "- id: FEAT-…/Tnn" with "file: WU-nn-<slug>.md" on the next line.',
      });
      return "skip";
    }
    if (isBadFile(raw.file)) {
      ctx.report({
        rule: "graph-shape",
        file: facts.planFile,
        line: raw.fileLine ?? raw.line,
        gate: entry.gate.label,
        message: `file of ${typeof raw.id === "string" ? raw.id : `entry ${raw.index + 1}`} is ${kindOf(raw.file)} (${show(raw.file)}); expected a WU file name.`,
        hint: 'write the file name relative to the feature folder, e.g. "file: WU-01-<slug>.md".',
      });
      return "skip";
    }
    return undefined;
  },
};
