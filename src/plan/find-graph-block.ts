import { parseYaml, type YamlDoc, type YamlIssue } from "../yaml/parse-yaml.js";

/** The PLAN task-graph block (formats.md F-GRAPH-1). */
export interface GraphBlock {
  yaml: YamlDoc;
  root: Record<string, unknown>;
  /** File line of the opening fence. */
  fenceLine: number;
}

/** The graph, if any, and the candidates before it that failed to parse (F-GRAPH-2). */
export interface GraphSearch {
  graph: GraphBlock | null;
  earlierIssues: YamlIssue[];
}

const CANDIDATE = /```ya?ml\s*\n([\s\S]*?)\n```/g;

// Finds the first fenced yaml block whose root is a mapping with `gates`; later blocks are never parsed.
export function findGraphBlock(body: string, bodyLine: number): GraphSearch {
  const earlierIssues: YamlIssue[] = [];
  for (const m of body.matchAll(CANDIDATE)) {
    const content = m[1] ?? "";
    const start = (m.index ?? 0) + m[0].length - 4 - content.length;
    const contentLine = bodyLine + countNewlines(body, start);
    const fenceLine = bodyLine + countNewlines(body, m.index ?? 0);
    const parsed = parseYaml(content, contentLine - 1);
    if (!parsed.ok) {
      earlierIssues.push(parsed.issue);
      continue;
    }
    const root = parsed.yaml.value;
    if (
      root !== null &&
      typeof root === "object" &&
      !Array.isArray(root) &&
      Object.hasOwn(root, "gates")
    ) {
      return {
        graph: {
          yaml: parsed.yaml,
          root: root as Record<string, unknown>,
          fenceLine,
        },
        earlierIssues,
      };
    }
  }
  return { graph: null, earlierIssues };
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (
    let i = text.indexOf("\n");
    i >= 0 && i < end;
    i = text.indexOf("\n", i + 1)
  )
    n++;
  return n;
}
