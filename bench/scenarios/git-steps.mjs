// git-steps: the git commands of one passing attempt (D-PERF-2: two status calls, add, the staged-names
// check, commit, diff-tree) through the driver's git client, in a scratch repository. The client choice
// (simple-git vs the process runner) was made on this figure and two others; see docs/architecture.md §8.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "../child.mjs";

export const gitSteps = {
  name: "git-steps",
  description: "git calls of one passing attempt, through the driver's client",
  warmup: 3,
  iterations: 30,
  async setup() {
    const { createGit } = await import(
      pathToFileURL(path.join(ROOT, "dist", "git", "git.js")).href
    );
    const dir = mkdtempSync(path.join(tmpdir(), "specfuse-bench-git-"));
    const g = (...a) => execFileSync("git", a, { cwd: dir });
    g("init", "-q", "-b", "main");
    g("config", "user.name", "bench");
    g("config", "user.email", "bench@example.com");
    g("config", "commit.gpgsign", "false");
    writeFileSync(path.join(dir, "a.txt"), "a\n");
    g("add", "-A");
    g("commit", "-qm", "init");
    const git = createGit({ env: process.env });
    let i = 0;
    return {
      async run() {
        i += 1;
        writeFileSync(path.join(dir, `f${i}.txt`), `${i}\n`);
        await git.status(dir);
        await git.status(dir);
        await git.addAll(dir, { paths: [], globs: [] });
        await git.stagedPaths(dir);
        await git.commit(dir, `feat: unit ${i}\n\nFeature: F/T${i}\n`);
        await git.headCommit(dir);
      },
      async teardown() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};
