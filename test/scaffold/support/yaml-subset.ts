import { isScalar, parseDocument, visit, type Scalar } from "yaml";
import { splitLines } from "../../../src/yaml/split-frontmatter.js";

/** One YAML region of a shipped file, with the file line it starts on. */
export interface YamlRegion {
  kind: "frontmatter" | "fenced" | "file";
  line: number;
  text: string;
}

// Frontmatter and fenced ```yaml / ```yml / ```result blocks of a Markdown file; the whole text of a .yml file.
export function yamlRegions(fileName: string, text: string): YamlRegion[] {
  if (/\.ya?ml$/.test(fileName)) return [{ kind: "file", line: 1, text }];
  if (!fileName.endsWith(".md")) return [];
  const lines = splitLines(text);
  const regions: YamlRegion[] = [];
  let start = 0;
  if (/^---\s*$/.test(lines[0] ?? "")) {
    const close = lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
    if (close > 0) {
      regions.push({
        kind: "frontmatter",
        line: 2,
        text: lines.slice(1, close).join("\n"),
      });
      start = close + 1;
    }
  }
  for (let i = start; i < lines.length; i++) {
    if (!/^```(ya?ml|result)\s*$/.test(lines[i] ?? "")) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
    if (end < 0) break;
    regions.push({
      kind: "fenced",
      line: i + 2,
      text: lines.slice(i + 1, end).join("\n"),
    });
    i = end;
  }
  return regions;
}

// Ways a YAML text leaves the reference's subset (init.md I-TPL-1); empty when it stays inside.
export function subsetViolations(text: string): string[] {
  const doc = parseDocument(text, { version: "1.2", schema: "core" });
  if (doc.errors.length > 0)
    return [`does not parse: ${doc.errors[0]?.message ?? ""}`];
  const out: string[] = [];
  const at = (node: { range?: [number, number, number] | null }) => {
    const offset = node.range?.[0] ?? 0;
    return `line ${text.slice(0, offset).split("\n").length}`;
  };
  visit(doc, {
    Alias(_, node) {
      out.push(`alias (${at(node)})`);
    },
    Scalar(_, node: Scalar) {
      const source = node.range
        ? text.slice(node.range[0], node.range[1])
        : "";
      if (node.anchor !== undefined) out.push(`anchor (${at(node)})`);
      if (node.tag !== undefined) out.push(`tag (${at(node)})`);
      if (node.type === "QUOTE_SINGLE")
        out.push(`single-quoted string (${at(node)})`);
      if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED")
        out.push(`block scalar (${at(node)})`);
      if (node.value === null) out.push(`null or empty value (${at(node)})`);
      if (node.type === "PLAIN" && /^(yes|no|on|off|y|n)$/i.test(source))
        out.push(`yes/no-style value "${source}" (${at(node)})`);
      if (source.includes("\n")) out.push(`multi-line scalar (${at(node)})`);
      if (node.type === "QUOTE_DOUBLE" && /\\[^"\\]/.test(source))
        out.push(`escape other than \\" or \\\\ (${at(node)})`);
    },
    Map(_, node) {
      if (node.flow === true) out.push(`flow map (${at(node)})`);
      if (node.anchor !== undefined || node.tag !== undefined)
        out.push(`anchor or tag on a map (${at(node)})`);
    },
    Seq(_, node) {
      if (node.anchor !== undefined || node.tag !== undefined)
        out.push(`anchor or tag on a list (${at(node)})`);
      if (node.flow === true && node.items.some((item) => !isScalar(item)))
        out.push(`flow list holding a collection (${at(node)})`);
    },
  });
  return out;
}
