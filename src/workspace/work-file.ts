import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "./write-file-atomic.js";

// Writes a file under a feature's `work/` atomically, creating the folders it needs (A-STYLE-2).
export async function writeWorkFile(
  file: string,
  content: string,
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, content);
}

// Whether a path is a regular file holding at least one byte (an `events.jsonl` that recorded something).
export async function isNonEmptyFile(file: string): Promise<boolean> {
  try {
    const st = await stat(file);
    return st.isFile() && st.size > 0;
  } catch {
    return false;
  }
}
