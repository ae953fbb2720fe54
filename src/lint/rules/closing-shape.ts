import { allowedShapes, closingOf } from "../closing.js";
import type { Rule } from "../rule.js";

// L22: a gate's closing units must form one allowed sequence for its position (L-SHAPE-1).
export const closingShape: Rule = {
  code: "closing-shape",
  closing(ctx, gate) {
    const verdict = closingOf(ctx, gate);
    if (verdict === null || verdict.klass !== "INVALID") return;
    const where = gate.isTerminal ? "the terminal gate" : "a non-terminal gate";
    ctx.report({
      rule: "closing-shape",
      file: ctx.facts.planFile,
      line: gate.raw.line,
      gate: gate.label,
      message: `Gate ${gate.label} closes with [${verdict.sequence.join(", ")}]: ${verdict.problem}; ${where} must close with ${allowedShapes(gate.isTerminal)}.`,
      hint: gate.isTerminal
        ? "end the gate with one unit of type close (id …/Gn-CLOSE) that depends on the gate's other units."
        : "end the gate with a close-intermediate unit (…/Gn-CLOSE-INTERMEDIATE) followed by a plan-next unit (…/Gn-PLAN).",
    });
  },
};
