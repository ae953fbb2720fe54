// The mandatory WU sections, in order (formats.md F-WU-11).
export const SECTIONS = [
  "Context",
  "Acceptance criteria",
  "Do not touch",
  "Verification",
  "Escalation triggers",
] as const;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// `^` of formats.md F-FM-4: the body start or just after a `\n` (never CR, U+2028 or U+2029).
const LINE_START = "(?<![^\\n])";

const PATTERNS = new Map<string, RegExp>();

// The section detector of F-WU-11: `^(?:#+\s*|\**)<S>`, multiline and case-insensitive.
export function sectionPattern(section: string): RegExp {
  let p = PATTERNS.get(section);
  if (p === undefined) {
    p = new RegExp(`${LINE_START}(?:#+\\s*|\\**)${escapeRegex(section)}`, "iu");
    PATTERNS.set(section, p);
  }
  return p;
}

// Sections of F-WU-11 the body lacks, in order.
export function missingSections(body: string): string[] {
  return SECTIONS.filter((s) => !sectionPattern(s).test(body));
}

const NEXT_HEADING = new RegExp(`${LINE_START}(?:\\*\\*|#{1,6}\\s)`, "u");

// A section's slice (lint.md L-DRAFT-4): from the line after its first match to the next heading.
export function sectionSlice(body: string, section: string): string | null {
  const m = sectionPattern(section).exec(body);
  if (m === null) return null;
  const nl = body.indexOf("\n", m.index + m[0].length);
  if (nl < 0) return "";
  const rest = body.slice(nl + 1);
  const end = NEXT_HEADING.exec(rest);
  return end === null ? rest : rest.slice(0, end.index);
}

const AC_START = new RegExp(
  `${LINE_START}\\*\\*Acceptance criteria[^\\n*]*\\*\\*\\.?|${LINE_START}#{1,6}\\s+Acceptance criteria`,
  "iu",
);

// The acceptance-criteria slice of lint.md L-DEF-3 ('' when there is none).
export function acceptanceSlice(body: string): string {
  const m = AC_START.exec(body);
  if (m === null) return "";
  const nl = body.indexOf("\n", m.index + m[0].length);
  if (nl < 0) return "";
  const content = body.slice(nl + 1);
  const end = NEXT_HEADING.exec(content);
  return end === null ? content : content.slice(0, end.index);
}

const FENCE_LINE = /^\s*(```|~~~)/;
const TITLE_LINE = /^#[ \t]+(\S.*)$/;

// The WU title (F-WU-10): the first `# ` line outside fenced code, trimmed, or the fallback. Lines are
// scanned one at a time and the scan stops at the title, which is almost always near the top.
export function titleOf(body: string, fallback: string): string {
  let isInFence = false;
  for (let start = 0; ;) {
    const nl = body.indexOf("\n", start);
    const line = nl < 0 ? body.slice(start) : body.slice(start, nl);
    if (FENCE_LINE.test(line)) isInFence = !isInFence;
    else if (!isInFence) {
      const m = TITLE_LINE.exec(line);
      if (m !== null) return (m[1] ?? "").trim();
    }
    if (nl < 0) return fallback;
    start = nl + 1;
  }
}
