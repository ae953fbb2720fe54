import { lstat } from "node:fs/promises";
import { LOCK_OPTIONS, lockPaths } from "./lock-options.js";
import { pidLiveness } from "./pid-alive.js";
import { readSidecar, type LockHolder } from "./sidecar.js";

/** The lock as `status`, `doctor` and dry runs report it; read-only, takes nothing (D-LOCK-7). */
export interface LockState {
  /**
   * - `free`: no lock directory;
   * - `held`: a fresh lock whose holder is alive or cannot be checked (another host, no sidecar);
   * - `dead`: a fresh lock whose holder ran on this host and is gone (the next acquire breaks it);
   * - `stale`: not refreshed for longer than the stale limit (the next acquire takes it over).
   */
  state: "free" | "held" | "dead" | "stale";
  /** The sidecar, when there is one. */
  holder: LockHolder | null;
  /** For `held`: true when the pid answered on this host, null when it could not be checked. */
  isHolderAlive: boolean | null;
  /** Milliseconds since the lock directory was last refreshed; null when free. */
  refreshedMsAgo: number | null;
  /** A regular file sits at `.specfuse/.loop.lock` (left by specfuse-loop 0.3.1, D-LOCK-3). */
  hasLegacyFile: boolean;
}

// Describes the lock of the working tree at `root` without touching it.
export async function readLockState(
  root: string,
  self: { host: string; now: Date },
): Promise<LockState> {
  const paths = lockPaths(root);
  let st;
  try {
    st = await lstat(paths.lockDir);
  } catch {
    st = null;
  }
  const base = { isHolderAlive: null, refreshedMsAgo: null };
  if (st === null || !st.isDirectory()) {
    return {
      ...base,
      state: "free",
      holder: null,
      hasLegacyFile: st?.isFile() ?? false,
    };
  }
  const holder = await readSidecar(paths.sidecar);
  const refreshedMsAgo = Math.max(0, self.now.getTime() - st.mtimeMs);
  const common = { holder, refreshedMsAgo, hasLegacyFile: false };
  if (refreshedMsAgo > LOCK_OPTIONS.stale)
    return { ...common, state: "stale", isHolderAlive: null };
  if (holder === null || holder.host !== self.host)
    return { ...common, state: "held", isHolderAlive: null };
  const live = pidLiveness(holder.pid);
  if (live === "dead")
    return { ...common, state: "dead", isHolderAlive: false };
  return {
    ...common,
    state: "held",
    isHolderAlive: live === "alive" ? true : null,
  };
}
