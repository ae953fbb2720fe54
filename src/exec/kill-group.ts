import { execaSync } from "execa";

// Whether a pid names a process that may be signalled as a group; guards against kill(0), kill(-1) and NaN.
function isSignallable(pid: number): boolean {
  return Number.isInteger(pid) && pid > 1;
}

// Whether a process exists (an EPERM answer means it exists but belongs to someone else).
export function isProcessAlive(pid: number): boolean {
  if (!isSignallable(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Whether any member of a process group still exists (zombies count until reaped).
export function isGroupAlive(
  pgid: number,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform === "win32") return isProcessAlive(pgid);
  if (!isSignallable(pgid)) return false;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Signals every member of a process group (D-DISP-4); on Windows the tree is ended with taskkill /T /F. True when delivered.
export function killProcessGroup(
  pgid: number,
  signal: NodeJS.Signals = "SIGTERM",
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (!isSignallable(pgid)) return false;
  if (platform === "win32") {
    const result = execaSync("taskkill", ["/T", "/F", "/PID", String(pgid)], {
      reject: false,
      timeout: 10_000,
      windowsHide: true,
    });
    return result.exitCode === 0;
  }
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** When and how to finish off a process group. */
export interface ReapOptions {
  /** When SIGTERM was (or is now) sent; the grace period counts from here. */
  termAt: number;
  /** Send SIGTERM first (the group was not killed yet). */
  needsTerm: boolean;
  killGraceMs: number;
  clock: () => number;
  platform: NodeJS.Platform;
  /** @default 20 */
  pollMs?: number;
}

// No group member may outlive a run: SIGTERM what is left, then SIGKILL once the grace period is over.
export async function reapGroup(
  pgid: number,
  options: ReapOptions,
): Promise<void> {
  const { platform, clock } = options;
  if (!isGroupAlive(pgid, platform)) return;
  if (options.needsTerm) killProcessGroup(pgid, "SIGTERM", platform);
  while (
    isGroupAlive(pgid, platform) &&
    clock() - options.termAt < options.killGraceMs
  )
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 20));
  if (isGroupAlive(pgid, platform)) killProcessGroup(pgid, "SIGKILL", platform);
}
