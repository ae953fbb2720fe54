import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Files to create: relative path → content. */
export type Tree = Record<string, string>;

// Writes a tree of files under `root`, creating directories as needed.
export function writeTree(root: string, tree: Tree): void {
  for (const [rel, content] of Object.entries(tree)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
