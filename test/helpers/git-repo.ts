import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { tempDir } from "./temp-dir.js";
import { writeTree, type Tree } from "./write-tree.js";

/** A real git repository in a temporary directory (architecture.md A-TEST-2). */
export interface GitRepo {
  dir: string;
  /** Environment that isolates git from the user's configuration. */
  env: Record<string, string>;
  git(...args: string[]): string;
  write(tree: Tree): void;
  commitAll(message: string): string;
  head(): string;
  log(format?: string): string[];
}

// Creates a repository with an initial commit and isolated git configuration.
export function gitRepo(
  tree: Tree = { "README.md": "# test repo\n" },
): GitRepo {
  const dir = tempDir("specfuse-repo-");
  const home = tempDir("specfuse-home-");
  const globalConfig = path.join(home, "gitconfig");
  writeFileSync(globalConfig, "");
  const env: Record<string, string> = {
    HOME: home,
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Test",
    GIT_AUTHOR_EMAIL: "test@example.com",
    GIT_COMMITTER_NAME: "Test",
    GIT_COMMITTER_EMAIL: "test@example.com",
  };
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      env: { ...process.env, ...env },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trimEnd();
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Test");
  git("config", "user.email", "test@example.com");
  git("config", "commit.gpgsign", "false");
  writeTree(dir, tree);
  git("add", "-A");
  git("commit", "-q", "-m", "initial");
  return {
    dir,
    env,
    git,
    write: (t) => writeTree(dir, t),
    commitAll(message) {
      git("add", "-A");
      git("commit", "-q", "-m", message);
      return git("rev-parse", "HEAD");
    },
    head: () => git("rev-parse", "HEAD"),
    log: (format = "%s") => git("log", `--format=${format}`).split("\n"),
  };
}
