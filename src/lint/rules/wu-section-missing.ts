import { missingSections } from "../../plan/body.js";
import type { Rule } from "../rule.js";

const NEEDS_SECTIONS: ReadonlySet<unknown> = new Set([
  "draft",
  "pending",
  "ready",
]);

// L15: a draft, pending or ready unit needs every F-WU-11 section; one finding per missing section.
export const wuSectionMissing: Rule = {
  code: "wu-section-missing",
  unit(ctx, unit) {
    const status = unit.doc.data.status;
    if (!NEEDS_SECTIONS.has(status)) return undefined;
    for (const section of missingSections(unit.doc.body))
      ctx.report({
        rule: "wu-section-missing",
        file: unit.file,
        line: 1,
        gate: null,
        message: `The body has no "${section}" section, which a ${String(status)} unit needs.`,
        hint: `add a "**${section}.**" paragraph or a "## ${section}" heading at the start of a line.`,
      });
    return undefined;
  },
};
