import path from "node:path";
import {
  hashBytes,
  hashPaths,
  type PathHash,
} from "../../workspace/file-hashes.js";
import { listFileNames } from "../../workspace/fs-queries.js";
import { readPaths } from "../../workspace/read-paths.js";
import { checkpointFile } from "../../workspace/work-paths.js";
import type { Lane } from "../scope/lane.js";
import type { RunScope } from "../scope/run-scope.js";
import type { AfterAgent } from "../tree/fold.js";
import type { AttemptSnapshot } from "../tree/snapshot.js";
import { detectViolations, type FileState } from "./compare-protected.js";
import { gateFileNumber, type ProtectedSet } from "./protected-set.js";

const TEXT_COMPARED = new Set([
  "graph",
  "frontmatter",
  "own-frontmatter",
  "later-gate",
]);

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

// The protected paths an attempt changed in its lane (driver D-PROT-2): byte changes first, then the parse-level exceptions.
export async function detectAttemptViolations(
  scope: Pick<RunScope, "feature" | "transitions">,
  lane: Pick<Lane, "cwd">,
  set: ProtectedSet,
  snapshot: AttemptSnapshot,
  after: AfterAgent,
  runStateCopy: Uint8Array | null = null,
): Promise<string[]> {
  const F = scope.feature.dir;
  const log = scope.transitions.log;
  const copies = new Map<string, Uint8Array | null>([[log.rel, log.copy()]]);
  if (runStateCopy !== null) copies.set(checkpointFile(F), runStateCopy);
  const changed = await detectProtectedChanges(lane.cwd, snapshot, copies);
  const known = new Set(set.entries.map((e) => e.path));
  const newGateFiles = listFileNames(path.join(lane.cwd, F))
    .filter((n) => gateFileNumber(n) !== null)
    .map((n) => `${F}/${n}`)
    .filter((p) => !known.has(p));
  const paths = [...changed, ...newGateFiles];
  const needsText = new Set(
    set.entries.filter((e) => TEXT_COMPARED.has(e.compare)).map((e) => e.path),
  );
  for (const p of newGateFiles) needsText.add(p);
  const [nowBytes, nowHashes] = await Promise.all([
    readPaths(lane.cwd, paths),
    hashPaths(lane.cwd, paths),
  ]);
  const states = (
    bytes: ReadonlyMap<string, Uint8Array | null>,
    hashes: ReadonlyMap<string, PathHash>,
  ) =>
    new Map<string, FileState>(
      paths.map((p) => [p, fileState(p, bytes, hashes, needsText)]),
    );
  const branchAfter =
    after.fold.kind === "branch-changed" ? after.fold.to : snapshot.branch;
  return detectViolations(set, {
    before: states(snapshot.saved, snapshot.protectedHashes),
    after: states(nowBytes, nowHashes),
    branchBefore: snapshot.branch,
    branchAfter,
  });
}

// One path's state: absent (null), else its hash, with its text where a parse-level comparison needs it.
function fileState(
  p: string,
  bytes: ReadonlyMap<string, Uint8Array | null>,
  hashes: ReadonlyMap<string, PathHash>,
  needsText: ReadonlySet<string>,
): FileState {
  const hash = hashes.get(p) ?? null;
  if (hash === null) return null;
  const b = bytes.get(p) ?? null;
  return needsText.has(p) && b !== null
    ? { hash, text: Buffer.from(b).toString("utf8") }
    : { hash };
}
