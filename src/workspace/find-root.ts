import { statSync } from "node:fs";
import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";

// Nearest directory, from `start` upward, that contains `.specfuse/features/` (cli.md C-GLOB-1), or null.
export function findRoot(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (isDirectory(path.join(dir, ".specfuse", "features"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

// Like findRoot, but a missing workspace is the `no_specfuse_dir` error (exit 65).
export function requireRoot(start: string): string {
  const root = findRoot(start);
  if (root === null) {
    throw new SpecfuseError({
      code: "no_specfuse_dir",
      message: `no .specfuse/features/ in ${start} or any parent directory`,
      hint: "run `specfuse init` in the repository root first",
    });
  }
  return root;
}

// Whether a path is a directory (following symlinks).
export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
