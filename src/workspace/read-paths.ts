import {
  lstat,
  mkdir,
  readFile,
  readdir,
  rmdir,
  unlink,
} from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "./write-file-atomic.js";

// The bytes of each repo-relative path that is a regular file, null for absent ones; directories and links are left out.
export async function readPaths(
  root: string,
  paths: readonly string[],
): Promise<Map<string, Uint8Array | null>> {
  const out = new Map<string, Uint8Array | null>();
  for (const p of new Set(paths)) {
    const abs = path.join(root, p);
    try {
      const st = await lstat(abs);
      if (st.isFile()) out.set(p, await readFile(abs));
    } catch (error) {
      if (!isMissing(error)) throw error;
      out.set(p, null);
    }
  }
  return out;
}

// The repo-relative paths that exist (as anything, links not followed), in the given order.
export async function existingPaths(
  root: string,
  paths: readonly string[],
): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    try {
      await lstat(path.join(root, p));
      out.push(p);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  return out;
}

// Puts files back: bytes are written atomically (creating folders), null deletes the file if present.
export async function writePaths(
  root: string,
  contents: ReadonlyMap<string, Uint8Array | null>,
): Promise<void> {
  for (const [p, bytes] of contents) {
    const abs = path.join(root, p);
    if (bytes === null) {
      await unlink(abs).catch(ignoreMissing);
      continue;
    }
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFileAtomic(abs, bytes);
  }
}

// Deletes files (never following links), then each parent folder that this left empty, stopping at `root`.
export async function removeFiles(
  root: string,
  paths: readonly string[],
): Promise<{ files: string[]; dirs: string[] }> {
  const files: string[] = [];
  const parents = new Set<string>();
  for (const p of paths) {
    const abs = path.join(root, p);
    try {
      await unlink(abs);
      files.push(p);
      parents.add(path.dirname(abs));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  const dirs: string[] = [];
  // Deepest first, so a folder whose only content was an emptied folder goes too.
  const queue = [...parents].sort((a, b) => b.length - a.length);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const dir = queue.shift() ?? root;
    if (seen.has(dir) || !isInside(root, dir)) continue;
    seen.add(dir);
    if (!(await isEmptyDirectory(dir))) continue;
    await rmdir(dir).catch(ignoreMissing);
    dirs.push(path.relative(root, dir).split(path.sep).join("/"));
    queue.push(path.dirname(dir));
    queue.sort((a, b) => b.length - a.length);
  }
  return { files, dirs };
}

async function isEmptyDirectory(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch {
    return false;
  }
}

function isInside(root: string, dir: string): boolean {
  const rel = path.relative(root, dir);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}

function ignoreMissing(error: unknown): void {
  if (!isMissing(error)) throw error;
}
