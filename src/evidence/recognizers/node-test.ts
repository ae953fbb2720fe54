import { repoFrame, repoLocation, repoPath } from "../repo-path.js";
import type { RawFinding, RecognizeInput, Recognizer } from "../types.js";
import { bodyMessage, placed, propertyValue } from "./text.js";

const SUBTEST = /^(\s*)# Subtest: (.*)$/;
const NOT_OK = /^(\s*)not ok \d+ - (.*?)(\s+#\s*(?:TODO|SKIP)\b.*)?$/i;
// Failures that only report a child's failure or a cancellation caused by another one.
const COLLATERAL = new Set(["subtestsFailed", "cancelledByParent"]);

// node:test (EV-REC-1): TAP `not ok <n> - <name>` at any indent with its YAML block, and the spec reporter's
// `✖ <name>` blocks with `test at <file>:<l>:<c>` from its `✖ failing tests:` summary.
export const nodeTest: Recognizer = {
  runner: "node-test",
  recognize(input) {
    const found: RawFinding[] = [];
    if (input.text.includes("not ok ")) found.push(...readTap(input));
    if (input.text.includes("✖ ")) found.push(...readSpec(input));
    return found;
  },
};

function readTap({ lines, root }: RecognizeInput): RawFinding[] {
  const found: RawFinding[] = [];
  const open: Array<{ indent: number; name: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!line.includes("# Subtest: ") && !line.includes("not ok ")) continue;
    const sub = SUBTEST.exec(line);
    if (sub !== null) {
      const indent = (sub[1] ?? "").length;
      while (open.length > 0 && (open[open.length - 1]?.indent ?? 0) >= indent)
        open.pop();
      open.push({ indent, name: sub[2] ?? "" });
      continue;
    }
    const m = NOT_OK.exec(line);
    if (m === null || m[3] !== undefined) continue;
    const indent = (m[1] ?? "").length;
    const parents = open.filter((o) => o.indent < indent).map((o) => o.name);
    while (open.length > 0 && (open[open.length - 1]?.indent ?? 0) >= indent)
      open.pop();
    const block = readYamlBlock(lines, i + 1, indent);
    if (COLLATERAL.has(block.get("failureType") ?? "")) continue;
    found.push(tapFinding(i, parents, m[2] ?? "", block, root));
  }
  return found;
}

function tapFinding(
  at: number,
  parents: string[],
  name: string,
  block: Map<string, string>,
  root: string,
): RawFinding {
  const names = [...parents, unescapeTap(name)];
  const fileParent = names.find(isFileName);
  const test = names.filter((n) => !isFileName(n)).join(" > ");
  const location = repoLocation(block.get("location") ?? "", root);
  const where = location ?? {
    file: fileParent === undefined ? undefined : repoPath(fileParent, root),
  };
  const error = block.get("error") ?? block.get("message") ?? "failed";
  return placed(
    {
      at,
      runner: "node-test",
      ...(test === "" ? {} : { test }),
      message: error,
      ...optional("expected", block.get("expected")),
      ...optional("actual", block.get("actual")),
    },
    where,
  );
}

function optional(key: "expected" | "actual", value: string | undefined) {
  return value === undefined ? {} : { [key]: value };
}

function isFileName(name: string): boolean {
  return /[/\\]/.test(name) && /\.[cm]?[jt]sx?$/.test(name);
}

function unescapeTap(name: string): string {
  return name.replace(/\\#/g, "#").replace(/\\\\/g, "\\");
}

// The YAML diagnostic block after a `not ok` line, read as flat keys: quoted and plain scalars, `|` blocks, and
// nested values folded to one line.
export function readYamlBlock(
  lines: readonly string[],
  from: number,
  indent: number,
): Map<string, string> {
  const map = new Map<string, string>();
  const keyIndent = indent + 2;
  if (!/^\s*---\s*$/.test(lines[from] ?? "")) return map;
  for (let i = from + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*\.\.\.\s*$/.test(line)) break;
    const m = /^(\s*)([\w$-]+):(?: (.*))?$/.exec(line);
    if (m === null || (m[1] ?? "").length !== keyIndent) continue;
    const key = m[2] ?? "";
    const value = (m[3] ?? "").trim();
    const nested: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j] ?? "";
      if (next.trim() !== "" && leading(next) <= keyIndent) break;
      nested.push(next);
    }
    map.set(key, yamlValue(value, nested, keyIndent));
    i = j - 1;
  }
  return map;
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}

