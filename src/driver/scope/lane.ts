import type { Repo } from "../../git/repo.js";
import type { RunScope } from "./run-scope.js";

/**
 * Where one unit runs: its working directory, its git handle and the process groups alive in it. Today there
 * is one lane and its directory is the repository (parallel.md adds worktree lanes); nothing below the walk
 * may assume that, so every step takes the lane and runs git, the agent and the checks in `lane.cwd`.
 */
export interface Lane {
  /** `main` for the repository's own checkout (parallel.md: `lane-<k>`). */
  readonly name: string;
  /** Absolute specfuse root of the lane's checkout. */
  readonly cwd: string;
  /** The git handle of that checkout. */
  readonly repo: Repo;
  /** Agent and check process groups alive right now, killed on a forced exit (D-SIGNAL-4). */
  readonly pids: Set<number>;
}

// The one lane of a sequential run: the repository's own checkout.
export function mainLane(scope: Pick<RunScope, "root" | "repo">): Lane {
  return { name: "main", cwd: scope.root, repo: scope.repo, pids: new Set() };
}
