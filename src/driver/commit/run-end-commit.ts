import { bookkeepingCommit, type BookkeepingResult } from "./bookkeeping.js";
import { isDriverOwnedPath } from "../tree/driver-owned.js";
import type { StatusSnapshot } from "../../git/parse-status.js";
import { readStatus } from "../../git/read-status.js";
import type { Repo } from "../../git/repo.js";
import { subjects } from "./subjects.js";

// The uncommitted files inside `<F>` (changed or untracked), leaving out `work/` and other driver scratch.
export function uncommittedFeatureFiles(
  status: StatusSnapshot,
  featureDir: string,
): string[] {
  const inF = (p: string) => p.startsWith(`${featureDir}/`);
  const paths = [...status.changes.map((c) => c.path), ...status.untracked];
  return [...new Set(paths)].filter((p) => inF(p) && !isDriverOwnedPath(p));
}

// The run-end commit of D-END-5: whatever the driver left uncommitted in `<F>`, as `chore(loop): gate <n> halted`.
export async function runEndCommit(
  repo: Repo,
  input: { featureDir: string; featureId: string; gate: number },
): Promise<BookkeepingResult> {
  const paths = uncommittedFeatureFiles(
    await readStatus(repo),
    input.featureDir,
  );
  return bookkeepingCommit(
    repo,
    subjects.gateHalted(input.gate, input.featureId),
    paths,
  );
}
