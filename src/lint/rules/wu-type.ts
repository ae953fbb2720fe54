import { WU_TYPES, isWuType } from "../../plan/vocabulary.js";
import type { Rule } from "../rule.js";
import { absentKeyNote } from "../absent-key.js";
import { show } from "../values.js";

// L11: `type` must be one of the seven types (F-WU-5).
export const wuType: Rule = {
  code: "wu-type",
  unit(ctx, unit) {
    const value = unit.doc.data.type;
    if (isWuType(value)) return undefined;
    ctx.report({
      rule: "wu-type",
      file: unit.file,
      line: unit.doc.keyLine("type") ?? 1,
      gate: null,
      message: `type is ${show(value)}${absentKeyNote(unit.doc, "type", "unit")}; expected one of ${WU_TYPES.join(", ")}.`,
      hint: 'write "type: implementation" for substantive work, or the closing type this unit plays.',
    });
    return undefined;
  },
};
