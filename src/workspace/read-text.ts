// fs.promises, not node:fs/promises: Node compiles its promises module only when an async read happens,
// which `lint` (sync reads) never does.
import { promises as fsp, readFileSync, statSync } from "node:fs";
import type { FileRead } from "../types/feature-snapshot.js";

// The outcome type lives in src/types so pure code can name it without importing this module.
export type { FileRead } from "../types/feature-snapshot.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

// Reads a regular file (following symlinks) as strict UTF-8.
export async function readText(file: string): Promise<FileRead> {
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) return { kind: "not-file" };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
    return { kind: "unreadable", reason: describe(error) };
  }
  try {
    const bytes = await fsp.readFile(file);
    return { kind: "file", text: decoder.decode(bytes) };
  } catch (error) {
    if (error instanceof TypeError)
      return { kind: "unreadable", reason: "not valid UTF-8 text" };
    return { kind: "unreadable", reason: describe(error) };
  }
}

// The synchronous form: several times faster than fs/promises for the thousands of small files a large
// feature holds (lint's 2,000-unit budget); same outcomes as readText.
export function readTextSync(file: string): FileRead {
  try {
    // stat first: a FIFO or device must never be opened (it could block).
    if (!statSync(file).isFile()) return { kind: "not-file" };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
    return { kind: "unreadable", reason: describe(error) };
  }
  try {
    return { kind: "file", text: decoder.decode(readFileSync(file)) };
  } catch (error) {
    if (error instanceof TypeError)
      return { kind: "unreadable", reason: "not valid UTF-8 text" };
    return { kind: "unreadable", reason: describe(error) };
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code !== undefined ? `${e.code}: ${e.message}` : String(error);
}
