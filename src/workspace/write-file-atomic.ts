import { randomBytes } from "node:crypto";
import { chmod, rename, stat, unlink, writeFile } from "node:fs/promises";
import {
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  chmodSync,
} from "node:fs";
import path from "node:path";

function tempNameFor(file: string): string {
  return path.join(
    path.dirname(file),
    `${path.basename(file)}.specfuse-tmp-${randomBytes(6).toString("hex")}`,
  );
}

// Writes via `<name>.specfuse-tmp-<random>` + rename, keeping the mode (formats.md F-WRITE-7); the original survives any failure.
export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array,
): Promise<void> {
  const tmp = tempNameFor(file);
  let mode: number | null = null;
  try {
    mode = (await stat(file)).mode & 0o7777;
  } catch {
    mode = null;
  }
  try {
    await writeFile(tmp, content);
    if (mode !== null) await chmod(tmp, mode);
    await rename(tmp, file);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

// The synchronous form, for the few writes that must finish before a signal handler returns.
export function writeFileAtomicSync(
  file: string,
  content: string | Uint8Array,
): void {
  const tmp = tempNameFor(file);
  let mode: number | null = null;
  try {
    mode = statSync(file).mode & 0o7777;
  } catch {
    mode = null;
  }
  try {
    writeFileSync(tmp, content);
    if (mode !== null) chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file was never created
    }
    throw error;
  }
}
