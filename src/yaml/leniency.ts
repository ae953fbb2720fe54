// Candidate shape of formats.md F-YAML-3: `<indent>[- ]<key>[ ]*: <value>`.
const CANDIDATE = /^(\s*(?:- )?)([A-Za-z_][A-Za-z0-9_-]*)( *): (.*)$/;
const COMMENT = /\s#.*$/;
const FORBIDDEN_START = /^["'[{|>&*!#]/;

// Quotes plain values that contain `: ` (and similar) so the reference's lenient reading still parses.
export function rewriteLenient(text: string): string {
  const lines = text.split("\n");
  let isChanged = false;
  for (let i = 0; i < lines.length; i++) {
    const rewritten = rewriteLine(lines[i] ?? "");
    if (rewritten !== null) {
      lines[i] = rewritten;
      isChanged = true;
    }
  }
  return isChanged ? lines.join("\n") : text;
}

function rewriteLine(line: string): string | null {
  const m = CANDIDATE.exec(line);
  if (m === null) return null;
  const [, lead = "", key = "", spaces = "", rest = ""] = m;
  const value = rest.replace(COMMENT, "").trim();
  if (value === "" || FORBIDDEN_START.test(value)) return null;
  if (!(value.includes(": ") || value.endsWith(":") || /^[`@%]/.test(value)))
    return null;
  return `${lead}${key}${spaces}: "${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
