import type { Rule } from "../rule.js";

// L08: the entry's WU file must exist as a regular file; otherwise the rest of the entry is skipped.
export const wuFileMissing: Rule = {
  code: "wu-file-missing",
  entry(ctx, entry) {
    const file = entry.file;
    if (file === null || file.exists) return undefined;
    const isOther = file.read.kind === "not-file";
    const who =
      typeof entry.raw.id === "string"
        ? entry.raw.id
        : `entry ${entry.raw.index + 1}`;
    ctx.report({
      rule: "wu-file-missing",
      file: file.display,
      line: null,
      gate: entry.gate.label,
      message: `${file.display} ${isOther ? "is not a regular file" : "does not exist"}; the graph names it as the file of ${who}.`,
      hint: `create it from .specfuse/templates/WU.template.md, or correct the entry's "file:" in PLAN.md.`,
    });
    return "skip";
  },
};
