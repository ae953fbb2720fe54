import type { StatusSnapshot } from "./parse-status.js";

/** How the git client runs; built once per command from the Context. */
export interface GitClientOptions {
  /** The user's environment (`ctx.env`); repository overrides are removed (driver D-GIT-1). */
  env: Readonly<Record<string, string | undefined>>;
  /** Called once per spawned git process, before it starts; tests count spawns with it (D-PERF-2). */
  onSpawn?: (args: readonly string[]) => void;
  /** Called when a git process has finished, with its duration (for `--verbose`, driver D-UI-5). */
  onDone?: (args: readonly string[], ms: number) => void;
  /** The git executable. @default "git" */
  binary?: string;
}

/** A finished git command whose exit code was one the caller accepts. */
export interface GitRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** What `git check-ignore -v` said about one path. */
export interface IgnoreMatch {
  /** The file holding the rule (e.g. `.gitignore`), as git prints it. */
  source: string;
  line: number;
  pattern: string;
  /** A `!` rule matched last, so the path is NOT ignored. */
  isNegated: boolean;
}

/** Paths to leave out of `git add -A`. */
export interface AddExclusions {
  /** Exact paths (files or whole directories), relative to `cwd`. */
  paths: readonly string[];
  /** Glob pathspecs relative to `cwd` (`*` stops at `/`, `**` crosses it). */
  globs: readonly string[];
}

/** The typed git operations the driver needs; every call names the directory it runs in. */
export interface Git {
  /** Runs git with these arguments; exit codes outside `okExitCodes` throw GitError. */
  run(
    cwd: string,
    args: readonly string[],
    okExitCodes?: readonly number[],
  ): Promise<GitRun>;
  /** The work-tree prefix of `cwd` ("" at the top, "sub/dir" below it), or null outside a work tree. */
  workTreePrefix(cwd: string): Promise<string | null>;
  hasHead(cwd: string): Promise<boolean>;
  revParseHead(cwd: string): Promise<string>;
  /** The checked-out branch, or null when HEAD is detached. */
  currentBranch(cwd: string): Promise<string | null>;
  /** One `status --porcelain=v2 --branch -z --untracked-files=all`, paths relative to the work-tree top. */
  status(cwd: string): Promise<StatusSnapshot>;
  isAncestor(
    cwd: string,
    ancestor: string,
    descendant: string,
  ): Promise<boolean>;
  branchExists(cwd: string, branch: string): Promise<boolean>;
  checkout(cwd: string, branch: string): Promise<void>;
  /** `checkout -B`: create (or reset) the branch at HEAD and switch to it. */
  checkoutNewBranch(cwd: string, branch: string): Promise<void>;
  /** Points HEAD at a branch (or detaches it at a commit) without touching the index or files. */
  pointHead(
    cwd: string,
    target: { branch: string | null; sha: string },
  ): Promise<void>;
  resetHard(cwd: string, sha: string): Promise<void>;
  /** `reset -q <sha>`: moves HEAD and the index, keeps the files. */
  resetMixed(cwd: string, sha: string): Promise<void>;
  /** `add -A` over the whole work tree, minus the exclusions. */
  addAll(cwd: string, exclusions: AddExclusions): Promise<void>;
  /** `add -f -- <paths>`: stages paths even when they are ignored. */
  addForce(cwd: string, paths: readonly string[]): Promise<void>;
  /** `diff --cached --quiet [-- paths]`: whether the index differs from HEAD. */
  hasStagedChanges(cwd: string, paths?: readonly string[]): Promise<boolean>;
  /** The staged paths (index vs HEAD), relative to the work-tree top. */
  stagedPaths(cwd: string): Promise<string[]>;
  /** Commits with exactly this message; hooks run; with paths, commits only those paths. */
  commit(
    cwd: string,
    message: string,
    paths?: readonly string[],
  ): Promise<void>;
  /** HEAD's SHA and the paths its commit changed (relative to the work-tree top), from one diff-tree. */
  headCommit(cwd: string): Promise<{ sha: string; paths: string[] }>;
  /** Paths that differ between two commits, relative to the work-tree top. */
  changedBetween(cwd: string, from: string, to: string): Promise<string[]>;
  /** SHAs in `from..to`, oldest first. */
  commitsBetween(cwd: string, from: string, to: string): Promise<string[]>;
  /** A file's bytes as committed at `rev` (path relative to `cwd`), or null if it is not there. */
  showFile(cwd: string, rev: string, path: string): Promise<string | null>;
  /** Which of these paths (relative to `cwd`) are tracked, as `cwd`-relative paths. */
  trackedPaths(cwd: string, paths: readonly string[]): Promise<string[]>;
  /** `stash create`: a commit holding the uncommitted tracked changes, or null when there are none. */
  stashCreate(cwd: string): Promise<string | null>;
  /** Creates a ref; fails if it already exists. */
  createRef(cwd: string, ref: string, sha: string): Promise<void>;
  refExists(cwd: string, ref: string): Promise<boolean>;
  /** The ignore rule that last matched a path (tracked or not), or null. */
  checkIgnore(cwd: string, path: string): Promise<IgnoreMatch | null>;
}
