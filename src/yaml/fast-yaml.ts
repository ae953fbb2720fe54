/** A node read by the fast path, with the 1-based line (in the parsed text) of every key and item. */
export interface FastNode {
  value: unknown;
  line: number;
  /** Mapping: key → the key's line and its value node. */
  keys?: Map<string, { line: number; node: FastNode }>;
  /** Sequence: the item nodes. */
  items?: FastNode[];
}

interface Line {
  indent: number;
  text: string;
  no: number;
}

/** Thrown inside the fast path when the input leaves the subset; never escapes this module. */
class Bail extends Error {}

const bail = (): never => {
  throw new Bail();
};

// Core-schema tests of the `yaml` package, in its schema order (null, bool, int oct/dec/hex, float nan/exp/plain).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

// Plain scalars that start with a letter other than those of null/true/false can only be strings.
const ALWAYS_STRING = /^[A-EG-MO-SU-Za-eg-mo-su-z_/($]/;

// Whether a plain scalar could be null or a boolean: those spellings are at most 5 characters long.
function isNullOrBoolSpelling(text: string): boolean {
  return text.length <= 5 && (NULL.test(text) || BOOL.test(text));
}

// Whether a plain scalar could be a number: every numeric pattern starts with a digit, a sign or a dot.
function isNumberStart(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
}

// Resolves a plain scalar exactly as the `yaml` package's core schema does. The length and first-character
// checks only skip patterns that cannot match, so ids like FEAT-… cost no regex beyond the first.
export function resolvePlain(text: string): unknown {
  if (ALWAYS_STRING.test(text)) return text;
  if (text.length <= 5) {
    if (NULL.test(text)) return null;
    if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  }
  if (!isNumberStart(text)) return text;
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text))
    return text.slice(-3).toLowerCase() === "nan"
      ? NaN
      : text[0] === "-"
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

// Conservative plain scalars: no YAML indicator can start or hide inside them. The two classes of the
// repeated group are disjoint (the second leaves out \p{L}\p{N}), so a failing match cannot backtrack
// exponentially over a run of non-ASCII letters.
/** The Unicode test of a plain scalar. */
export const PLAIN_SOURCE =
  "^(?:[\\p{L}\\p{N}_./~(+$]|-[0-9.])(?:[\\p{L}\\p{N}_./~()+=;<>^$ -]|[^\\x00-\\x7F\\p{C}\\p{Z}\\p{L}\\p{N}])*$";
/** The Unicode test of a quoted scalar's inside. */
export const QUOTED_INNER_SOURCE =
  "^(?:[\\x20-\\x7E]|[^\\x00-\\x7F\\p{C}\\p{Z}])*$";
