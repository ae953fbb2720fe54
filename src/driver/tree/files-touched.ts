import type { StatusSnapshot } from "../../git/parse-status.js";
import { readStatus } from "../../git/read-status.js";
import { toRoot, type Repo } from "../../git/repo.js";
import type { AttemptSnapshot } from "./snapshot.js";

// The attempt's changes in a status taken at `head_before`: changed tracked paths (both sides of a rename) and new untracked files.
export function touchedInStatus(
  status: StatusSnapshot,
  untrackedBefore: readonly string[],
): string[] {
  const before = new Set(untrackedBefore);
  const paths = status.changes.flatMap((c) =>
    c.origPath === null ? [c.path] : [c.path, c.origPath],
  );
  paths.push(...status.untracked.filter((p) => !before.has(p)));
  return sortUnique(paths);
}

// D-GIT-10 for an attempt that did not pass: changes since `head_before` plus new untracked files; call it before restoring.
export async function collectFilesTouched(
  repo: Repo,
  snapshot: Pick<AttemptSnapshot, "headBefore" | "untrackedBefore">,
): Promise<string[]> {
  const status = await readStatus(repo);
  const paths = touchedInStatus(status, snapshot.untrackedBefore);
  if (status.head !== null && status.head !== snapshot.headBefore) {
    const committed = await repo.git.changedBetween(
      repo.top,
      snapshot.headBefore,
      status.head,
    );
    paths.push(...committed.map((p) => toRoot(repo, p)));
  }
  return sortUnique(paths);
}

function sortUnique(paths: string[]): string[] {
  return [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
