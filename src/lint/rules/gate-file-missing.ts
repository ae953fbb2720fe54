import { gateFileName } from "../../plan/plan-graph.js";
import type { Rule } from "../rule.js";
import { isEmpty } from "../values.js";

// A gate with units needs a GATE file that exists (new; L-EVAL-4 keeps it off empty gates).
export const gateFileMissing: Rule = {
  code: "gate-file-missing",
  gate(ctx, gate) {
    if (!gate.hasUnits) return undefined;
    const raw = gate.raw;
    const suggested = gateFileName(gate.number ?? raw.index + 1);
    if (isEmpty(raw.file)) {
      ctx.report({
        rule: "gate-file-missing",
        file: ctx.facts.planFile,
        line: raw.line,
        gate: gate.label,
        message: `Gate ${gate.label} has work units but no file; expected the name of its GATE file.`,
        hint: `add "file: ${suggested}" to the gate and create that file with "gate: ${gate.number ?? raw.index + 1}" and "status: open" frontmatter.`,
      });
    } else if (gate.file !== null && !gate.file.exists) {
      const isOther = gate.file.read.kind === "not-file";
      ctx.report({
        rule: "gate-file-missing",
        file: ctx.facts.planFile,
        line: raw.line,
        gate: gate.label,
        message: `Gate ${gate.label} names ${gate.file.display}, which ${isOther ? "is not a regular file" : "does not exist"}.`,
        hint: `create ${gate.file.display} with "gate: ${gate.number ?? raw.index + 1}" and "status: open" frontmatter, or fix the gate's file.`,
      });
    }
    return undefined;
  },
};
