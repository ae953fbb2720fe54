import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Git } from "./git.js";

/** Where the driver's git work happens: the specfuse root inside a git work tree. */
export interface Repo {
  git: Git;
  /** The specfuse root (holds `.specfuse/`); every path the driver names is relative to it. */
  root: string;
  /** The git work-tree top; git runs here, so its paths and pathspecs agree. */
  top: string;
  /** `root` relative to `top` in POSIX form, "" when they are the same folder. */
  prefix: string;
}

// Checks git readiness (driver D-START step 12): a work tree (`not_git_repo`) with a commit (`no_commits`).
export async function openRepo(git: Git, root: string): Promise<Repo> {
  const prefix = await git.workTreePrefix(root);
  if (prefix === null) {
    throw new SpecfuseError({
      code: "not_git_repo",
      message: `${root} is not inside a git work tree`,
      detail:
        "specfuse commits each passing work unit and resets failed attempts, so it needs git",
      hint: "run `git init`, commit your files, then run specfuse again",
    });
  }
  if (!(await git.hasHead(root))) {
    throw new SpecfuseError({
      code: "no_commits",
      message: "the git repository has no commits yet",
      detail: "specfuse resets failed attempts to the commit they started from",
      hint: 'make a first commit: `git add -A && git commit -m "initial commit"`',
    });
  }
  const up = prefix === "" ? [] : prefix.split("/").map(() => "..");
  return { git, root, top: path.resolve(root, ...up), prefix };
}

// A root-relative path as git names it (relative to the work-tree top).
export function toTop(repo: Pick<Repo, "prefix">, rootPath: string): string {
  return repo.prefix === ""
    ? rootPath
    : path.posix.normalize(`${repo.prefix}/${rootPath}`);
}

// A path as git prints it, relative to the specfuse root (`../x` when outside it).
export function toRoot(repo: Pick<Repo, "prefix">, topPath: string): string {
  return repo.prefix === ""
    ? topPath
    : path.posix.relative(repo.prefix, topPath);
}
