import { isCorrelationId } from "../../plan/correlation-id.js";
import type { Rule } from "../rule.js";
import { show } from "../values.js";
import { ID_SHAPES, suggestId } from "../wording.js";

// D01: a drafted unit's id (its `file` when `id` is absent) must be a valid correlation ID.
export const draftIdFormat: Rule = {
  code: "draft-id-format",
  draft(ctx, draft) {
    if (isCorrelationId(draft.draftId)) return;
    const better = suggestId(draft.draftId);
    ctx.report({
      rule: "draft-id-format",
      file: draft.file,
      line: 1,
      gate: null,
      message: `Draft id ${show(draft.draftId)} is not a valid correlation ID; expected ${ID_SHAPES}.`,
      hint:
        better === null
          ? "give the draft a valid id in the graph and in its frontmatter."
          : `use ${better} in the graph and in the frontmatter.`,
    });
  },
};
