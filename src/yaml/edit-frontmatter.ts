import { SpecfuseError } from "../errors/specfuse-error.js";
import { FLOAT_KEYS } from "./float-keys.js";
import { renderEntry, type FrontmatterValue } from "./format-yaml-value.js";

/** One change: a top-level key and its new value; `undefined` removes the key. */
export type FrontmatterChange = readonly [
  key: string,
  value: FrontmatterValue | undefined,
];

/** Options of `editFrontmatter`. */
export interface EditFrontmatterOptions {
  /** The file's display path, named in errors. @default "frontmatter" */
  file?: string;
  /** Keys whose numbers are written as floats even when integral (`0.0`). @default FLOAT_KEYS */
  floatKeys?: ReadonlySet<string>;
}

/** One line with its own ending (`\n`, `\r\n`, `\r`, or `""` for an unterminated last line). */
export interface TextLine {
  text: string;
  eol: string;
}

const FENCE = /^---\s*$/;
const BLANK = /^[ \t]*$/;
const CONTINUATION = /^(?:[ \t]|-)/;

// Edits top-level frontmatter keys in place (F-WRITE-1..5): bytes outside the replaced extents are kept, absent keys go before the closing `---`.
export function editFrontmatter(
  text: string,
  changes: ReadonlyArray<FrontmatterChange>,
  options: EditFrontmatterOptions = {},
): string {
  const file = options.file ?? "frontmatter";
  const floatKeys = options.floatKeys ?? FLOAT_KEYS;
  const bom = text.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
  const lines = splitKeepingEnds(text.slice(bom.length));
  const open = lines[0];
  if (open === undefined || !FENCE.test(open.text)) throw noFrontmatter(file);
  let close = lines.findIndex((l, i) => i > 0 && FENCE.test(l.text));
  if (close < 0) throw notClosed(file, open.text);
  for (const [key, value] of changes) {
    const start = findKey(lines, key, close);
    if (start < 0) {
      if (value === undefined) continue;
      const added = render(key, value, open.eol, floatKeys);
      lines.splice(close, 0, ...added);
      close += added.length;
      continue;
    }
    const end = extentEnd(lines, start, close);
    const replacement =
      value === undefined
        ? []
        : render(key, value, lines[start]?.eol ?? open.eol, floatKeys);
    lines.splice(start, end - start, ...replacement);
    close += replacement.length - (end - start);
  }
  return bom + lines.map((l) => l.text + l.eol).join("");
}

// Splits on `\r\n`, `\r` and `\n` (F-FM-1), keeping each line's own ending so untouched lines survive byte for byte.
export function splitKeepingEnds(text: string): TextLine[] {
  const lines: TextLine[] = [];
  const re = /\r\n|\r|\n/g;
  let from = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    lines.push({ text: text.slice(from, m.index), eol: m[0] });
    from = m.index + m[0].length;
  }
  if (from < text.length || lines.length === 0)
    lines.push({ text: text.slice(from), eol: "" });
  return lines;
}

// The first frontmatter line that starts the key (F-WRITE-2), or -1.
function findKey(lines: TextLine[], key: string, close: number): number {
  const re = new RegExp(`^${escapeRegExp(key)}[ \\t]*:(?=[ \\t]|$)`);
  for (let i = 1; i < close; i++) if (re.test(lines[i]?.text ?? "")) return i;
  return -1;
}

// One past the key's extent: indented, blank and column-0 `-` lines follow it; trailing blank lines do not.
function extentEnd(lines: TextLine[], start: number, close: number): number {
  let end = start + 1;
  while (end < close) {
    const t = lines[end]?.text ?? "";
    if (!(BLANK.test(t) || CONTINUATION.test(t))) break;
    end++;
  }
  while (end > start + 1 && BLANK.test(lines[end - 1]?.text ?? "")) end--;
  return end;
}

function render(
  key: string,
  value: FrontmatterValue,
  eol: string,
  floatKeys: ReadonlySet<string>,
): TextLine[] {
  const lineEnd = eol === "" ? "\n" : eol;
  return renderEntry(key, value, 0, floatKeys).map((t) => ({
    text: t,
    eol: lineEnd,
  }));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function noFrontmatter(file: string): SpecfuseError {
  return new SpecfuseError({
    code: "frontmatter_invalid",
    message: `${file} has no frontmatter to update`,
    file,
    line: 1,
    detail:
      'expected the file to start with a "---" line, then "key: value" lines, then a closing "---" line',
    hint: 'add a frontmatter block at the top of the file, e.g. "---", "status: pending", "---"',
  });
}

function notClosed(file: string, opening: string): SpecfuseError {
  return new SpecfuseError({
    code: "frontmatter_invalid",
    message: `${file}: frontmatter not closed`,
    file,
    line: 1,
    excerpt: opening,
    detail:
      'expected a second "---" line after the frontmatter keys; found none',
    hint: 'add a line "---" after the last frontmatter key',
  });
}
