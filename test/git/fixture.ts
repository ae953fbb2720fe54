import { readFileSync } from "node:fs";
import path from "node:path";
import { createGit } from "../../src/git/git.js";
import { openRepo, type Repo } from "../../src/git/repo.js";
import type { AttemptSnapshot } from "../../src/driver/tree/snapshot.js";
import {
  commitSquash,
  stageSquash,
  type SquashResult,
} from "../../src/driver/tree/squash.js";
import { gitRepo, type GitRepo } from "../helpers/git-repo.js";
import type { Tree } from "../helpers/write-tree.js";

// The feature folder every fixture uses.
export const F = ".specfuse/features/FEAT-2026-0001-demo";

// A committed specfuse-shaped tree with the managed ignore lines (init.md §5.1).
export function specfuseTree(extra: Tree = {}): Tree {
  return {
    ".gitignore":
      "# specfuse\n!.specfuse/\n.specfuse/**/work/\n.specfuse/.loop.lock*\n*.specfuse-tmp-*\ncache/\n",
    ".specfuse/verification.yml": "sets:\n  default:\n    - name: tests\n",
    ".specfuse/roadmap.md": "# Roadmap\n",
    [`${F}/PLAN.md`]: "---\nid: FEAT-2026-0001\n---\n# Plan\n",
    [`${F}/events.jsonl`]: '{"event_type": "task_started"}\n',
    [`${F}/WU-01.md`]: "---\nid: FEAT-2026-0001/T01\nstatus: pending\n---\n",
    "src/app.ts": "export const app = 1;\n",
    "README.md": "# demo\n",
    ...extra,
  };
}

/** A real repository, its driver-side Repo and the spawn log of its git client. */
export interface Fixture {
  repo: GitRepo;
  r: Repo;
  spawns: string[][];
  read(p: string): string;
}

// Builds the repository and opens it the way the driver does.
export async function fixture(extra: Tree = {}, sub = ""): Promise<Fixture> {
  const repo = gitRepo(
    sub === ""
      ? specfuseTree(extra)
      : Object.fromEntries(
          Object.entries(specfuseTree(extra)).map(([k, v]) => [
            `${sub}/${k}`,
            v,
          ]),
        ),
  );
  const spawns: string[][] = [];
  const git = createGit({
    env: { ...process.env, ...repo.env },
    onSpawn: (args) => spawns.push([...args]),
  });
  const r = await openRepo(git, path.join(repo.dir, sub));
  spawns.length = 0;
  return {
    repo,
    r,
    spawns,
    read: (p) => readFileSync(path.join(r.root, p), "utf8"),
  };
}

// The fixed protected paths of driver D-PROT-1 (P1–P4, P8) for this fixture's feature.
export const FIXED_PROTECTED = [
  ".specfuse/verification.yml",
  ".specfuse/config.yml",
  ".specfuse/config",
  ".specfuse/.loop.lock",
  ".specfuse/.loop.lock.json",
  `${F}/events.jsonl`,
  `${F}/work/run-state.json`,
];

// The whole squash of D-GIT-6 as the pass step performs it: stage, then (the guards passing) commit.
export async function squashCommit(
  r: Repo,
  snapshot: Pick<AttemptSnapshot, "untrackedBefore" | "untrackedHashes">,
  message: string,
): Promise<SquashResult> {
  return commitSquash(r, await stageSquash(r, snapshot), message);
}
