import type { Rule } from "../rule.js";
import { isEmpty } from "../values.js";

// L20: an implementation unit should declare the files it produces.
export const producesMissing: Rule = {
  code: "produces-missing",
  unit(ctx, unit) {
    const data = unit.doc.data;
    if (data.type !== "implementation" || !isEmpty(data.produces))
      return undefined;
    ctx.report({
      rule: "produces-missing",
      file: unit.file,
      line: 1,
      gate: null,
      message:
        "An implementation unit declares no produces; the driver cannot check that its deliverables exist.",
      hint: 'list the files the unit creates or changes, e.g. "produces: [src/feature.ts, test/feature.test.ts]".',
    });
    return undefined;
  },
};
