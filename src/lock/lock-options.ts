import path from "node:path";

// The one set of proper-lockfile options every holder uses (D-LOCK-1): holders with other stale/update values would not exclude each other.
export const LOCK_OPTIONS = {
  realpath: false,
  stale: 30_000,
  update: 10_000,
  retries: 0,
} as const;

/** The absolute paths of one working tree's lock (formats.md §1). */
export interface LockPaths {
  /** The locked target, `.specfuse`. */
  target: string;
  /** `.specfuse/.loop.lock`, a directory made by proper-lockfile. */
  lockDir: string;
  /** `.specfuse/.loop.lock.json`, who holds the lock. */
  sidecar: string;
}

// Where the lock of the working tree at `root` lives.
export function lockPaths(root: string): LockPaths {
  const target = path.join(root, ".specfuse");
  return {
    target,
    lockDir: path.join(target, ".loop.lock"),
    sidecar: path.join(target, ".loop.lock.json"),
  };
}
