import { simpleGit, type SimpleGitOptions } from "simple-git";
import { GitError } from "./git-error.js";
import { gitEnv } from "./git-env.js";
import { parseStatus, type StatusSnapshot } from "./parse-status.js";

/** How the git client runs; built once per command from the Context. */
export interface GitClientOptions {
  /** The user's environment (`ctx.env`); repository overrides are removed (driver D-GIT-1). */
  env: Readonly<Record<string, string | undefined>>;
  /** Called once per spawned git process, before it starts; tests count spawns with it (D-PERF-2). */
  onSpawn?: (args: readonly string[]) => void;
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

// simple-git's argv checks guard against untrusted arguments; ours are fixed and the environment is the user's own.
const TRUSTED: SimpleGitOptions["unsafe"] = {
  allowUnsafeAlias: true,
  allowUnsafeAskPass: true,
  allowUnsafeConfigPaths: true,
  allowUnsafeConfigEnvCount: true,
  allowUnsafeCredentialHelper: true,
  allowUnsafeEditor: true,
  allowUnsafeMergeDriver: true,
  allowUnsafePager: true,
  allowUnsafeProtocolOverride: true,
  allowUnsafeSshCommand: true,
  allowUnsafeGitProxy: true,
  allowUnsafeHooksPath: true,
  allowUnsafeDiffExternal: true,
  allowUnsafeDiffTextConv: true,
  allowUnsafeFilter: true,
  allowUnsafeFsMonitor: true,
  allowUnsafeGpgProgram: true,
  allowUnsafeTemplateDir: true,
};

// A code git itself exited with (simple-git uses negative codes and 9901 for processes it never ran).
function isGitExit(code: number): boolean {
  return code >= 0 && code <= 255;
}

interface Captured {
  exitCode: number;
  stdErr: Buffer[];
}

// Builds the git client: the only code that spawns git (architecture.md A-IO-1).
export function createGit(options: GitClientOptions): Git {
  const env = gitEnv(options.env);
  const binary = options.binary ?? "git";

  async function run(
    cwd: string,
    args: readonly string[],
    okExitCodes: readonly number[] = [0],
  ): Promise<GitRun> {
    options.onSpawn?.(args);
    let result: Captured | null = null;
    let stdout: string;
    try {
      const sg = simpleGit({
        baseDir: cwd,
        binary,
        unsafe: TRUSTED,
        trimmed: false,
        // Keep every exit code: the caller decides which ones are failures.
        errors: (error, r) => {
          result = r;
          return isGitExit(r.exitCode) ? undefined : error;
        },
      }).env(env);
      stdout = await sg.raw([...args]);
    } catch (error) {
      throw new GitError({
        args,
        cwd,
        exitCode: null,
        stdout: "",
        stderr: error instanceof Error ? error.message : String(error),
        cause: error,
      });
    }
    const r = result as Captured | null;
    const exitCode = r?.exitCode ?? 0;
    const stderr = r === null ? "" : Buffer.concat(r.stdErr).toString("utf8");
    if (!isGitExit(exitCode))
      throw new GitError({ args, cwd, exitCode: null, stdout, stderr });
    if (!okExitCodes.includes(exitCode))
      throw new GitError({ args, cwd, exitCode, stdout, stderr });
    return { stdout, stderr, exitCode };
  }

  async function refExists(cwd: string, ref: string): Promise<boolean> {
    const r = await run(
      cwd,
      ["rev-parse", "-q", "--verify", `${ref}^{commit}`],
      [0, 1, 128],
    );
    return r.exitCode === 0;
  }

  const lines = (text: string) => text.split("\n").filter((l) => l !== "");
  const nulFields = (text: string) => text.split("\0").filter((l) => l !== "");

  return {
    run,
    async workTreePrefix(cwd) {
      const r = await run(
        cwd,
        ["rev-parse", "--is-inside-work-tree", "--show-prefix"],
        [0, 128],
      );
      const [inside, prefix = ""] = r.stdout.split("\n");
      if (r.exitCode !== 0 || inside !== "true") return null;
      return prefix.replace(/\/$/, "");
    },
    async hasHead(cwd) {
      const r = await run(
        cwd,
        ["rev-parse", "-q", "--verify", "HEAD^{commit}"],
        [0, 1, 128],
      );
      return r.exitCode === 0;
    },
    async revParseHead(cwd) {
      const r = await run(cwd, ["rev-parse", "--verify", "HEAD^{commit}"]);
      return r.stdout.trim();
    },
    async currentBranch(cwd) {
      const r = await run(cwd, ["symbolic-ref", "-q", "HEAD"], [0, 1]);
      const ref = r.stdout.trim();
      return r.exitCode === 0 && ref.startsWith("refs/heads/")
        ? ref.slice("refs/heads/".length)
        : null;
    },
    async status(cwd) {
      const r = await run(cwd, [
        "status",
        "--porcelain=v2",
        "--branch",
        "-z",
        "--untracked-files=all",
      ]);
      return parseStatus(r.stdout);
    },
    async isAncestor(cwd, ancestor, descendant) {
      const r = await run(
        cwd,
        ["merge-base", "--is-ancestor", ancestor, descendant],
        [0, 1],
      );
      return r.exitCode === 0;
    },
    branchExists: (cwd, branch) => refExists(cwd, `refs/heads/${branch}`),
    async checkout(cwd, branch) {
      await run(cwd, ["checkout", "-q", branch, "--"]);
    },
    async checkoutNewBranch(cwd, branch) {
      await run(cwd, ["checkout", "-q", "-B", branch]);
    },
    async pointHead(cwd, target) {
      await run(
        cwd,
        target.branch === null
          ? ["update-ref", "--no-deref", "HEAD", target.sha]
          : ["symbolic-ref", "HEAD", `refs/heads/${target.branch}`],
      );
    },
    async resetHard(cwd, sha) {
      await run(cwd, ["reset", "-q", "--hard", sha]);
    },
    async resetMixed(cwd, sha) {
      await run(cwd, ["reset", "-q", sha, "--"]);
    },
    async addAll(cwd, exclusions) {
      await run(cwd, [
        "add",
        "-A",
        // -v prints what it adds; a silent git costs simple-git an extra 50 ms wait.
        "-v",
        "--",
        ":/",
        ...exclusions.paths.map((p) => `:(exclude,literal)${p}`),
        ...exclusions.globs.map((g) => `:(exclude,glob)${g}`),
      ]);
    },
    async addForce(cwd, paths) {
      if (paths.length === 0) return;
      await run(cwd, ["add", "-f", "--", ...paths]);
    },
    async hasStagedChanges(cwd, paths) {
      const r = await run(
        cwd,
        ["diff", "--cached", "--quiet", ...(paths ? ["--", ...paths] : [])],
        [0, 1],
      );
      return r.exitCode === 1;
    },
    async stagedPaths(cwd) {
      const r = await run(cwd, [
        "diff",
        "--cached",
        "--name-only",
        "--no-renames",
        "-z",
      ]);
      return nulFields(r.stdout);
    },
    async commit(cwd, message, paths) {
      await run(cwd, [
        "commit",
        "--cleanup=whitespace",
        "-m",
        message,
        ...(paths ? ["--", ...paths] : []),
      ]);
    },
    async headCommit(cwd) {
      const r = await run(cwd, [
        "diff-tree",
        "--root",
        "-r",
        "--name-only",
        "--no-renames",
        "-z",
        "HEAD",
      ]);
      const [sha = "", ...paths] = nulFields(r.stdout);
      return { sha, paths };
    },
    async changedBetween(cwd, from, to) {
      const r = await run(cwd, [
        "diff",
        "--name-only",
        "--no-renames",
        "-z",
        from,
        to,
        "--",
      ]);
      return nulFields(r.stdout);
    },
    async commitsBetween(cwd, from, to) {
      const r = await run(cwd, ["rev-list", "--reverse", `${from}..${to}`]);
      return lines(r.stdout);
    },
    async showFile(cwd, rev, path) {
      const listing = await run(cwd, ["ls-tree", "-z", rev, "--", path]);
      const entry = nulFields(listing.stdout)[0];
      const m = entry === undefined ? null : /^\d+ blob (\S+)\t/.exec(entry);
      if (m === null) return null;
      const blob = await run(cwd, ["cat-file", "blob", m[1] ?? ""]);
      return blob.stdout;
    },
    async trackedPaths(cwd, paths) {
      if (paths.length === 0) return [];
      const r = await run(cwd, ["ls-files", "-z", "--", ...paths]);
      return nulFields(r.stdout);
    },
    async stashCreate(cwd) {
      const r = await run(cwd, ["stash", "create"]);
      const sha = r.stdout.trim();
      return sha === "" ? null : sha;
    },
    async createRef(cwd, ref, sha) {
      await run(cwd, ["update-ref", ref, sha, ""]);
    },
    refExists,
    async checkIgnore(cwd, path) {
      const r = await run(
        cwd,
        ["check-ignore", "-v", "--no-index", "--", path],
        [0, 1],
      );
      const line = lines(r.stdout)[0];
      const m = line === undefined ? null : /^(.*):(\d+):(.*)\t/.exec(line);
      if (m === null) return null;
      const pattern = m[3] ?? "";
      return {
        source: m[1] ?? "",
        line: Number(m[2]),
        pattern,
        isNegated: pattern.startsWith("!"),
      };
    },
  };
}
