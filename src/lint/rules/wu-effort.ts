import { backendVocabulary } from "../../agent/backends.js";
import { isWuType, typeDefaults } from "../../plan/vocabulary.js";
import type { Rule } from "../rule.js";
import { show } from "../values.js";

// L14: a non-null `effort` must be one the unit's backend takes (low … max; `effort:` passes, `effort: ""` fails).
export const wuEffort: Rule = {
  code: "wu-effort",
  unit(ctx, unit) {
    const data = unit.doc.data;
    const value = data.effort;
    if (value === undefined || value === null) return undefined;
    const backend = backendVocabulary(
      typeof data.agent === "string" ? data.agent : null,
    );
    const verdict = backend.validateEffort(
      typeof value === "string" ? value : "",
    );
    if (verdict.isValid && typeof value === "string") return undefined;
    const expected = verdict.isValid ? "an effort level" : verdict.expected;
    const type = isWuType(data.type) ? data.type : "implementation";
    ctx.report({
      rule: "wu-effort",
      file: unit.file,
      line: unit.doc.keyLine("effort") ?? 1,
      gate: null,
      message: `effort is ${show(value)}; expected ${expected}.`,
      hint: `write e.g. "effort: high", or delete the line to get the ${type} default (${typeDefaults(type).effort}).`,
    });
    return undefined;
  },
};
