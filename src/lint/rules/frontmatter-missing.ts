import type { Rule } from "../rule.js";

const KEY_LINE = /^[A-Za-z_][A-Za-z0-9_-]*[ \t]*:/;

// New: a WU file without frontmatter (line 1 is not `---`), so every key reads as absent; said once, plainly.
export const frontmatterMissing: Rule = {
  code: "frontmatter-missing",
  unit(ctx, unit) {
    if (unit.doc.fm.state !== "none") return undefined;
    const lines = unit.doc.body.split("\n");
    const first = lines.find((l) => l.trim() !== "") ?? "";
    const hasCloser = lines.some((l) => /^---\s*$/.test(l));
    const isOpenerMissing = KEY_LINE.test(first) && hasCloser;
    ctx.report({
      rule: "frontmatter-missing",
      file: unit.file,
      line: 1,
      gate: null,
      message: isOpenerMissing
        ? `The file has no frontmatter: it starts with ${JSON.stringify(first.trim().slice(0, 60))} instead of a "---" line, so id, type and status all read as absent.`
        : 'The file has no frontmatter (line 1 is not "---"), so id, type and status all read as absent.',
      hint: isOpenerMissing
        ? 'add a line "---" above line 1.'
        : 'start the file with "---", the keys (id, type, status, …), then "---"; see .specfuse/templates/WU.template.md.',
    });
    return undefined;
  },
};
