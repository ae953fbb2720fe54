import {
  hashBytes,
  hashPaths,
  type PathHash,
} from "../workspace/file-hashes.js";
import type { AttemptSnapshot } from "./snapshot.js";

// The protected paths every attempt has, whatever the plan (driver D-PROT-1 P1–P4, P8); the driver adds PLAN, GATE and WU files.
export function fixedProtectedPaths(featureDir: string): string[] {
  return [
    ".specfuse/verification.yml",
    ".specfuse/config.yml",
    ".specfuse/config",
    ".specfuse/.loop.lock",
    ".specfuse/.loop.lock.json",
    `${featureDir}/events.jsonl`,
    `${featureDir}/work/run-state.json`,
  ];
}

// Paths whose existence or content hash differs between two hash maps, in the order of `before`.
export function changedHashes(
  before: ReadonlyMap<string, PathHash>,
  after: ReadonlyMap<string, PathHash>,
): string[] {
  return [...before.keys()].filter(
    (p) => (before.get(p) ?? null) !== (after.get(p) ?? null),
  );
}

// Re-hashes the protected paths and lists those that changed (D-PROT-2); P5/P7 exceptions are the caller's.
// Files the driver itself rewrote since the snapshot (events.jsonl, run-state.json) are compared with the driver's copy.
export async function detectProtectedChanges(
  root: string,
  snapshot: Pick<AttemptSnapshot, "protectedHashes">,
  driverCopies: ReadonlyMap<string, Uint8Array | null> = new Map(),
): Promise<string[]> {
  const expected = new Map(snapshot.protectedHashes);
  for (const [p, bytes] of driverCopies) {
    if (expected.has(p))
      expected.set(p, bytes === null ? null : hashBytes(bytes));
  }
  return changedHashes(expected, await hashPaths(root, [...expected.keys()]));
}
