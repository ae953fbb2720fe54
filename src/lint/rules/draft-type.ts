import { WU_TYPES, isWuType } from "../../plan/vocabulary.js";
import type { Rule } from "../rule.js";
import { show } from "../values.js";

// D03: a drafted unit has one of the seven types.
export const draftType: Rule = {
  code: "draft-type",
  draft(ctx, draft) {
    const value = draft.doc.data.type;
    if (isWuType(value)) return;
    ctx.report({
      rule: "draft-type",
      file: draft.file,
      line: draft.doc.keyLine("type") ?? 1,
      gate: null,
      message: `type is ${show(value)}; expected one of ${WU_TYPES.join(", ")}.`,
      hint: 'write "type: implementation", or the closing type this unit plays.',
    });
  },
};
