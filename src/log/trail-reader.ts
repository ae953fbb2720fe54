import path from "node:path";
import {
  firstParentShas,
  fileVersions,
  featureCommits,
  commitOnHead,
} from "../git/read-history.js";
import { toTop, type Repo } from "../git/repo.js";
import { parsePlan } from "../plan/parse-plan.js";
import { toPlanGraph } from "../plan/plan-graph.js";
import { readText } from "../workspace/read-text.js";
import type { TrailReader } from "./verify-trail.js";
import type { TrailVersion } from "./walk-versions.js";

// The working-tree text of a root-relative file, or null when it is absent or unreadable.
async function workingText(root: string, rel: string): Promise<string | null> {
  const read = await readText(path.join(root, ...rel.split("/")));
  return read.kind === "file" ? read.text : null;
}

// The git-backed reader of `log --verify` and `--export`: first-parent history, then the working tree (AU-VER-1).
export function createTrailReader(repo: Repo): TrailReader {
  const { git, top, root } = repo;
  const plans = new Map<string, Promise<Map<string, string>>>();
  const unitFiles = (featureRel: string) => {
    let hit = plans.get(featureRel);
    if (hit === undefined) {
      hit = readUnitFiles(root, featureRel);
      plans.set(featureRel, hit);
    }
    return hit;
  };
  return {
    prefix: repo.prefix,
    async versions(rel) {
      const committed: TrailVersion[] = await fileVersions(
        git,
        top,
        toTop(repo, rel),
      );
      const text = await workingText(root, rel);
      const last = committed.at(-1)?.text ?? null;
      if (committed.length === 0 && text === null) return [];
      return text === last ? committed : [...committed, { commit: null, text }];
    },
    featureCommits: () => featureCommits(git, top),
    firstParent: () => firstParentShas(git, top),
    commit: (sha) => commitOnHead(git, top, sha),
    fileAt: (rev, rel) => git.showFile(top, rev, toTop(repo, rel)),
    async unitFile(featureRel, unitId) {
      return (await unitFiles(featureRel)).get(unitId) ?? null;
    },
  };
}

async function readUnitFiles(
  root: string,
  featureRel: string,
): Promise<Map<string, string>> {
  const text = await workingText(root, `${featureRel}/PLAN.md`);
  const graph = text === null ? null : parsePlan(text).graph;
  const files = new Map<string, string>();
  if (graph === null) return files;
  for (const u of toPlanGraph(graph).units.values())
    files.set(u.id, path.posix.normalize(`${featureRel}/${u.file}`));
  return files;
}
