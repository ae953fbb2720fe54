import { missingSections } from "../../plan/body.js";
import type { Rule } from "../rule.js";

// D04a: a drafted unit has every F-WU-11 section, checked in order.
export const draftSectionMissing: Rule = {
  code: "draft-section-missing",
  draft(ctx, draft) {
    for (const section of missingSections(draft.doc.body))
      ctx.report({
        rule: "draft-section-missing",
        file: draft.file,
        line: 1,
        gate: null,
        message: `The draft has no "${section}" section.`,
        hint: `add a "**${section}.**" paragraph or a "## ${section}" heading at the start of a line.`,
      });
  },
};
