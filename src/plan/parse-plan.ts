import {
  parseFrontmatter,
  type Frontmatter,
} from "../yaml/split-frontmatter.js";
import { findGraphBlock, type GraphSearch } from "./find-graph-block.js";
import { readGraph, type RawGraph } from "./read-graph.js";

/** PLAN.md read into frontmatter, graph search and raw graph (formats.md §4). */
export interface PlanDoc {
  fm: Frontmatter;
  search: GraphSearch;
  /** The raw graph, or null when no block qualified. */
  graph: RawGraph | null;
  /** True when the frontmatter was opened and never closed (lint stops the folder). */
  isUnclosed: boolean;
}

// Parses PLAN.md text; never throws.
export function parsePlan(text: string): PlanDoc {
  const fm = parseFrontmatter(text);
  const isUnclosed = fm.state === "error" && fm.closeLine === null;
  if (isUnclosed)
    return {
      fm,
      search: { graph: null, earlierIssues: [] },
      graph: null,
      isUnclosed,
    };
  const search = findGraphBlock(fm.body, fm.bodyLine);
  return {
    fm,
    search,
    graph: search.graph === null ? null : readGraph(search.graph),
    isUnclosed,
  };
}
