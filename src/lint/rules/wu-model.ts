import { backendVocabulary } from "../../agent/backends.js";
import { isWuType, typeDefaults } from "../../plan/vocabulary.js";
import type { Rule } from "../rule.js";
import { isEmpty, show } from "../values.js";

// L12: a present `model` must be one the unit's backend takes (claude: sonnet, opus, haiku or a claude-… id); empty fails too.
export const wuModel: Rule = {
  code: "wu-model",
  unit(ctx, unit) {
    const data = unit.doc.data;
    if (!Object.hasOwn(data, "model")) return undefined;
    const backend = backendVocabulary(
      typeof data.agent === "string" ? data.agent : null,
    );
    const value = data.model;
    const verdict = backend.validateModel(
      typeof value === "string" ? value : "",
    );
    if (verdict.isValid && typeof value === "string") return undefined;
    const expected = verdict.isValid ? "a model id" : verdict.expected;
    const type = isWuType(data.type) ? data.type : "implementation";
    ctx.report({
      rule: "wu-model",
      file: unit.file,
      line: unit.doc.keyLine("model") ?? 1,
      gate: null,
      message: isEmpty(value)
        ? `model is empty (${show(value)}); expected ${expected}.`
        : `model is ${show(value)}; expected ${expected}.`,
      hint: `delete the model line to get the ${type} default (${typeDefaults(type).model}), or write e.g. "model: opus".`,
    });
    return undefined;
  },
};
