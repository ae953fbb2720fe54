import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createGit } from "../../src/git/git.js";
import { isGitError, type GitError } from "../../src/git/git-error.js";
import { gitEnv } from "../../src/git/git-env.js";
import { gitRepo } from "../helpers/git-repo.js";
import { tempDir } from "../helpers/temp-dir.js";
import { gitFor } from "./git-client.js";

async function caught(p: Promise<unknown>): Promise<GitError> {
  try {
    await p;
  } catch (error) {
    if (isGitError(error)) return error;
    throw error;
  }
  throw new Error("expected a GitError");
}

describe("git environment (D-GIT-1)", () => {
  it("D-GIT-1: removes repository overrides and never prompts", () => {
    const env = gitEnv({
      PATH: "/bin",
      GIT_DIR: "/x",
      GIT_WORK_TREE: "/x",
      GIT_INDEX_FILE: "/x",
      GIT_OBJECT_DIRECTORY: "/x",
      GIT_ALTERNATE_OBJECT_DIRECTORIES: "/x",
      GIT_PREFIX: "x/",
      GIT_AUTHOR_NAME: "Ann",
      UNSET: undefined,
    });
    expect(env).toStrictEqual({
      PATH: "/bin",
      GIT_AUTHOR_NAME: "Ann",
      GIT_TERMINAL_PROMPT: "0",
    });
  });

  it("D-GIT-1: a GIT_DIR / GIT_INDEX_FILE in the user's environment does not redirect git", async () => {
    const repo = gitRepo();
    const other = gitRepo({ "OTHER.md": "other\n" });
    const git = createGit({
      env: {
        ...process.env,
        ...repo.env,
        GIT_DIR: path.join(other.dir, ".git"),
        GIT_INDEX_FILE: path.join(other.dir, ".git", "index"),
        GIT_WORK_TREE: other.dir,
      },
    });
    expect(await git.revParseHead(repo.dir)).toBe(repo.head());
  });

  it("D-GIT-1: runs with EDITOR, PAGER and config-path variables set (the user's own environment)", async () => {
    const repo = gitRepo();
    const git = createGit({
      env: {
        ...process.env,
        ...repo.env,
        EDITOR: "vi",
        PAGER: "less",
        GIT_SSH_COMMAND: "ssh",
      },
    });
    expect((await git.status(repo.dir)).branch).toBe("main");
  });

  it("D-GIT-1: commits use the configured identity and hooks run", async () => {
    const repo = gitRepo();
    const { git } = gitFor(repo);
    const hook = path.join(repo.dir, ".git", "hooks", "pre-commit");
    writeFileSync(hook, `#!/bin/sh\necho ran > "${repo.dir}/.git/hook-ran"\n`);
    chmodSync(hook, 0o755);
    repo.write({ "a.txt": "a\n" });
    await git.addAll(repo.dir, { paths: [], globs: [] });
    await git.commit(repo.dir, "feat: a\n");
    expect(existsSync(path.join(repo.dir, ".git", "hook-ran"))).toBe(true);
    expect(repo.git("log", "-1", "--format=%an <%ae>")).toBe(
      "Test <test@example.com>",
    );
  });
});

describe("GitError (architecture §4.5)", () => {
  it("carries the args, exit code and stderr", async () => {
    const repo = gitRepo();
    const { git } = gitFor(repo);
    const e = await caught(git.resetHard(repo.dir, "no-such-rev"));
    expect(e.args).toStrictEqual(["reset", "-q", "--hard", "no-such-rev"]);
    expect(e.exitCode).toBe(128);
    expect(e.stderr).toContain("no-such-rev");
    expect(e.cwd).toBe(repo.dir);
    expect(e.message).toMatch(
      /^git reset -q --hard no-such-rev exited with 128: /,
    );
  });

  it("reports a git that cannot start with a null exit code", async () => {
    const repo = gitRepo();
    const git = createGit({ env: process.env, binary: "/nonexistent/git" });
    const e = await caught(git.status(repo.dir));
    expect(e.exitCode).toBeNull();
  });
});

