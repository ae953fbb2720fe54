import type { FrontmatterValue } from "../../yaml/format-yaml-value.js";

/**
 * The driver-owned frontmatter keys a cycle wrote, in first-write order (driver D-ATT-3): re-applied after each
 * restore (D-GIT-9 step 6) and saved as the checkpoint's `driver_keys`. Immutable: writes return a new list.
 */
export type DriverKeys = ReadonlyArray<readonly [string, FrontmatterValue]>;

// No keys written yet.
export const NO_KEYS: DriverKeys = [];

// The keys after a write: a known key keeps its place with the new value, a new one goes last.
export function withKeys(
  keys: DriverKeys,
  changes: ReadonlyArray<readonly [string, FrontmatterValue]>,
): DriverKeys {
  const next = new Map(keys);
  for (const [k, v] of changes) next.set(k, v);
  return [...next];
}

// The keys as the checkpoint stores them (formats.md F-RUN-1 `driver_keys`).
export function keysRecord(keys: DriverKeys): Record<string, FrontmatterValue> {
  return Object.fromEntries(keys);
}

// Keys seeded from a checkpoint (recovery, D-REC-3 step 5).
export function keysFromRecord(
  record: Readonly<Record<string, FrontmatterValue>>,
): DriverKeys {
  return Object.entries(record);
}

// The keys after the transition service wrote a status with them: `status` first, then the rest (D-ATT-3).
export function withStatus(
  keys: DriverKeys,
  to: string,
  rest: ReadonlyArray<readonly [string, FrontmatterValue]> = [],
): DriverKeys {
  return withKeys(keys, [[STATUS, to], ...rest]);
}

// The one key the driver remembers but never writes itself: only the transition service writes it.
const STATUS = "status";
