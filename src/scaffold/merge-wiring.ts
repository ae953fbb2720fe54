/** What a wiring merge decided, and the new text when it writes. */
export interface WiringMerge {
  action: "create" | "append" | "merge" | "replace" | "unchanged";
  /** The file's new content, or null when nothing is written. */
  text: string | null;
  reason: string | null;
  /** A warning for the user, when the merge could not do its job. */
  warning: string | null;
}

// The managed `.gitignore` block (init.md §5.1); the first line is its header.
export const GITIGNORE_HEADER = "# specfuse (managed by specfuse init/upgrade)";
// The ignore lines, in the order they are appended.
export const GITIGNORE_LINES = [
  "!.specfuse/",
  ".specfuse/**/work/",
  ".specfuse/.loop.lock*",
  "*.specfuse-tmp-*",
] as const;

// Markers around the CLAUDE.md rules block (§5.2).
export const CLAUDE_BEGIN = "<!-- specfuse:rules:begin -->";
// The closing marker of the same block.
export const CLAUDE_END = "<!-- specfuse:rules:end -->";
// A line that marks a block written by the reference implementation (I-WIRE-4).
export const REFERENCE_RULE_LINE = "@.specfuse/rules/result-contract.md";

// The allowlist entries, in the order they are added (I-WIRE-5).
export const ALLOW_ENTRIES = [
  "Bash(specfuse:*)",
  "Bash(specfuse-loop:*)",
  "Bash(specfuse-lint:*)",
  "Bash(npx specfuse:*)",
] as const;

// The line ending a file already uses (CRLF when it has any), LF otherwise.
export function detectEol(text: string | null): string {
  return text !== null && text.includes("\r\n") ? "\r\n" : "\n";
}

function endsWithBlankLine(text: string): boolean {
  return /(?:\r?\n){2}$/.test(text) || /^(?:\r?\n)+$/.test(text);
}