describe("repository queries", () => {
  it("workTreePrefix: null outside a work tree, '' at the top, the folder below it", async () => {
    const repo = gitRepo({ "sub/dir/x.txt": "x\n" });
    const { git } = gitFor(repo);
    expect(await git.workTreePrefix(tempDir())).toBeNull();
    expect(await git.workTreePrefix(repo.dir)).toBe("");
    expect(await git.workTreePrefix(path.join(repo.dir, "sub", "dir"))).toBe(
      "sub/dir",
    );
  });

  it("hasHead is false before the first commit", async () => {
    const repo = gitRepo();
    const { git } = gitFor(repo);
    const empty = tempDir();
    await git.run(empty, ["init", "-q"]);
    expect(await git.hasHead(empty)).toBe(false);
    expect(await git.hasHead(repo.dir)).toBe(true);
  });

  it("currentBranch names the branch, or null when detached", async () => {
    const repo = gitRepo();
    const { git } = gitFor(repo);
    expect(await git.currentBranch(repo.dir)).toBe("main");
    repo.git("checkout", "-q", "--detach");
    expect(await git.currentBranch(repo.dir)).toBeNull();
  });

  it("status lists changed and untracked files one by one, never ignored ones", async () => {
    const repo = gitRepo({
      "a.txt": "a\n",
      "old.txt": "old\n",
      ".gitignore": "*.log\n",
    });
    const { git } = gitFor(repo);
    repo.write({
      "a.txt": "changed\n",
      "new dir/one.txt": "1\n",
      "new dir/deep/two.txt": "2\n",
      "debug.log": "ignored\n",
    });
    repo.git("mv", "old.txt", "renamed.txt");
    const s = await git.status(repo.dir);
    expect(s.head).toBe(repo.head());
    expect(s.branch).toBe("main");
    expect(s.changes).toStrictEqual([
      { kind: "ordinary", xy: ".M", path: "a.txt", origPath: null },
      {
        kind: "renamed",
        xy: "R.",
        path: "renamed.txt",
        origPath: "old.txt",
      },
    ]);
    expect(s.untracked.sort()).toStrictEqual([
      "new dir/deep/two.txt",
      "new dir/one.txt",
    ]);
  });

  it("isAncestor, branchExists, commitsBetween (oldest first), changedBetween", async () => {
    const repo = gitRepo();
    const { git } = gitFor(repo);
    const c0 = repo.head();
    repo.write({ "a.txt": "a\n" });
    const c1 = repo.commitAll("one");
    repo.write({ "b.txt": "b\n" });
    const c2 = repo.commitAll("two");
    expect(await git.isAncestor(repo.dir, c0, c2)).toBe(true);
    expect(await git.isAncestor(repo.dir, c2, c0)).toBe(false);
    expect(await git.branchExists(repo.dir, "main")).toBe(true);
    expect(await git.branchExists(repo.dir, "nope")).toBe(false);
    expect(await git.commitsBetween(repo.dir, c0, c2)).toStrictEqual([c1, c2]);
    expect(await git.commitsBetween(repo.dir, c2, c2)).toStrictEqual([]);
    expect(await git.changedBetween(repo.dir, c0, c2)).toStrictEqual([
      "a.txt",
      "b.txt",
    ]);
  });

  it("showFile reads a file as committed at a revision, null when absent", async () => {
    const repo = gitRepo({ ".specfuse/verification.yml": "v1\n" });
    const { git } = gitFor(repo);
    const c0 = repo.head();
    repo.write({ ".specfuse/verification.yml": "v2\n" });
    repo.commitAll("v2");
    repo.write({ ".specfuse/verification.yml": "dirty\n" });
    expect(await git.showFile(repo.dir, c0, ".specfuse/verification.yml")).toBe(
      "v1\n",
    );
    expect(
      await git.showFile(repo.dir, "HEAD", ".specfuse/verification.yml"),
    ).toBe("v2\n");
    expect(await git.showFile(repo.dir, "HEAD", "missing.yml")).toBeNull();
    expect(await git.showFile(repo.dir, "HEAD", ".specfuse")).toBeNull();
    await expect(git.showFile(repo.dir, "bad-rev", "x")).rejects.toThrow(
      /bad-rev/,
    );
  });

  it("trackedPaths keeps only tracked paths", async () => {
    const repo = gitRepo({ "t.txt": "t\n" });
    const { git } = gitFor(repo);
    repo.write({ "u.txt": "u\n" });
    expect(await git.trackedPaths(repo.dir, ["t.txt", "u.txt"])).toStrictEqual([
      "t.txt",
    ]);
    expect(await git.trackedPaths(repo.dir, [])).toStrictEqual([]);
  });

  it("checkIgnore names the last matching rule, negated or not", async () => {
    const repo = gitRepo({ ".gitignore": "/build\n*.md\n!keep.md\n" });
    const { git } = gitFor(repo);
    expect(await git.checkIgnore(repo.dir, "build")).toStrictEqual({
      source: ".gitignore",
      line: 1,
      pattern: "/build",
      isNegated: false,
    });
    expect(await git.checkIgnore(repo.dir, "keep.md")).toStrictEqual({
      source: ".gitignore",
      line: 3,
      pattern: "!keep.md",
      isNegated: true,
    });
    expect(await git.checkIgnore(repo.dir, "src/a.ts")).toBeNull();
    // Tracked files are checked too (--no-index): README.md is tracked and matches *.md.
    expect((await git.checkIgnore(repo.dir, "README.md"))?.pattern).toBe(
      "*.md",
    );
  });
});

