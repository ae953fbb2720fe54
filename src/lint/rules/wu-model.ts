import { isValidModel, isWuType, typeDefaults } from "../../plan/vocabulary.js";
import type { Rule } from "../rule.js";
import { isEmpty, show } from "../values.js";

// L12: a present `model` must be sonnet, opus, haiku or a claude-… id; an empty one is an error too.
export const wuModel: Rule = {
  code: "wu-model",
  unit(ctx, unit) {
    const data = unit.doc.data;
    if (!Object.hasOwn(data, "model") || isValidModel(data.model))
      return undefined;
    const type = isWuType(data.type) ? data.type : "implementation";
    ctx.report({
      rule: "wu-model",
      file: unit.file,
      line: unit.doc.keyLine("model") ?? 1,
      gate: null,
      message: isEmpty(data.model)
        ? `model is empty (${show(data.model)}); expected sonnet, opus, haiku or a claude-… model id.`
        : `model is ${show(data.model)}; expected sonnet, opus, haiku or a claude-… model id.`,
      hint: `delete the model line to get the ${type} default (${typeDefaults(type).model}), or write e.g. "model: opus".`,
    });
    return undefined;
  },
};
