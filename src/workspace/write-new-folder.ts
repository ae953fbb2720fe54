import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { lstat, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import type { CleanupRegistry } from "../types/context.js";

/** One file of the new folder. */
export interface NewFile {
  name: string;
  text: string;
}

/** What the folder writer needs besides the files. */
export interface NewFolderOptions {
  cleanup: CleanupRegistry;
  /** Runs on the staging directory after the files are written, before the rename (e.g. the first event). */
  beforeRename?: (stagingDir: string) => Promise<void> | void;
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

// Creates `dir` whole or not at all: the files go to a git-ignored `.<name>.specfuse-tmp-<random>` sibling, which is renamed into place; any failure removes it.
export async function writeNewFolder(
  dir: string,
  files: readonly NewFile[],
  options: NewFolderOptions,
): Promise<void> {
  const parent = path.dirname(dir);
  const staging = path.join(
    parent,
    `.${path.basename(dir)}.specfuse-tmp-${randomBytes(6).toString("hex")}`,
  );
  await mkdir(parent, { recursive: true });
  await mkdir(staging);
  const unregister = options.cleanup.add(() =>
    rmSync(staging, { recursive: true, force: true }),
  );
  try {
    for (const f of files) {
      if (
        f.name.includes("/") ||
        f.name.includes("\\") ||
        f.name.startsWith(".")
      )
        throw new TypeError(`not a plain file name: ${f.name}`);
      await writeFile(path.join(staging, f.name), f.text, { flag: "wx" });
    }
    await options.beforeRename?.(staging);
    // rename(2) would replace an empty directory: refuse anything already at the path.
    if (await exists(dir)) throw folderTaken(dir);
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    unregister();
  }
}

// Removes a folder writeNewFolder created, when a later step of the same command failed.
export async function removeNewFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

function folderTaken(dir: string): SpecfuseError {
  return new SpecfuseError({
    code: "feature_exists",
    message: `${path.basename(dir)} already exists`,
    detail: "specfuse never overwrites a feature folder; nothing was written",
    hint: "pick another title or id, or remove the folder if it is a leftover",
  });
}
