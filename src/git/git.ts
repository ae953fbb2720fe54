import { runProcess } from "../exec/run-process.js";
import { DEFAULT_TIMINGS } from "../types/context.js";
import type { Git, GitClientOptions, GitRun } from "./git-api.js";
import { GitError } from "./git-error.js";
import { gitEnv } from "./git-env.js";
import { parseStatus } from "./parse-status.js";

// Git runs to completion: no limits; the default grace periods apply only if it is ever killed.
const GIT_TIMINGS = DEFAULT_TIMINGS;

// The client's types live apart so readers of the API need not load the runner.
export type {
  AddExclusions,
  Git,
  GitClientOptions,
  GitRun,
  IgnoreMatch,
} from "./git-api.js";

// Builds the git client: the only code that spawns git (architecture.md A-IO-1).
export function createGit(options: GitClientOptions): Git {
  const env = gitEnv(options.env);
  const binary = options.binary ?? "git";

  async function run(
    cwd: string,
    args: readonly string[],
    okExitCodes: readonly number[] = [0],
  ): Promise<GitRun> {
    const started = performance.now();
    try {
      return await runOnce(cwd, args, okExitCodes);
    } finally {
      options.onDone?.(args, performance.now() - started);
    }
  }

  async function runOnce(
    cwd: string,
    args: readonly string[],
    okExitCodes: readonly number[],
  ): Promise<GitRun> {
    options.onSpawn?.(args);
    const r = await runProcess(
      { file: binary, args, cwd, env, stdin: null },
      { timings: GIT_TIMINGS },
    );
    if (r.spawnError !== null || r.exitCode === null)
      throw new GitError({
        args,
        cwd,
        exitCode: null,
        stdout: r.stdout,
        stderr: r.stderr === "" ? r.shortMessage : r.stderr,
      });
    const run = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
    if (!okExitCodes.includes(r.exitCode))
      throw new GitError({ args, cwd, ...run });
    return run;
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
