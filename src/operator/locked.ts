import { acquireLock, type LockContext } from "../lock/acquire-lock.js";

// Runs `act` while holding the working tree's lock (D-LOCK-7); any exit, error included, releases it (D-LOCK-6).
export async function withLock<T>(
  options: {
    root: string;
    feature: string;
    command: "arm" | "unblock" | "adopt" | "new" | "abandon" | "pr";
  },
  ctx: LockContext,
  act: () => Promise<T>,
): Promise<T> {
  const lock = await acquireLock(options, ctx);
  try {
    return await act();
  } finally {
    await lock.release();
  }
}