// The same two tests for text that is all ASCII, where each \p{…} class means its ASCII part: compiling the
// Unicode classes costs V8 several milliseconds, so they are compiled only when a non-ASCII value shows up.
const PLAIN_ASCII =
  /^(?:[A-Za-z0-9_./~(+$]|-[0-9.])[A-Za-z0-9_./~()+=;<>^$ -]*$/;
const QUOTED_INNER_ASCII = /^[\x20-\x7E]*$/;
const ASCII = /^[\x00-\x7F]*$/;
let plainUnicode: RegExp | null = null;
let quotedInnerUnicode: RegExp | null = null;

/** Whether text is a plain scalar the fast path reads (the Unicode test, answered in ASCII when it can be). */
export function isPlain(text: string): boolean {
  if (PLAIN_ASCII.test(text)) return true;
  if (ASCII.test(text)) return false;
  plainUnicode ??= new RegExp(PLAIN_SOURCE, "u");
  return plainUnicode.test(text);
}

/** Whether text may sit between the quotes of a simple quoted scalar (same split as isPlain). */
export function isQuotedInner(text: string): boolean {
  if (QUOTED_INNER_ASCII.test(text)) return true;
  if (ASCII.test(text)) return false;
  quotedInnerUnicode ??= new RegExp(QUOTED_INNER_SOURCE, "u");
  return quotedInnerUnicode.test(text);
}
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;

function scalar(text: string): unknown {
  if (
    text.startsWith("...") ||
    text.startsWith("---") ||
    !isPlain(text) ||
    text.endsWith(" -")
  )
    bail();
  return resolvePlain(text);
}

function quoted(text: string): string | null {
  const q = text[0];
  if (q !== '"' && q !== "'") return null;
  const end = text.indexOf(q, 1);
  if (end !== text.length - 1) bail();
  const inner = text.slice(1, -1);
  if (!isQuotedInner(inner) || (q === '"' && inner.includes("\\"))) bail();
  return inner;
}

function flow(text: string): unknown[] {
  if (!text.endsWith("]")) bail();
  const inner = text.slice(1, -1).trim();
  if (inner === "") return [];
  return inner.split(",").map((part) => {
    const item = part.trim();
    if (
      item === "" ||
      !isPlain(item) ||
      item.startsWith("...") ||
      item.startsWith("---")
    )
      bail();
    return resolvePlain(item);
  });
}

// A value written on the key's or dash's line: a flow list, a simple quoted string or a plain scalar.
function inlineValue(text: string, no: number): FastNode {
  if (text.startsWith("[")) {
    const items = flow(text);
    return {
      value: items,
      line: no,
      items: items.map((value) => ({ value, line: no })),
    };
  }
  const q = quoted(text);
  return { value: q ?? scalar(text), line: no };
}

class Reader {
  private i = 0;
  private readonly lines: Line[];
  constructor(lines: Line[]) {
    this.lines = lines;
  }

  peek(): Line | undefined {
    return this.lines[this.i];
  }

  take(): Line {
    const line = this.lines[this.i++];
    return line ?? bail();
  }

  isDash(line: Line): boolean {
    return line.text === "-" || line.text.startsWith("- ");
  }

  // A value that stays on its line must not be continued by deeper lines (multi-line scalars bail).
  expectShallow(indent: number): void {
    const next = this.peek();
    if (next !== undefined && next.indent > indent) bail();
  }

  mapping(indent: number): FastNode {
    const keys = new Map<string, { line: number; node: FastNode }>();
    const value: Record<string, unknown> = {};
    const first = this.peek()?.no ?? 0;
    for (
      let line = this.peek();
      line !== undefined && line.indent === indent;
      line = this.peek()
    ) {
      if (this.isDash(line)) bail();
      this.take();
      const m = KEY.exec(line.text) ?? bail();
      const key = m[1] ?? bail();
      if (
        keys.has(key) ||
        key === "__proto__" ||
        key.length > 1000 ||
        isNullOrBoolSpelling(key)
      )
        bail();
      const rest = (m[2] ?? "").trim();
      let node: FastNode;
      if (rest !== "") {
        node = inlineValue(rest, line.no);
        this.expectShallow(indent);
      } else {
        node = this.nested(indent, line.no);
      }
      keys.set(key, { line: line.no, node });
      value[key] = node.value;
    }
    const after = this.peek();
    if (after !== undefined && after.indent > indent) bail();
    return { value, line: first, keys };
  }

  // The block under `key:`: deeper lines, or a sequence at the same indent; otherwise null.
  nested(indent: number, no: number): FastNode {
    const next = this.peek();
    if (next === undefined || next.indent < indent)
      return { value: null, line: no };
    if (next.indent === indent)
      return this.isDash(next)
        ? this.sequence(indent)
        : { value: null, line: no };
    return this.isDash(next)
      ? this.sequence(next.indent)
      : this.mapping(next.indent);
  }

  sequence(indent: number): FastNode {
    const items: FastNode[] = [];
    const first = this.peek()?.no ?? 0;
    for (
      let line = this.peek();
      line !== undefined && line.indent === indent && this.isDash(line);
      line = this.peek()
    ) {
      const after = line.text.slice(1);
      const content = after.trimStart();
      if (content === "" || content.startsWith("-")) bail();
      const column = indent + 1 + (after.length - content.length);
      if (KEY.test(content)) {
        // A compact mapping: re-read the dash line as if the key stood alone at its column.
        this.lines[this.linesIndexOf(line)] = {
          indent: column,
          text: content,
          no: line.no,
        };
        items.push(this.mapping(column));
      } else {
        this.take();
        items.push(inlineValue(content, line.no));
        this.expectShallow(indent);
      }
    }
    const after = this.peek();
    if (after !== undefined && after.indent > indent) bail();
    return { value: items.map((n) => n.value), line: first, items };
  }

  private linesIndexOf(line: Line): number {
    return this.lines[this.i] === line ? this.i : bail();
  }

  isDone(): boolean {
    return this.i >= this.lines.length;
  }
}

// Reads the common block subset of YAML (formats.md F-YAML-1) without the full parser, or returns null
// when the text leaves that subset; whenever it returns a node, the `yaml` package reads the same value.
export function fastParseYaml(text: string): FastNode | null {
  const lines: Line[] = [];
  const raw = text.split("\n");
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k] ?? "";
    if (t.includes("\t") || t.includes("\r")) return null;
    const body = t.trimStart();
    if (body === "" || body.startsWith("#")) continue;
    if (body.includes("#")) return null;
    const indent = t.length - body.length;
    if (
      indent === 0 &&
      (body.startsWith("---") || body.startsWith("...") || body.startsWith("%"))
    )
      return null;
    lines.push({ indent, text: body.trimEnd(), no: k + 1 });
  }
  if (lines.length === 0) return { value: null, line: 1 };
  if (lines[0]?.indent !== 0) return null;
  try {
    const reader = new Reader(lines);
    const root = reader.mapping(0);
    return reader.isDone() ? root : null;
  } catch (error) {
    if (error instanceof Bail) return null;
    throw error;
  }
}

// The line of the node at `path` (for a map key: the key's line), or null; mirrors parse-yaml's lineOf.
export function fastLineOf(
  root: FastNode,
  path: ReadonlyArray<string | number>,
): number | null {
  let node: FastNode | undefined = root;
  let line: number | null = root.value === null ? null : root.line;
  for (const step of path) {
    if (node === undefined) return null;
    if (node.keys !== undefined) {
      const hit = node.keys.get(String(step));
      if (hit === undefined) return null;
      line = hit.line;
      node = hit.node;
    } else if (node.items !== undefined && typeof step === "number") {
      node = node.items[step];
      if (node === undefined) return null;
      line = node.line;
    } else {
      return null;
    }
  }
  return line;
}
