import { createGit, type Git } from "../../src/git/git.js";
import type { GitRepo } from "../helpers/git-repo.js";

/** A git client for a test repository, counting its spawns. */
export interface CountingGit {
  git: Git;
  /** Every argv spawned so far, in order. */
  spawns: string[][];
}

// A client that runs with the repository's isolated git configuration and records each spawn.
export function gitFor(repo: GitRepo): CountingGit {
  const spawns: string[][] = [];
  const git = createGit({
    env: { ...process.env, ...repo.env },
    onSpawn: (args) => spawns.push([...args]),
  });
  return { git, spawns };
}
