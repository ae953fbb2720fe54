import { wiringHits } from "../phrases.js";
import type { Rule } from "../rule.js";
import { quoteHit } from "../wording.js";
import { isEmpty } from "../values.js";

// D05: a drafted implementation unit that mentions driver wiring declares `produces_driver_helper`.
export const draftDriverWiring: Rule = {
  code: "draft-driver-wiring",
  draft(ctx, draft) {
    const data = draft.doc.data;
    if (data.type !== "implementation" || !isEmpty(data.produces_driver_helper))
      return;
    const hits = wiringHits(draft.doc.body);
    if (hits.length === 0) return;
    ctx.report({
      rule: "draft-driver-wiring",
      file: draft.file,
      line: 1,
      gate: null,
      message: `The draft mentions driver wiring (${hits.map(quoteHit).join(", ")}) but produces_driver_helper is empty.`,
      hint: 'declare what the unit adds to the driver, e.g. "produces_driver_helper: [src/driver/<helper>.ts]".',
    });
  },
};
