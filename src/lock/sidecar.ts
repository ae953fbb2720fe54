import { readFileSync, unlinkSync } from "node:fs";
import { readFile, unlink } from "node:fs/promises";
import { writeFileAtomic } from "../workspace/write-file-atomic.js";

/** The lock sidecar `.specfuse/.loop.lock.json` (formats.md §1, driver D-LOCK-2). */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO 8601 UTC. */
  started_at: string;
  /** The feature ID, or null for a command without one (upgrade). */
  feature: string | null;
  /** The command holding the lock: run, arm, unblock or upgrade. */
  command: string;
  /** The specfuse version of the holder. */
  version: string;
}

// Writes the sidecar atomically (temp file + rename), keys in the documented order.
export async function writeSidecar(
  file: string,
  holder: LockHolder,
): Promise<void> {
  const { pid, host, started_at, feature, command, version } = holder;
  const ordered = { pid, host, started_at, feature, command, version };
  await writeFileAtomic(file, `${JSON.stringify(ordered, null, 2)}\n`);
}

// The sidecar's holder, or null when it is missing or not a valid sidecar.
export async function readSidecar(file: string): Promise<LockHolder | null> {
  try {
    return parseSidecar(await readFile(file, "utf8"));
  } catch {
    return null;
  }
}

// Parses sidecar text; anything without a positive integer pid and a host is not a sidecar.
export function parseSidecar(text: string): LockHolder | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!Number.isInteger(v.pid) || (v.pid as number) <= 0) return null;
  if (typeof v.host !== "string") return null;
  const text_ = (x: unknown) => (typeof x === "string" ? x : "");
  return {
    pid: v.pid as number,
    host: v.host,
    started_at: text_(v.started_at),
    feature: typeof v.feature === "string" ? v.feature : null,
    command: text_(v.command),
    version: text_(v.version),
  };
}

/** Who we are, to recognise our own sidecar. */
export interface LockOwner {
  pid: number;
  host: string;
}

// Removes the sidecar only while it still names this pid and host (D-LOCK-5, D-LOCK-6); true if removed.
export async function removeSidecarIfOurs(
  file: string,
  owner: LockOwner,
): Promise<boolean> {
  if (!isOwner(await readSidecar(file), owner)) return false;
  await unlink(file).catch(() => undefined);
  return true;
}

// The synchronous form, for the forced exit of D-SIGNAL-4.
export function removeSidecarIfOursSync(
  file: string,
  owner: LockOwner,
): boolean {
  let holder: LockHolder | null;
  try {
    holder = parseSidecar(readFileSync(file, "utf8"));
  } catch {
    return false;
  }
  if (!isOwner(holder, owner)) return false;
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
  return true;
}

function isOwner(holder: LockHolder | null, owner: LockOwner): boolean {
  return (
    holder !== null && holder.pid === owner.pid && holder.host === owner.host
  );
}
