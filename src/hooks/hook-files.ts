import { appendFile, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../workspace/write-file-atomic.js";

// The hook files under `<F>/work/` (audit.md AU-HOOK-8, AU-HOOK-9): the outbox and hooks.log. Their one writer is the dispatcher.

/** Where one feature's hook files live. */
export interface HookPaths {
  outbox: string;
  log: string;
}

// `<F>/work/hooks-outbox.jsonl` and `<F>/work/hooks.log` of an absolute feature folder.
export function hookPaths(featureAbs: string): HookPaths {
  const work = path.join(featureAbs, "work");
  return {
    outbox: path.join(work, "hooks-outbox.jsonl"),
    log: path.join(work, "hooks.log"),
  };
}

// The outbox text, or null when there is none.
export async function readOutboxText(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

// Rewrites the outbox atomically (the caller holds the feature's lock), or removes it when empty.
export async function writeOutboxText(
  file: string,
  text: string | null,
): Promise<void> {
  if (text === null) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
}

// Appends lines to hooks.log, creating `work/` when needed.
export async function appendHooksLog(
  file: string,
  text: string,
): Promise<void> {
  if (text === "") return;
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, text);
}
