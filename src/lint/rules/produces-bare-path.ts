import type { Rule } from "../rule.js";
import { isEmpty, yamlScalarText } from "../values.js";

// L21: every `produces` element (a scalar counts as one) is a repo-root-relative path containing "/".
export const producesBarePath: Rule = {
  code: "produces-bare-path",
  unit(ctx, unit) {
    const value = unit.doc.data.produces;
    if (isEmpty(value)) return undefined;
    const elements: unknown[] = Array.isArray(value) ? value : [value];
    for (const element of elements) {
      const text = yamlScalarText(element)?.trim() ?? "";
      if (text === "" || text.includes("/")) continue;
      ctx.report({
        rule: "produces-bare-path",
        file: unit.file,
        line: unit.doc.keyLine("produces") ?? 1,
        gate: null,
        message: `produces names ${JSON.stringify(text)}, which has no "/"; produces paths are relative to the repository root.`,
        hint: `write the path from the repository root, e.g. "src/${text}", or "./${text}" for a file at the root.`,
      });
    }
    return undefined;
  },
};
