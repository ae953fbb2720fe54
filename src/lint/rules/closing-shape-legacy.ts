import { gateFileName } from "../../plan/plan-graph.js";
import { joinDisplay } from "../../workspace/paths.js";
import { closingOf } from "../closing.js";
import type { Rule } from "../rule.js";

// L22 (warning): the legacy four-unit close still works; reported on the gate's file with the NEW equivalent.
export const closingShapeLegacy: Rule = {
  code: "closing-shape-legacy",
  closing(ctx, gate) {
    const verdict = closingOf(ctx, gate);
    if (verdict === null || verdict.klass !== "LEGACY") return;
    const { facts } = ctx;
    let file = facts.planFile;
    let exists = true;
    if (gate.file !== null) {
      file = gate.file.display;
      exists = gate.file.exists;
    } else if (gate.number !== null) {
      file = joinDisplay(facts.dir, gateFileName(gate.number));
      exists = facts.gateFileExists(file);
    }
    ctx.report({
      rule: "closing-shape-legacy",
      file,
      line: exists ? 1 : null,
      gate: null,
      message: `Gate ${gate.label} closes with the legacy sequence [retrospective, lessons, docs, plan-next].`,
      hint: gate.isTerminal
        ? "replace the four closing units with one unit of type close (…/Gn-CLOSE)."
        : "replace the four closing units with close-intermediate (…/Gn-CLOSE-INTERMEDIATE) followed by plan-next (…/Gn-PLAN).",
    });
  },
};
