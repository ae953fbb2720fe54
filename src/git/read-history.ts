import type { Git } from "./git-api.js";
import { parseVersionPatches, rebuildVersion } from "./patch-versions.js";

// Read-only history questions of `log --verify` and `log --export` (audit.md AU-VER-1, AU-VER-3).
// Every path is relative to `top` (the work-tree top), in git's `/` form.

/** One committed version of a file on HEAD's first-parent chain. */
export interface FileVersion {
  commit: string;
  /** The file's text at that commit; null when the commit deleted it. */
  text: string | null;
}

/** What `log --verify` needs to know about one commit. */
export interface CommitFacts {
  sha: string;
  /** The first parent, or null for a root commit. */
  parent: string | null;
  subject: string;
  /** Trailer lines as git parses them (`%(trailers:only,unfold)`), in order. */
  trailers: Array<[string, string]>;
  /** Paths the commit changed against its first parent. */
  paths: string[];
}

// Every version of a file at each commit of `git log --first-parent HEAD -- <path>`, oldest first (AU-VER-1).
// One `git log -p -U0` rebuilds them all from the changed lines; a version whose rebuilt text does not hash to
// its blob id is read with `git cat-file` instead.
export async function fileVersions(
  git: Git,
  top: string,
  path: string,
): Promise<FileVersion[]> {
  const r = await git.run(top, [
    "-c",
    "diff.suppressBlankEmpty=false",
    "log",
    "--first-parent",
    "-m",
    "--reverse",
    "-p",
    "--text",
    "--full-index",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--no-renames",
    "--no-show-signature",
    "-U0",
    "--format=%x00%H",
    "HEAD",
    "--",
    path,
  ]);
  const records = parseVersionPatches(r.stdout);
  if (records === null)
    throw new Error(`git log -p -- ${path} printed an unexpected stream`);
  const versions: FileVersion[] = [];
  let previous: string | null = null;
  for (const record of records) {
    const v = rebuildVersion(previous, record);
    const text =
      v.isVerified || record.blob === null
        ? v.text
        : (await git.run(top, ["cat-file", "blob", record.blob])).stdout;
    versions.push({ commit: record.commit, text });
    previous = text;
  }
  return versions;
}

function parseTrailers(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of text.split("\n")) {
    const m = /^([^:\s][^:]*):\s?(.*)$/.exec(line);
    if (m !== null) out.push([m[1] ?? "", (m[2] ?? "").trim()]);
  }
  return out;
}

const FORMAT = "--format=%x00%H%x1f%P%x1f%s%x1f%(trailers:only,unfold)%x1f";

function parseCommits(stdout: string): CommitFacts[] {
  return stdout
    .split("\0")
    .slice(1)
    .map((record) => {
      const [sha = "", parents = "", subject = "", trailers = "", names = ""] =
        record.split("\x1f");
      return {
        sha,
        parent: parents.split(" ").find((p) => p !== "") ?? null,
        subject,
        trailers: parseTrailers(trailers),
        paths: names.split("\n").filter((l) => l.trim() !== ""),
      };
    });
}

// The first-parent commits of HEAD whose message has a `Feature:` line, newest first, with their trailers and paths.
export async function featureCommits(
  git: Git,
  top: string,
): Promise<CommitFacts[]> {
  const r = await git.run(top, [
    "-c",
    "core.quotePath=false",
    "log",
    "--first-parent",
    "-m",
    "--no-renames",
    "--name-only",
    "--grep=^Feature: ",
    FORMAT,
    "HEAD",
  ]);
  return parseCommits(r.stdout);
}

// One commit's facts if it is on HEAD's history (an ancestor of HEAD), else null.
export async function commitOnHead(
  git: Git,
  top: string,
  sha: string,
): Promise<CommitFacts | null> {
  if (!/^[0-9a-f]{4,64}$/i.test(sha)) return null;
  if (!(await git.refExists(top, sha))) return null;
  if (!(await git.isAncestor(top, sha, "HEAD"))) return null;
  const r = await git.run(top, [
    "-c",
    "core.quotePath=false",
    "log",
    "-1",
    "-m",
    "--first-parent",
    "--no-renames",
    "--name-only",
    FORMAT,
    sha,
  ]);
  return parseCommits(r.stdout)[0] ?? null;
}

// HEAD's first-parent chain, newest first (positions order squash commits before the events that record them).
export async function firstParentShas(
  git: Git,
  top: string,
): Promise<string[]> {
  const r = await git.run(top, ["rev-list", "--first-parent", "HEAD"]);
  return r.stdout.split("\n").filter((l) => l !== "");
}
