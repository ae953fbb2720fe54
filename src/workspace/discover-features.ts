import { readdirSync } from "node:fs";
import path from "node:path";
import { isDirectory } from "./find-root.js";

// Feature folder names under `.specfuse/features/`, non-hidden directories in code-point order (lint.md L-CLI-3).
export function listFeatureFolders(root: string): string[] {
  const dir = path.join(root, ".specfuse", "features");
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => !n.startsWith(".") && isDirectory(path.join(dir, n)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// The repo-relative display path of a feature folder.
export function featureDisplayDir(name: string): string {
  return `.specfuse/features/${name}`;
}
