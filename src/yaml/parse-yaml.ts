import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import type { Document, LineCounter, Node } from "yaml";
import { fastLineOf, fastParseYaml, type FastNode } from "./fast-yaml.js";
import { rewriteLenient } from "./leniency.js";

type YamlModule = typeof Yaml;
let yamlModule: YamlModule | null = null;

// The `yaml` package, loaded on first use: the fast path reads most files without it (~45 ms of import saved).
function yamlLib(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)("yaml") as YamlModule;
  return yamlModule;
}

/** A YAML failure located in the file (formats.md F-YAML-4). */
export interface YamlIssue {
  /** Why it failed, one line. */
  reason: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column, when the parser gives one. */
  column: number | null;
  /** The offending line, as written. */
  excerpt: string;
}

/** A parsed YAML document, with what is needed to map nodes back to file lines. */
export interface YamlDoc {
  value: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** File line of the text's first line, minus one. */
  lineOffset: number;
  /** Set when the fast path read the text; `doc` and `lineCounter` are then built on first access. */
  fast?: FastNode;
}

/** The outcome of one parse. */
export type YamlParse =
  { ok: true; yaml: YamlDoc } | { ok: false; issue: YamlIssue };

const OPTIONS = {
  version: "1.2",
  schema: "core",
  uniqueKeys: true,
  merge: false,
  prettyErrors: false,
} as const;

// Parses with the project's YAML policy (formats.md F-YAML-1..4), retrying once with the leniency rewrite.
export function parseYaml(text: string, lineOffset = 0): YamlParse {
  const fast = fastParseYaml(text);
  if (fast !== null) return { ok: true, yaml: lazyDoc(text, lineOffset, fast) };
  const first = parseOnce(text, lineOffset);
  if (first.ok) return first;
  const rewritten = rewriteLenient(text);
  if (rewritten === text) return first;
  const retry = parseOnce(rewritten, lineOffset);
  return retry.ok
    ? retry
    : {
        ok: false,
        issue: {
          ...first.issue,
          excerpt: excerptAt(text, first.issue.line - lineOffset),
        },
      };
}

// A fast-path result; the full Document is parsed only if someone asks for it (the fast path only accepts
// valid text). A class, so the two getters live on its prototype: an object literal with getters costs V8 a
// slow path per object, and lint makes one per file.
class LazyDoc implements YamlDoc {
  readonly value: unknown;
  readonly lineOffset: number;
  readonly fast: FastNode;
  private readonly text: string;
  private full: YamlDoc | null = null;

  constructor(text: string, lineOffset: number, fast: FastNode) {
    this.value = fast.value;
    this.lineOffset = lineOffset;
    this.fast = fast;
    this.text = text;
  }

  get doc(): Document.Parsed {
    return this.materialize().doc;
  }

  get lineCounter(): LineCounter {
    return this.materialize().lineCounter;
  }

  private materialize(): YamlDoc {
    if (this.full === null) {
      const parsed = parseOnce(this.text, this.lineOffset);
      if (!parsed.ok)
        throw new Error(
          `fast YAML path accepted invalid text: ${parsed.issue.reason}`,
        );
      this.full = parsed.yaml;
    }
    return this.full;
  }
}

function lazyDoc(text: string, lineOffset: number, fast: FastNode): YamlDoc {
  return new LazyDoc(text, lineOffset, fast);
}

function parseOnce(text: string, lineOffset: number): YamlParse {
  const { LineCounter: Counter, parseDocument } = yamlLib();
  const lineCounter = new Counter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...OPTIONS, lineCounter });
  } catch (error) {
    return {
      ok: false,
      issue: {
        reason: describe(error),
        line: lineOffset + 1,
        column: null,
        excerpt: excerptAt(text, 1),
      },
    };
  }
  const err = doc.errors[0];
  if (err !== undefined) {
    const pos = lineCounter.linePos(err.pos[0]);
    return {
      ok: false,
      issue: {
        reason: reasonOf(err.code, err.message),
        line: lineOffset + pos.line,
        column: pos.col,
        excerpt: excerptAt(text, pos.line),
      },
    };
  }
  try {
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    return { ok: true, yaml: { value, doc, lineCounter, lineOffset } };
  } catch (error) {
    return {
      ok: false,
      issue: {
        reason: describe(error),
        line: lineOffset + 1,
        column: null,
        excerpt: excerptAt(text, 1),
      },
    };
  }
}

function reasonOf(code: string, message: string): string {
  const firstLine = message.split("\n")[0] ?? message;
  if (code === "DUPLICATE_KEY") return `duplicate key: ${firstLine}`;
  if (code === "MULTIPLE_DOCS")
    return 'more than one YAML document (a second "---" line?)';
  return firstLine.replace(/ at line \d+, column \d+:?$/, "");
}

function describe(error: unknown): string {
  return error instanceof Error
    ? (error.message.split("\n")[0] ?? error.message)
    : String(error);
}

function excerptAt(text: string, line: number): string {
  return (text.split("\n")[line - 1] ?? "").replace(/\r$/, "");
}

/** A path into a YAML document: map keys and sequence indexes. */
export type YamlPath = ReadonlyArray<string | number>;

// The file line where the node at `path` starts (for a map key: the key's line), or null.
export function lineOf(yaml: YamlDoc, path: YamlPath): number | null {
  if (yaml.fast !== undefined) {
    const line = fastLineOf(yaml.fast, path);
    return line === null ? null : yaml.lineOffset + line;
  }
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  let node: unknown = yaml.doc.contents;
  let keyNode: Node | null = null;
  for (const step of path) {
    keyNode = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyEquals(p.key, step));
      if (pair === undefined) return null;
      keyNode = isScalar(pair.key) ? pair.key : null;
      node = pair.value;
    } else if (isSeq(node) && typeof step === "number") {
      node = node.items[step];
    } else {
      return null;
    }
  }
  const anchor = keyNode ?? (node as Node | null);
  const start = anchor?.range?.[0];
  if (start === undefined) return null;
  return yaml.lineOffset + yaml.lineCounter.linePos(start).line;
}

function keyEquals(key: unknown, step: string | number): boolean {
  if (yamlLib().isScalar(key)) return String(key.value) === String(step);
  return false;
}
