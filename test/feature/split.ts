import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";

// The frontmatter of a file as data (for pinning what specfuse wrote).
export function splitFrontmatterForTest(text: string): Record<string, unknown> {
  const fm = parseFrontmatter(text);
  if (fm.state !== "ok") throw new Error("frontmatter does not parse");
  return fm.data;
}
