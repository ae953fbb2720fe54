import type { StatusChange, StatusSnapshot } from "./parse-status.js";
import { toRoot, type Repo } from "./repo.js";

// One status call, with every path made relative to the specfuse root.
export async function readStatus(repo: Repo): Promise<StatusSnapshot> {
  return statusToRoot(repo, await repo.git.status(repo.top));
}

// Re-expresses a status printed by git (work-tree-top paths) in root-relative paths.
export function statusToRoot(
  repo: Pick<Repo, "prefix">,
  status: StatusSnapshot,
): StatusSnapshot {
  if (repo.prefix === "") return status;
  const change = (c: StatusChange): StatusChange => ({
    ...c,
    path: toRoot(repo, c.path),
    origPath: c.origPath === null ? null : toRoot(repo, c.origPath),
  });
  return {
    ...status,
    changes: status.changes.map(change),
    untracked: status.untracked.map((p) => toRoot(repo, p)),
  };
}
