import type { Git } from "./git-api.js";

/** The squash commit of one unit (formats.md F-GIT-1). */
export interface UnitCommit {
  sha: string;
  subject: string;
}

const FIELD = "\x1f";
const RECORD = "\x1e";
const FORMAT = [
  "%H",
  "%s",
  "%(trailers:key=Feature,valueonly,separator=%x1d)",
  "%(trailers:key=Work-Unit-Type,valueonly,separator=%x1d)",
].join("%x1f");

// Parses the `git log` records of findUnitCommits: newest first, so the first commit seen per unit wins; pure.
export function parseUnitCommits(stdout: string): Map<string, UnitCommit> {
  const commits = new Map<string, UnitCommit>();
  for (const record of stdout.split(RECORD)) {
    const [sha, subject, feature, type] = record
      .replace(/^\n/, "")
      .split(FIELD);
    if (sha === undefined || !/^[0-9a-f]{40,64}$/.test(sha)) continue;
    // Bookkeeping commits carry `Feature:` but no `Work-Unit-Type:` (F-GIT-3).
    if ((type ?? "").trim() === "") continue;
    const id = (feature ?? "").split("\x1d")[0]?.trim() ?? "";
    if (id === "" || commits.has(id)) continue;
    commits.set(id, { sha, subject: subject ?? "" });
  }
  return commits;
}

// Read-only: the squash commit of each unit of a feature, found by its `Feature:` trailer on HEAD and the
// feature branch (when it exists); bookkeeping commits are left out.
export async function findUnitCommits(
  git: Git,
  cwd: string,
  featureId: string,
  branch: string | null,
): Promise<Map<string, UnitCommit>> {
  if (!(await git.hasHead(cwd))) return new Map();
  const revs = ["HEAD"];
  if (branch !== null && (await git.branchExists(cwd, branch)))
    revs.push(`refs/heads/${branch}`);
  const r = await git.run(cwd, [
    "log",
    "--fixed-strings",
    `--grep=Feature: ${featureId}/`,
    `--format=${FORMAT}%x1e`,
    ...revs,
    "--",
  ]);
  return parseUnitCommits(r.stdout);
}