function yamlValue(value: string, nested: string[], indent: number): string {
  if (/^[|>][-+]?$/.test(value)) {
    const block = nested.map((l) => l.slice(indent + 2));
    while (block.length > 0 && (block[block.length - 1] ?? "").trim() === "")
      block.pop();
    return block.join("\n");
  }
  if (value === "")
    return nested
      .map((l) => l.trim())
      .filter((l) => l !== "")
      .join(" ");
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2)
    return value.slice(1, -1).replace(/''/g, "'");
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value.slice(1, -1);
    }
  }
  return value;
}

const SPEC_START = /^\s*[▶✖✔﹣ℹ] /;
const SPEC_MARK = /^(\s*)([▶✖✔﹣ℹ]) (.*?)(?: \((?:\d+(?:\.\d+)?m?s)\))?$/;

interface SpecLeaf {
  at: number;
  name: string;
  parents: string[];
  body: string[];
}

function readSpec({ lines, root }: RecognizeInput): RawFinding[] {
  const summaryAt = lines.findIndex((l) => /^✖ failing tests:$/.test(l));
  const leaves = specLeaves(lines, summaryAt < 0 ? lines.length : summaryAt);
  if (summaryAt < 0)
    return leaves.map((leaf) => specFinding(leaf, undefined, root));
  const used = new Set<SpecLeaf>();
  const found: RawFinding[] = [];
  for (let i = summaryAt + 1; i < lines.length; i++) {
    const at = /^test at (.+)$/.exec(lines[i] ?? "");
    const mark = SPEC_MARK.exec(lines[i + 1] ?? "");
    if (at === null || mark === null || mark[2] !== "✖") continue;
    const name = mark[3] ?? "";
    const inline = leaves.find((l) => !used.has(l) && l.name === name);
    if (inline !== undefined) used.add(inline);
    const body = indentedBody(lines, i + 2, 0);
    const leaf = { at: i + 1, name, parents: inline?.parents ?? [], body };
    found.push(specFinding(leaf, at[1], root));
  }
  return found;
}

// The failed tests of the spec tree: `✖` lines followed by an indented error, with their `▶` parents.
function specLeaves(lines: readonly string[], end: number): SpecLeaf[] {
  const leaves: SpecLeaf[] = [];
  const open: Array<{ indent: number; name: string }> = [];
  for (let i = 0; i < end; i++) {
    if (!SPEC_START.test(lines[i] ?? "")) continue;
    const m = SPEC_MARK.exec(lines[i] ?? "");
    if (m === null) continue;
    const indent = (m[1] ?? "").length;
    while (open.length > 0 && (open[open.length - 1]?.indent ?? 0) >= indent)
      open.pop();
    if (m[2] === "▶") open.push({ indent, name: m[3] ?? "" });
    if (m[2] !== "✖") continue;
    const body = indentedBody(lines, i + 1, indent);
    if (body.length === 0) continue;
    const parents = open.map((o) => o.name);
    leaves.push({ at: i, name: m[3] ?? "", parents, body });
  }
  return leaves;
}

// The lines after a marker that are indented deeper than it (blank lines included), up to the next marker.
function indentedBody(
  lines: readonly string[],
  from: number,
  indent: number,
): string[] {
  const body: string[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (
      line.trim() !== "" &&
      (leading(line) <= indent || SPEC_START.test(line))
    )
      break;
    body.push(line);
  }
  while (body.length > 0 && (body[body.length - 1] ?? "").trim() === "")
    body.pop();
  return body;
}

function specFinding(
  leaf: SpecLeaf,
  location: string | undefined,
  root: string,
): RawFinding {
  const where =
    location === undefined
      ? leaf.body.map((l) => repoFrame(l, root)).find((f) => f !== undefined)
      : repoLocation(location, root);
  const test = [...leaf.parents, leaf.name].join(" > ");
  return placed(
    {
      at: leaf.at,
      runner: "node-test",
      test,
      message: bodyMessage(leaf.body),
      ...optional("expected", propertyValue(leaf.body, "expected")),
      ...optional("actual", propertyValue(leaf.body, "actual")),
    },
    where,
  );
}
