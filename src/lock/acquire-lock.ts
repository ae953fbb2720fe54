import { rmSync } from "node:fs";
import { lstat, rm, stat, unlink } from "node:fs/promises";
import { lock } from "proper-lockfile";
import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Context } from "../types/context.js";
import { lockHeldError } from "./lock-held-error.js";
import { LOCK_OPTIONS, lockPaths, type LockPaths } from "./lock-options.js";
import { pidLiveness } from "./pid-alive.js";
import {
  readSidecar,
  removeSidecarIfOurs,
  removeSidecarIfOursSync,
  writeSidecar,
  type LockHolder,
} from "./sidecar.js";

/** What to lock and how to describe the holder in the sidecar. */
export interface AcquireLockOptions {
  /** The specfuse root (holds `.specfuse/`). */
  root: string;
  /** The feature ID the command works on, or null (upgrade). */
  feature: string | null;
  /** The command taking the lock: run, arm, unblock or upgrade (D-LOCK-7). */
  command: string;
  /** Aborted with a `lock_compromised` SpecfuseError if the lock is lost (D-LOCK-5). */
  onLost?: AbortController;
}

/** The parts of the Context the lock uses. */
export type LockContext = Pick<
  Context,
  "host" | "pid" | "now" | "version" | "log" | "cleanup"
>;

/** A lock this process holds. */
export interface HeldLock {
  paths: LockPaths;
  holder: LockHolder;
  /** proper-lockfile lost the lock (its directory vanished or was refreshed by someone else). */
  readonly isCompromised: boolean;
  /** Removes the sidecar if it still names us, then the lock directory unless compromised; idempotent (D-LOCK-6). */
  release(): Promise<void>;
}

// Takes the working tree's lock (D-LOCK-1..4) and writes the sidecar; throws `lock_held` (exit 3) when another process has it.
export async function acquireLock(
  options: AcquireLockOptions,
  ctx: LockContext,
): Promise<HeldLock> {
  const paths = lockPaths(options.root);
  await removeLegacyLockFile(paths, ctx);
  const state = { isCompromised: false, isReleased: false };
  const unregister: { fn: () => void } = { fn: () => undefined };
  const onCompromised = compromiseHandler(state, options.onLost, () =>
    unregister.fn(),
  );
  let release: () => Promise<void>;
  try {
    release = await tryLock(paths, onCompromised);
  } catch (error) {
    if (!isLocked(error)) throw error;
    const holder = await readSidecar(paths.sidecar);
    const isDeadHere =
      holder !== null &&
      holder.host === ctx.host &&
      pidLiveness(holder.pid) === "dead";
    if (!isDeadHere) throw await heldError(paths, holder, ctx);
    await rm(paths.lockDir, { recursive: true, force: true });
    await unlink(paths.sidecar).catch(() => undefined);
    ctx.log.warn(
      `removed the lock of pid ${holder.pid} (specfuse ${holder.command || "?"}, started ${holder.started_at || "at an unknown time"}): that process is no longer running`,
      "lock_broken",
    );
    try {
      release = await tryLock(paths, onCompromised);
    } catch (retryError) {
      if (!isLocked(retryError)) throw retryError;
      throw await heldError(paths, await readSidecar(paths.sidecar), ctx);
    }
  }
  const holder: LockHolder = {
    pid: ctx.pid,
    host: ctx.host,
    started_at: ctx.now().toISOString(),
    feature: options.feature,
    command: options.command,
    version: ctx.version,
  };
  const owner = { pid: ctx.pid, host: ctx.host };
  // A second signal exits at once (D-SIGNAL-4): release synchronously, keep nothing else.
  unregister.fn = ctx.cleanup.add(() => {
    removeSidecarIfOursSync(paths.sidecar, owner);
    if (!state.isCompromised)
      rmSync(paths.lockDir, { recursive: true, force: true });
  });
  try {
    await writeSidecar(paths.sidecar, holder);
  } catch (error) {
    unregister.fn();
    await release().catch(() => undefined);
    throw error;
  }
  return {
    paths,
    holder,
    get isCompromised() {
      return state.isCompromised;
    },
    async release() {
      if (state.isReleased) return;
      state.isReleased = true;
      unregister.fn();
      await removeSidecarIfOurs(paths.sidecar, owner);
      if (state.isCompromised) return;
      try {
        await release();
      } catch {
        // proper-lockfile removes the directory with rmdir; something left inside it.
        await rm(paths.lockDir, { recursive: true, force: true });
      }
    },
  };
}

// The onCompromised callback: never throws; records the loss and aborts the run with `lock_compromised` (D-LOCK-5).
export function compromiseHandler(
  state: { isCompromised: boolean },
  onLost: AbortController | undefined,
  disarmCleanup: () => void,
): (error: Error) => void {
  return (error) => {
    try {
      state.isCompromised = true;
      disarmCleanup();
      onLost?.abort(
        new SpecfuseError({
          code: "lock_compromised",
          message: "the lock on .specfuse was lost while this run held it",
          detail: error.message,
          hint: "another specfuse process may own the lock now; run `specfuse status` before starting again",
          cause: error,
        }),
      );
    } catch {
      // onCompromised runs inside proper-lockfile's timer: a throw would crash the process.
    }
  };
}

// Whether an abort reason is the lost lock (as opposed to a signal name).
export function isLockCompromised(reason: unknown): boolean {
  return reason instanceof SpecfuseError && reason.code === "lock_compromised";
}

async function tryLock(
  paths: LockPaths,
  onCompromised: (error: Error) => void,
): Promise<() => Promise<void>> {
  return lock(paths.target, {
    ...LOCK_OPTIONS,
    lockfilePath: paths.lockDir,
    onCompromised,
  });
}

// D-LOCK-3: the reference left a regular file where the lock directory goes.
async function removeLegacyLockFile(
  paths: LockPaths,
  ctx: LockContext,
): Promise<void> {
  let isFile = false;
  try {
    isFile = (await lstat(paths.lockDir)).isFile();
  } catch {
    return;
  }
  if (!isFile) return;
  await unlink(paths.lockDir);
  ctx.log.warn(
    "removed .specfuse/.loop.lock, a lock file left by specfuse-loop 0.3.1 (running both tools in one tree at once is unsupported)",
    "legacy_lock_removed",
  );
}

async function heldError(
  paths: LockPaths,
  holder: LockHolder | null,
  ctx: LockContext,
): Promise<SpecfuseError> {
  const now = ctx.now();
  let refreshedMsAgo: number | null = null;
  try {
    refreshedMsAgo = now.getTime() - (await stat(paths.lockDir)).mtimeMs;
  } catch {
    refreshedMsAgo = null;
  }
  return lockHeldError({ holder, host: ctx.host, now, refreshedMsAgo });
}

function isLocked(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ELOCKED";
}
