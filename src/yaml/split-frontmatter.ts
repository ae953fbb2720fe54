import { parseYaml, type YamlDoc, type YamlIssue } from "./parse-yaml.js";

const FENCE = /^---\s*$/;

/** A Markdown file split per formats.md F-FM-1, with its frontmatter parsed. */
export interface Frontmatter {
  /** `none`: no opening fence; `ok`: parsed mapping; `error`: unclosed, unparsable or not a mapping. */
  state: "none" | "ok" | "error";
  /** The mapping, or `{}` when absent or invalid. */
  data: Record<string, unknown>;
  issue: YamlIssue | null;
  /** Every line after the closing fence, joined with `\n` (the whole file when there is no frontmatter). */
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
  /** File line of the closing fence, or null. */
  closeLine: number | null;
  yaml: YamlDoc | null;
}

// Splits lines the way F-FM-1 does: one BOM dropped, CR LF, CR and LF all end a line.
export function splitLines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(
    /\r\n|\r|\n/,
  );
}

// Reads a file's frontmatter and body; never throws.
export function parseFrontmatter(text: string): Frontmatter {
  const lines = splitLines(text);
  if (!FENCE.test(lines[0] ?? "")) {
    return {
      state: "none",
      data: {},
      issue: null,
      body: lines.join("\n"),
      bodyLine: 1,
      closeLine: null,
      yaml: null,
    };
  }
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0) {
    return {
      state: "error",
      data: {},
      issue: {
        reason: 'frontmatter not closed: no second "---" line',
        line: 1,
        column: null,
        excerpt: lines[0] ?? "",
      },
      body: "",
      bodyLine: 1,
      closeLine: null,
      yaml: null,
    };
  }
  const yamlText = lines.slice(1, close).join("\n");
  const body = lines.slice(close + 1).join("\n");
  const base = { body, bodyLine: close + 2, closeLine: close + 1 };
  const parsed = readFrontmatterYaml(yamlText);
  if (!parsed.ok)
    return {
      state: "error",
      data: {},
      issue: parsed.issue,
      yaml: null,
      ...base,
    };
  if (parsed.yaml === null)
    return { state: "ok", data: {}, issue: null, yaml: null, ...base };
  const value = parsed.yaml.value;
  if (value === null || value === undefined)
    return { state: "ok", data: {}, issue: null, yaml: parsed.yaml, ...base };
  if (typeof value !== "object" || Array.isArray(value)) {
    const issue = {
      reason: "frontmatter must be a mapping of keys to values",
      line: 2,
      column: null,
      excerpt: lines[1] ?? "",
    };
    return { state: "error", data: {}, issue, yaml: null, ...base };
  }
  return {
    state: "ok",
    data: value as Record<string, unknown>,
    issue: null,
    yaml: parsed.yaml,
    ...base,
  };
}

type Read =
  { ok: true; yaml: YamlDoc | null } | { ok: false; issue: YamlIssue };

// gray-matter's rule, kept exactly: a block that is empty once `#` comment lines are removed is `{}`, unparsed.
const COMMENT_LINES = /^\s*#[^\n]+/gm;

// Parses the frontmatter text with the `yaml` engine; frontmatter line k is file line k+1 (F-YAML-4).
// This is what the gray-matter wrapper did (it only forwarded our own text to the engine); calling the
// engine directly saves gray-matter's per-call option handling and its import on every lint run.
function readFrontmatterYaml(yamlText: string): Read {
  if (yamlText.replace(COMMENT_LINES, "").trim() === "")
    return { ok: true, yaml: null };
  const parsed = parseYaml(yamlText, 1);
  return parsed.ok
    ? { ok: true, yaml: parsed.yaml }
    : { ok: false, issue: parsed.issue };
}
