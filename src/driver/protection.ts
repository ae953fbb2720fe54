import type { AfterAgent } from "../git/fold.js";
import { detectProtectedChanges } from "../git/protected-paths.js";
import type { AttemptSnapshot } from "../git/snapshot.js";
import { hashPaths } from "../workspace/file-hashes.js";
import { listFileNames } from "../workspace/fs-queries.js";
import { readPaths } from "../workspace/read-paths.js";
import { detectViolations, type FileState } from "./protected-check.js";
import { gateFileNumber, type ProtectedSet } from "./protected-paths.js";
import type { RunSession } from "./session.js";

const TEXT_COMPARED = new Set([
  "graph",
  "frontmatter",
  "own-frontmatter",
  "later-gate",
]);

// The protected paths an attempt changed (driver D-PROT-2): byte changes first, then the parse-level exceptions.
export async function detectAttemptViolations(
  s: RunSession,
  set: ProtectedSet,
  snapshot: AttemptSnapshot,
  after: AfterAgent,
  runStateCopy: Uint8Array | null = null,
): Promise<string[]> {
  const copies = new Map<string, Uint8Array | null>([
    [s.events.rel, s.events.copy()],
  ]);
  if (runStateCopy !== null)
    copies.set(`${s.featureDir}/work/run-state.json`, runStateCopy);
  const changed = await detectProtectedChanges(s.root, snapshot, copies);
  const known = new Set(set.entries.map((e) => e.path));
  const newGateFiles = listFileNames(s.absFeatureDir)
    .filter((n) => gateFileNumber(n) !== null)
    .map((n) => `${s.featureDir}/${n}`)
    .filter((p) => !known.has(p));
  const paths = [...changed, ...newGateFiles];
  const needsText = new Set(
    set.entries.filter((e) => TEXT_COMPARED.has(e.compare)).map((e) => e.path),
  );
  for (const p of newGateFiles) needsText.add(p);
  const [nowBytes, nowHashes] = await Promise.all([
    readPaths(s.root, paths),
    hashPaths(s.root, paths),
  ]);
  const before = new Map<string, FileState>();
  const afterMap = new Map<string, FileState>();
  for (const p of paths) {
    const wasBytes = snapshot.saved.get(p) ?? null;
    const wasHash = snapshot.protectedHashes.get(p) ?? null;
    before.set(
      p,
      wasHash === null
        ? null
        : {
            hash: wasHash,
            ...(needsText.has(p) && wasBytes !== null
              ? { text: decode(wasBytes) }
              : {}),
          },
    );
    const isBytes = nowBytes.get(p) ?? null;
    const isHash = nowHashes.get(p) ?? null;
    afterMap.set(
      p,
      isHash === null
        ? null
        : {
            hash: isHash,
            ...(needsText.has(p) && isBytes !== null
              ? { text: decode(isBytes) }
              : {}),
          },
    );
  }
  const branchAfter =
    after.fold.kind === "branch-changed" ? after.fold.to : snapshot.branch;
  return detectViolations(set, {
    before,
    after: afterMap,
    branchBefore: snapshot.branch,
    branchAfter,
  });
}

function decode(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("utf8");
}
