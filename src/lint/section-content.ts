import { sectionPattern, sectionSlice } from "../plan/body.js";

// Text on a run-in heading's own line, after the label: `**Context.** text` and `Context: text` give "text".
function runInText(line: string, isBold: boolean): string {
  const afterLabel = isBold
    ? line.replace(/^[^*]*\*+/, "")
    : line.replace(/^[\p{L}\p{N}_]*/u, "");
  return afterLabel.replace(/^[\s.:;,—–-]+/u, "");
}

// A section's text under Markdown paragraph semantics, or null when the section is missing (F-WU-11). An ATX
// heading line (`## Context`) is all heading; a run-in heading (`**Context.** text`, `Context: text`) starts a
// paragraph, so the rest of its line counts. Then come the lines below, up to the next heading (L-DRAFT-4 slice).
// Lint's draft pass and `arm` both use this, so they agree (issue 17 point 3).
export function sectionContent(body: string, section: string): string | null {
  const m = sectionPattern(section).exec(body);
  if (m === null) return null;
  const below = sectionSlice(body, section) ?? "";
  if (m[0].startsWith("#")) return below;
  const start = m.index + m[0].length;
  const eol = body.indexOf("\n", start);
  const rest = body.slice(start, eol < 0 ? undefined : eol);
  const head = runInText(rest, m[0].startsWith("*"));
  return head === "" ? below : `${head}\n${below}`;
}
