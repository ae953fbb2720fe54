import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdir, rename, rm, rmdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import type { CleanupRegistry } from "../types/context.js";
import { writeFileAtomic } from "../workspace/write-file-atomic.js";
import { isWriteAction, type FileOp } from "./file-op.js";
import { MANIFEST_PATH } from "./manifest.js";
import { existsInAnyForm } from "./read-target.js";

/** What the applier needs from the Context. */
export interface ApplyOptions {
  signal: AbortSignal;
  cleanup: CleanupRegistry;
}

const SCAFFOLD_PREFIX = ".specfuse/";

function absolute(dir: string, rel: string): string {
  return path.join(dir, ...rel.split("/"));
}

// Stops before the next write once a signal arrived (cli.md C-SIG-1).
function checkAborted(signal: AbortSignal, what: string): void {
  if (!signal.aborted) return;
  throw new SpecfuseError({
    code: "interrupted",
    message: `interrupted; ${what}`,
    hint: "run the same command again",
  });
}

async function writeWiring(dir: string, op: FileOp): Promise<void> {
  const file = absolute(dir, op.path);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, op.content ?? "");
}

// Writes `init`'s tree into `.specfuse.staging-<random>`, merges the wiring, then renames (I-INIT-3); any failure removes the staging directory.
export async function applyInit(
  dir: string,
  ops: ReadonlyArray<FileOp>,
  options: ApplyOptions,
): Promise<void> {
  const writes = ops.filter((op) => isWriteAction(op.action));
  const staging = path.join(
    dir,
    `.specfuse.staging-${randomBytes(6).toString("hex")}`,
  );
  const what = "no .specfuse/ was created";
  checkAborted(options.signal, what);
  await mkdir(staging);
  const unregister = options.cleanup.add(() =>
    rmSync(staging, { recursive: true, force: true }),
  );
  try {
    for (const op of writes.filter((o) => o.path.startsWith(SCAFFOLD_PREFIX))) {
      checkAborted(options.signal, what);
      const file = absolute(staging, op.path.slice(SCAFFOLD_PREFIX.length));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, op.content ?? "");
    }
    for (const op of writes.filter((o) => !o.path.startsWith(SCAFFOLD_PREFIX))) {
      checkAborted(options.signal, what);
      await writeWiring(dir, op);
    }
    checkAborted(options.signal, what);
    const final = path.join(dir, ".specfuse");
    if (await existsInAnyForm(final)) {
      throw new SpecfuseError({
        code: "scaffold_exists",
        message: ".specfuse appeared while init was running; nothing was moved into place",
        hint: "run `specfuse upgrade` instead",
      });
    }
    await rename(staging, final);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    unregister();
  }
}

// Applies an upgrade: each file atomically, removals with their emptied folders, the manifest last (README point 4).
export async function applyUpgrade(
  dir: string,
  ops: ReadonlyArray<FileOp>,
  options: ApplyOptions,
): Promise<void> {
  const what = "run `specfuse upgrade` again to finish";
  const manifest = ops.find((op) => op.path === MANIFEST_PATH);
  for (const op of ops) {
    if (op === manifest) continue;
    if (isWriteAction(op.action)) {
      checkAborted(options.signal, what);
      await writeWiring(dir, op);
    } else if (op.action === "remove") {
      checkAborted(options.signal, what);
      await unlink(absolute(dir, op.path));
      await removeEmptyParents(dir, op.path);
    }
  }
  if (manifest !== undefined && isWriteAction(manifest.action)) {
    checkAborted(options.signal, what);
    await writeWiring(dir, manifest);
  }
}

// Removes folders a prune left empty, up to (not including) `.specfuse/`, `.specfuse/features/` or `.claude/commands/`.
async function removeEmptyParents(dir: string, rel: string): Promise<void> {
  const stops = new Set([
    ".specfuse",
    ".specfuse/features",
    ".claude/commands",
    ".claude",
    ".github/workflows",
    ".github",
  ]);
  let parent = path.posix.dirname(rel);
  while (parent !== "." && !stops.has(parent)) {
    try {
      await rmdir(absolute(dir, parent));
    } catch {
      return;
    }
    parent = path.posix.dirname(parent);
  }
}
