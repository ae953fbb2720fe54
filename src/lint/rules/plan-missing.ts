import type { Rule } from "../rule.js";

// L01: a folder without PLAN.md (a missing folder included) ends the folder (L-EVAL-2).
export const planMissing: Rule = {
  code: "plan-missing",
  plan(ctx) {
    const { facts } = ctx;
    if (facts.planState !== "missing") return undefined;
    const isOther = facts.plan.kind === "not-file";
    ctx.report({
      rule: "plan-missing",
      file: facts.planFile,
      line: null,
      gate: null,
      message: isOther
        ? `${facts.planFile} is not a regular file; a feature folder needs a PLAN.md file.`
        : `${facts.planFile} does not exist; a feature folder needs a PLAN.md (is "${facts.dir}" the right folder?).`,
      hint: "pass the feature folder itself (the one holding PLAN.md), or create PLAN.md from .specfuse/templates/PLAN.template.md.",
    });
    return "stop";
  },
};
