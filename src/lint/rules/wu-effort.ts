import { EFFORTS, isWuType, typeDefaults } from "../../plan/vocabulary.js";
import type { Rule } from "../rule.js";
import { show } from "../values.js";

// L14: a non-null `effort` must be low, medium, high, xhigh or max (`effort:` passes, `effort: ""` fails).
export const wuEffort: Rule = {
  code: "wu-effort",
  unit(ctx, unit) {
    const data = unit.doc.data;
    const value = data.effort;
    if (value === undefined || value === null) return undefined;
    if (
      typeof value === "string" &&
      (EFFORTS as readonly string[]).includes(value)
    )
      return undefined;
    const type = isWuType(data.type) ? data.type : "implementation";
    ctx.report({
      rule: "wu-effort",
      file: unit.file,
      line: unit.doc.keyLine("effort") ?? 1,
      gate: null,
      message: `effort is ${show(value)}; expected one of ${EFFORTS.join(", ")}.`,
      hint: `write e.g. "effort: high", or delete the line to get the ${type} default (${typeDefaults(type).effort}).`,
    });
    return undefined;
  },
};
