import { wiringHits } from "../phrases.js";
import type { Rule } from "../rule.js";
import { quoteHit } from "../wording.js";
import { isEmpty } from "../values.js";

// L19: an implementation unit that mentions driver wiring declares `produces_driver_helper`.
export const driverWiringUndeclared: Rule = {
  code: "driver-wiring-undeclared",
  unit(ctx, unit) {
    const data = unit.doc.data;
    if (data.type !== "implementation" || !isEmpty(data.produces_driver_helper))
      return undefined;
    const hits = wiringHits(unit.doc.body);
    if (hits.length === 0) return undefined;
    ctx.report({
      rule: "driver-wiring-undeclared",
      file: unit.file,
      line: 1,
      gate: null,
      message: `The body mentions driver wiring (${hits.map(quoteHit).join(", ")}) but produces_driver_helper is empty.`,
      hint: 'declare what the unit adds to the driver, e.g. "produces_driver_helper: [src/driver/<helper>.ts]".',
    });
    return undefined;
  },
};
