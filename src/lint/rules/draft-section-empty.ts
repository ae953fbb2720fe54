import { SECTIONS, sectionPattern, sectionSlice } from "../../plan/body.js";
import type { Rule } from "../rule.js";

// File line of a section's first detector match.
function headingLine(body: string, bodyLine: number, section: string): number {
  const m = sectionPattern(section).exec(body);
  if (m === null) return 1;
  let line = bodyLine;
  for (
    let i = body.indexOf("\n");
    i >= 0 && i < m.index;
    i = body.indexOf("\n", i + 1)
  )
    line++;
  return line;
}

// D04b: a present section whose slice (L-DRAFT-4) is blank; text on the heading line never counts.
export const draftSectionEmpty: Rule = {
  code: "draft-section-empty",
  draft(ctx, draft) {
    const body = draft.doc.body;
    for (const section of SECTIONS) {
      const slice = sectionSlice(body, section);
      if (slice === null || slice.trim() !== "") continue;
      ctx.report({
        rule: "draft-section-empty",
        file: draft.file,
        line: headingLine(body, draft.doc.fm.bodyLine, section),
        gate: null,
        message: `The "${section}" section has nothing under its heading (text on the heading line does not count).`,
        hint: `write the ${section.toLowerCase()} on the lines below the heading, before the next heading.`,
      });
    }
  },
};