describe("repository changes", () => {
  it("checkout, checkout -B and pointHead", async () => {
    const repo = gitRepo();
    const { git } = gitFor(repo);
    const c0 = repo.head();
    await git.checkoutNewBranch(repo.dir, "feat/x");
    expect(await git.currentBranch(repo.dir)).toBe("feat/x");
    await git.checkout(repo.dir, "main");
    expect(await git.currentBranch(repo.dir)).toBe("main");
    await git.pointHead(repo.dir, { branch: null, sha: c0 });
    expect(await git.currentBranch(repo.dir)).toBeNull();
    await git.pointHead(repo.dir, { branch: "feat/x", sha: c0 });
    expect(await git.currentBranch(repo.dir)).toBe("feat/x");
  });

  it("resetMixed keeps the files, resetHard restores them", async () => {
    const repo = gitRepo({ "a.txt": "a\n" });
    const { git } = gitFor(repo);
    const c0 = repo.head();
    repo.write({ "a.txt": "b\n" });
    const c1 = repo.commitAll("b");
    await git.resetMixed(repo.dir, c0);
    expect(repo.head()).toBe(c0);
    expect(readFileSync(path.join(repo.dir, "a.txt"), "utf8")).toBe("b\n");
    await git.resetHard(repo.dir, c1);
    await git.resetHard(repo.dir, c0);
    expect(readFileSync(path.join(repo.dir, "a.txt"), "utf8")).toBe("a\n");
  });

  it("addAll honours literal and glob exclusions", async () => {
    const repo = gitRepo();
    const { git } = gitFor(repo);
    repo.write({
      "keep.txt": "k\n",
      "we ird*[x].txt": "literal\n",
      "weird-other.txt": "glob would match\n",
      ".specfuse/features/f1/work/k/attempt-1.md": "w\n",
      ".specfuse/features/f2/work/run-state.json": "{}\n",
      ".specfuse/features/f1/PLAN.md": "p\n",
      ".specfuse/.loop.lock.json": "{}\n",
    });
    await git.addAll(repo.dir, {
      paths: ["we ird*[x].txt", ".specfuse/.loop.lock.json"],
      globs: [".specfuse/features/*/work/**"],
    });
    expect((await git.stagedPaths(repo.dir)).sort()).toStrictEqual([
      ".specfuse/features/f1/PLAN.md",
      "keep.txt",
      "weird-other.txt",
    ]);
  });

  it("addForce stages an ignored file; hasStagedChanges looks only at the given paths", async () => {
    const repo = gitRepo({ ".gitignore": "work/\n" });
    const { git } = gitFor(repo);
    repo.write({ "work/note.md": "n\n", "other.txt": "o\n" });
    expect(await git.hasStagedChanges(repo.dir)).toBe(false);
    await git.addForce(repo.dir, ["work/note.md"]);
    expect(await git.hasStagedChanges(repo.dir, ["work/note.md"])).toBe(true);
    expect(await git.hasStagedChanges(repo.dir, ["other.txt"])).toBe(false);
  });

  it("commit writes the message bytes exactly, whatever commit.cleanup says", async () => {
    const repo = gitRepo();
    const { git } = gitFor(repo);
    repo.git("config", "commit.cleanup", "strip");
    const message = "feat: #1 thing\n\n# not a comment\n\nFeature: X/T01\n";
    repo.write({ "a.txt": "a\n" });
    await git.addAll(repo.dir, { paths: [], globs: [] });
    await git.commit(repo.dir, message);
    const raw = repo.git("cat-file", "commit", "HEAD");
    expect(`${raw.slice(raw.indexOf("\n\n") + 2)}\n`).toBe(message);
  });

  it("commit with paths commits only those paths", async () => {
    const repo = gitRepo();
    const { git } = gitFor(repo);
    repo.write({ "a.txt": "a\n", "b.txt": "b\n" });
    await git.addForce(repo.dir, ["a.txt", "b.txt"]);
    await git.commit(repo.dir, "chore: a\n", ["a.txt"]);
    expect((await git.headCommit(repo.dir)).paths).toStrictEqual(["a.txt"]);
    expect(await git.stagedPaths(repo.dir)).toStrictEqual(["b.txt"]);
  });

  it("headCommit gives HEAD's SHA and its paths from one call", async () => {
    const repo = gitRepo({ "a.txt": "a\n" });
    const { git, spawns } = gitFor(repo);
    repo.write({ "a.txt": "b\n", "dir/c.txt": "c\n" });
    const sha = repo.commitAll("two");
    expect(await git.headCommit(repo.dir)).toStrictEqual({
      sha,
      paths: ["a.txt", "dir/c.txt"],
    });
    expect(spawns).toHaveLength(1);
  });

  it("stashCreate saves tracked changes without touching the tree; null when clean", async () => {
    const repo = gitRepo({ "a.txt": "a\n" });
    const { git } = gitFor(repo);
    expect(await git.stashCreate(repo.dir)).toBeNull();
    repo.write({ "a.txt": "changed\n" });
    const stash = await git.stashCreate(repo.dir);
    expect(stash).toMatch(/^[0-9a-f]{40}$/);
    expect(readFileSync(path.join(repo.dir, "a.txt"), "utf8")).toBe(
      "changed\n",
    );
    expect(repo.git("show", `${stash}:a.txt`)).toBe("changed");
    expect(repo.git("stash", "list")).toBe("");
  });

  it("createRef refuses to overwrite an existing ref", async () => {
    const repo = gitRepo();
    const { git } = gitFor(repo);
    await git.createRef(repo.dir, "refs/specfuse/recovered/x", repo.head());
    expect(await git.refExists(repo.dir, "refs/specfuse/recovered/x")).toBe(
      true,
    );
    await expect(
      git.createRef(repo.dir, "refs/specfuse/recovered/x", repo.head()),
    ).rejects.toThrow(/update-ref/);
  });
});