function splitAnyEol(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

// Whether a .gitignore text already has a line (trailing whitespace ignored), as I-WIRE-2 counts presence.
export function hasGitignoreLine(text: string | null, line: string): boolean {
  return text !== null && splitAnyEol(text).some((l) => l.trimEnd() === line);
}

// Adds the missing ignore lines after a blank separator, under the header when that is missing too (I-WIRE-2).
export function mergeGitignore(current: string | null): WiringMerge {
  const block = [GITIGNORE_HEADER, ...GITIGNORE_LINES];
  if (current === null) {
    return write("create", `${block.join("\n")}\n`);
  }
  const present = new Set(splitAnyEol(current).map((l) => l.trimEnd()));
  const missing = GITIGNORE_LINES.filter((l) => !present.has(l));
  if (missing.length === 0) return unchanged(null);
  const eol = detectEol(current);
  const added = present.has(GITIGNORE_HEADER)
    ? missing
    : [GITIGNORE_HEADER, ...missing];
  let text = current;
  if (text !== "" && !/[\r\n]$/.test(text)) text += eol;
  if (text !== "" && !endsWithBlankLine(text)) text += eol;
  return write("append", `${text}${added.join(eol)}${eol}`);
}

/** The two CLAUDE.md files the block may live in. */
export interface ClaudeFiles {
  /** `.claude/CLAUDE.md`, the file specfuse writes. */
  claudeMd: string | null;
  /** The root `CLAUDE.md`, only read. */
  rootClaudeMd: string | null;
}

// Places the rules block in `.claude/CLAUDE.md`, or leaves an existing one alone (I-WIRE-4).
export function mergeClaudeBlock(
  files: ClaudeFiles,
  block: string,
): WiringMerge {
  const current = files.claudeMd;
  const eol = detectEol(current);
  const desired = block.replace(/\r?\n$/, "").split(/\r?\n/).join(eol);
  if (current !== null && current.includes(CLAUDE_BEGIN)) {
    const begin = current.indexOf(CLAUDE_BEGIN);
    const end = current.indexOf(CLAUDE_END, begin);
    if (end < 0) {
      return {
        ...unchanged("unterminated specfuse block"),
        warning: `.claude/CLAUDE.md has "${CLAUDE_BEGIN}" without "${CLAUDE_END}"; the block was left as is. Add the end marker or remove the partial block, then run specfuse upgrade.`,
      };
    }
    const existing = current.slice(begin, end + CLAUDE_END.length);
    if (existing === desired) return unchanged(null);
    const text =
      current.slice(0, begin) +
      desired +
      current.slice(end + CLAUDE_END.length);
    return write("replace", text, "rules block updated");
  }
  if (current !== null && current.includes(REFERENCE_RULE_LINE)) {
    return unchanged("reference-style rules block kept");
  }
  const root = files.rootClaudeMd;
  if (
    root !== null &&
    (root.includes(CLAUDE_BEGIN) || root.includes(REFERENCE_RULE_LINE))
  ) {
    return unchanged("rules block found in CLAUDE.md");
  }
  if (current === null) return write("create", `${desired}\n`);
  if (/^\s*$/.test(current)) return write("append", `${desired}${eol}`);
  let text = current;
  if (!/[\r\n]$/.test(text)) text += eol;
  if (!endsWithBlankLine(text)) text += eol;
  return write("append", `${text}${desired}${eol}`);
}

/** A settings.json that cannot be merged, and why (I-WIRE-7). */
export interface SettingsProblem {
  reason: string;
}

// Why settings.json cannot be merged, or null when it can (I-WIRE-7).
export function checkSettings(text: string): SettingsProblem | null {
  const parsed = parseSettings(text);
  return "reason" in parsed ? parsed : null;
}

type Json = Record<string, unknown>;

function parseSettings(text: string): { root: Json } | SettingsProblem {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { reason: `it is not valid JSON (${message})` };
  }
  if (!isPlainObject(root))
    return { reason: "its top level is not a JSON object" };
  if ("permissions" in root && !isPlainObject(root.permissions)) {
    return { reason: '"permissions" is not an object' };
  }
  const permissions = root.permissions as Json | undefined;
  if (
    permissions !== undefined &&
    "allow" in permissions &&
    !Array.isArray(permissions.allow)
  ) {
    return { reason: '"permissions.allow" is not an array' };
  }
  return { root };
}

// Adds the missing allowlist entries, keeping key order, indent and line endings (I-WIRE-5, I-WIRE-6).
export function mergeSettings(current: string | null): WiringMerge {
  const parsed = parseSettings(current ?? "{}");
  if ("reason" in parsed) throw new Error(`settings.json: ${parsed.reason}`);
  const root = parsed.root;
  const permissions = (root.permissions ?? {}) as Json;
  const allow = (permissions.allow ?? []) as unknown[];
  const missing = ALLOW_ENTRIES.filter((e) => !allow.includes(e));
  if (current !== null && missing.length === 0) return unchanged(null);
  permissions.allow = [...allow, ...missing];
  root.permissions = permissions;
  const indent = detectIndent(current);
  const eol = detectEol(current);
  const text = `${JSON.stringify(root, null, indent).split("\n").join(eol)}${eol}`;
  return current === null
    ? write("create", text)
    : write(
        "merge",
        text,
        `added ${missing.length} allowlist ${missing.length === 1 ? "entry" : "entries"}`,
      );
}

function detectIndent(text: string | null): string {
  const m = text === null ? null : /^([ \t]+)\S/m.exec(text);
  return m?.[1] ?? "  ";
}

function isPlainObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function write(
  action: WiringMerge["action"],
  text: string,
  reason: string | null = null,
): WiringMerge {
  return { action, text, reason, warning: null };
}

function unchanged(reason: string | null): WiringMerge {
  return { action: "unchanged", text: null, reason, warning: null };
}
