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

// The section detector of F-WU-11: `^(?:#+\s*|\**)<S>`, multiline and case-insensitive.
export function sectionPattern(section: string): RegExp {
  return new RegExp(`^(?:#+\\s*|\\**)${escapeRegex(section)}`, "im");
}

// Sections of F-WU-11 the body lacks, in order.
export function missingSections(body: string): string[] {
  return SECTIONS.filter((s) => !sectionPattern(s).test(body));
}

const NEXT_HEADING = /^(?:\*\*|#{1,6}\s)/m;

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

const AC_START =
  /^\*\*Acceptance criteria[^\n*]*\*\*\.?|^#{1,6}\s+Acceptance criteria/im;

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

// The WU title (F-WU-10): the first `# ` line outside fenced code, trimmed, or the fallback.
export function titleOf(body: string, fallback: string): string {
  let isInFence = false;
  for (const line of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) {
      isInFence = !isInFence;
      continue;
    }
    if (isInFence) continue;
    const m = /^#[ \t]+(\S.*)$/.exec(line);
    if (m !== null) return (m[1] ?? "").trim();
  }
  return fallback;
}
