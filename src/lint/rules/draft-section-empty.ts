import { SECTIONS, sectionPattern } from "../../plan/body.js";
import { sectionContent } from "../section-content.js";
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

// D04b: a present section with no text, read as Markdown paragraphs: text after a run-in heading
// (`**Context.** text`, the style the template uses) counts; the text of an ATX heading line does not.
export const draftSectionEmpty: Rule = {
  code: "draft-section-empty",
  draft(ctx, draft) {
    const body = draft.doc.body;
    for (const section of SECTIONS) {
      const slice = sectionContent(body, section);
      if (slice === null || slice.trim() !== "") continue;
      ctx.report({
        rule: "draft-section-empty",
        file: draft.file,
        line: headingLine(body, draft.doc.fm.bodyLine, section),
        gate: null,
        message: `The "${section}" section is empty: nothing follows its heading before the next one.`,
        hint: `write the ${section.toLowerCase()} after the heading (on the same line after "**${section}.**", or on the lines below), before the next heading.`,
      });
    }
  },
};
