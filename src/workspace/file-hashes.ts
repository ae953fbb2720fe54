import { createHash } from "node:crypto";
import { createReadStream, lstatSync, readFileSync } from "node:fs";
import { readdir, readlink } from "node:fs/promises";
import path from "node:path";

/** A path's existence and content: null when absent, else `<kind>:<sha256 hex>` (kind file, link or dir). */
export type PathHash = string | null;

// Files up to this size are hashed with one read; larger ones are streamed.
const ONE_READ_BYTES = 4 * 1024 * 1024;

// Hashes one path without following a final symlink; a directory hashes its sorted entries recursively.
export async function hashPath(abs: string): Promise<PathHash> {
  let st;
  try {
    st = lstatSync(abs);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  // The common case, a small regular file, takes one read: an attempt hashes every protected WU file twice.
  if (st.isFile() && st.size <= ONE_READ_BYTES) return `file:${sha256(readFileSync(abs))}`;
  if (st.isSymbolicLink())
    return `link:${sha256(Buffer.from(await readlink(abs)))}`;
  if (st.isDirectory()) return `dir:${await hashDirectory(abs)}`;
  if (st.isFile()) return `file:${await hashFile(abs)}`;
  return `other:${sha256(Buffer.from(String(st.mode)))}`;
}

// Hashes repo-relative paths under `root`, a few at a time so thousands of files cannot exhaust descriptors.
export async function hashPaths(
  root: string,
  paths: readonly string[],
): Promise<Map<string, PathHash>> {
  const out = new Map<string, PathHash>();
  const queue = [...new Set(paths)];
  // A small pool keeps thousands of large files from exhausting descriptors; small files finish synchronously.
  const worker = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      out.set(p, await hashPath(path.join(root, p)));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return new Map([...new Set(paths)].map((p) => [p, out.get(p) ?? null]));
}

// The PathHash a regular file with these bytes has.
export function hashBytes(bytes: Uint8Array): PathHash {
  return `file:${sha256(bytes)}`;
}

// The hex SHA-256 of some bytes.
export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function hashFile(abs: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(abs)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function hashDirectory(abs: string): Promise<string> {
  const names = (await readdir(abs)).sort();
  const parts: string[] = [];
  for (const name of names) {
    parts.push(`${name}\0${(await hashPath(path.join(abs, name))) ?? ""}`);
  }
  return sha256(parts.join("\n"));
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}
