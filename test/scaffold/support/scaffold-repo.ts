import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tempDir } from "../../helpers/temp-dir.js";
import { writeTree, type Tree } from "../../helpers/write-tree.js";

/** A target directory for init/upgrade tests, with a stable name (the roadmap records it). */
export interface ScaffoldRepo {
  /** The target directory, `<temp>/<name>`. */
  dir: string;
  /** The temporary parent directory. */
  parent: string;
  /** Environment that isolates git from the user's configuration. */
  env: Record<string, string>;
  git(...args: string[]): string;
}

/** How much git the target gets. */
export type GitSetup = "none" | "empty" | "committed";

// Creates `<temp>/<name>` holding `tree`, as a committed git repository unless told otherwise (A-TEST-2 isolation).
export function scaffoldRepo(
  tree: Tree,
  options: { git?: GitSetup; name?: string } = {},
): ScaffoldRepo {
  const parent = tempDir("specfuse-scaffold-");
  const dir = path.join(parent, options.name ?? "sample-project");
  mkdirSync(dir, { recursive: true });
  const home = path.join(parent, "home");
  mkdirSync(home);
  writeFileSync(path.join(home, "gitconfig"), "");
  const env: Record<string, string> = {
    HOME: home,
    GIT_CONFIG_GLOBAL: path.join(home, "gitconfig"),
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
  writeTree(dir, tree);
  const setup = options.git ?? "committed";
  if (setup !== "none") {
    git("init", "-q", "-b", "main");
    git("config", "commit.gpgsign", "false");
  }
  if (setup === "committed") {
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", "initial");
  }
  return { dir, parent, env, git };
}
