import { execFileSync } from "node:child_process";
import path from "node:path";
import { gitRepo, type GitRepo } from "../../helpers/git-repo.js";
import { runCli, type CliRun } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";
import type { Tree } from "../../helpers/write-tree.js";
import { ghStub, type GhFixture, type GhStub } from "../../github/gh-stub.js";

export const ROADMAP = [
  "---",
  "project: widgets",
  "---",
  "# Roadmap",
  "",
  "| Feature ID | Title | Status | Folder | Detail |",
  "|---|---|---|---|---|",
  "",
].join("\n");

const GITIGNORE = [
  "!.specfuse/",
  ".specfuse/**/work/",
  ".specfuse/.loop.lock*",
  "*.specfuse-tmp-*",
  "",
].join("\n");

/** A committed workspace with a GitHub-looking origin, a stand-in gh, and optionally a bare repo to push to. */
export interface GithubRepo extends GitRepo {
  gh: GhStub;
  /** The bare repository pushes go to, when there is one. */
  bare: string | null;
  cli(args: string[]): Promise<CliRun>;
  /** `git status --porcelain` plus HEAD: what a refused command must leave unchanged. */
  state(): string;
}

// A repository whose origin reads as github.com/octo/widgets; with `isPushable` pushes go to a bare repo in a temp dir.
export function githubRepo(
  fixtures: GhFixture[] = [],
  options: { isPushable?: boolean; hasRemote?: boolean; extra?: Tree } = {},
): GithubRepo {
  const repo = gitRepo({
    ".gitignore": GITIGNORE,
    ".specfuse/VERSION": "0.4.0\n",
    ".specfuse/roadmap.md": ROADMAP,
    ".specfuse/features/.gitkeep": "",
    ...options.extra,
  });
  let bare: string | null = null;
  if (options.hasRemote !== false) {
    repo.git("remote", "add", "origin", "https://github.com/octo/widgets.git");
    if (options.isPushable === true) {
      bare = path.join(tempDir("specfuse-origin-"), "widgets.git");
      execFileSync("git", ["init", "-q", "--bare", "-b", "main", bare], {
        env: { ...process.env, ...repo.env },
      });
      repo.git("remote", "set-url", "--push", "origin", bare);
    }
  }
  const gh = ghStub(fixtures);
  const env = { ...repo.env, ...gh.env };
  return {
    ...repo,
    gh,
    bare,
    cli: (args) => runCli(args, { cwd: repo.dir, env }),
    state: () =>
      `${repo.git("status", "--porcelain", "--untracked-files=all")}\n${repo.head()}`,
  };
}
