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

/** Where the fences are: what parseFrontmatter needs from the line structure. */
interface Parts {
  /** Line 1 matches the fence. */
  isOpened: boolean;
  /** 0-based index of the closing fence line, or -1. */
  close: number;
  /** Lines 2..close joined with `\n`, or the whole text when not opened. */
  yamlText: string;
  /** Lines after the closing fence joined with `\n` (the whole text when not opened). */
  body: string;
  firstLine: string;
  secondLine: string;
}

function partsBySplitting(lines: string[]): Parts {
  const firstLine = lines[0] ?? "";
  const secondLine = lines[1] ?? "";
  if (!FENCE.test(firstLine))
    return {
      isOpened: false,
      close: -1,
      yamlText: "",
      body: lines.join("\n"),
      firstLine,
      secondLine,
    };
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0)
    return {
      isOpened: true,
      close,
      yamlText: "",
      body: "",
      firstLine,
      secondLine,
    };
  return {
    isOpened: true,
    close,
    yamlText: lines.slice(1, close).join("\n"),
    body: lines.slice(close + 1).join("\n"),
    firstLine,
    secondLine,
  };
}

// The same parts found by scanning for `\n` when the text has no CR: no per-line strings for the body.
function partsByScanning(t: string): Parts {
  const firstEnd = t.indexOf("\n");
  const firstLine = firstEnd < 0 ? t : t.slice(0, firstEnd);
  const secondEnd = firstEnd < 0 ? -1 : t.indexOf("\n", firstEnd + 1);
  const secondLine =
    firstEnd < 0
      ? ""
      : secondEnd < 0
        ? t.slice(firstEnd + 1)
        : t.slice(firstEnd + 1, secondEnd);
  if (!FENCE.test(firstLine))
    return {
      isOpened: false,
      close: -1,
      yamlText: "",
      body: t,
      firstLine,
      secondLine,
    };
  if (firstEnd >= 0)
    for (let start = firstEnd + 1, index = 1; ; index++) {
      const end = t.indexOf("\n", start);
      if (FENCE.test(end < 0 ? t.slice(start) : t.slice(start, end)))
        return {
          isOpened: true,
          close: index,
          yamlText:
            start - 1 > firstEnd ? t.slice(firstEnd + 1, start - 1) : "",
          body: end < 0 ? "" : t.slice(end + 1),
          firstLine,
          secondLine,
        };
      if (end < 0) break;
      start = end + 1;
    }
  return {
    isOpened: true,
    close: -1,
    yamlText: "",
    body: "",
    firstLine,
    secondLine,
  };
}

// Reads a file's frontmatter and body; never throws.
export function parseFrontmatter(text: string): Frontmatter {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parts = t.includes("\r")
    ? partsBySplitting(t.split(/\r\n|\r|\n/))
    : partsByScanning(t);
  if (!parts.isOpened) {
    return {
      state: "none",
      data: {},
      issue: null,
      body: parts.body,
      bodyLine: 1,
      closeLine: null,
      yaml: null,
    };
  }
  const close = parts.close;
  if (close < 0) {
    return {
      state: "error",
      data: {},
      issue: {
        reason: 'frontmatter not closed: no second "---" line',
        line: 1,
        column: null,
        excerpt: parts.firstLine,
      },
      body: "",
      bodyLine: 1,
      closeLine: null,
      yaml: null,
    };
  }
  const { yamlText, body } = parts;
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
      excerpt: parts.secondLine,
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
