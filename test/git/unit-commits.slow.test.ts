import { describe, expect, it } from "vitest";
import {
  findUnitCommits,
  parseUnitCommits,
} from "../../src/git/unit-commits.js";
import { gitRepo } from "../helpers/git-repo.js";
import { tempDir } from "../helpers/temp-dir.js";
import { gitFor } from "./git-client.js";

const F = "FEAT-2026-0042";
const squash = (wu: string, title: string) =>
  `feat: ${title}\n\nbody line\n\nFeature: ${wu}\nWork-Unit-Type: implementation\nAttempts: 1\nModel: sonnet\nVerified-By: tests`;

describe("the squash commit of each unit, from its trailers (formats.md F-GIT-1, F-GIT-3)", () => {
  it("finds the newest squash commit per unit on HEAD and the feature branch; bookkeeping and other features are left out", async () => {
    const repo = gitRepo();
    const commit = (file: string, message: string) => {
      repo.write({ [file]: `${message}\n` });
      repo.git("add", "-A");
      repo.git("commit", "-q", "-m", message);
      return repo.head();
    };
    const t1 = commit("a.txt", squash(`${F}/T01`, "Add the limiter"));
    commit("b.txt", squash(`FEAT-2026-0043/T01`, "Another feature"));
    commit(
      "c.txt",
      `chore(loop): ${F}/T01 blocked_human (agent-reported)\n\nFeature: ${F}/T01`,
    );
    commit("d.txt", `chore(loop): gate 1 awaiting_review\n\nFeature: ${F}`);
    repo.git("checkout", "-q", "-b", "feat/x");
    const t2 = commit("e.txt", squash(`${F}/T02`, "On the branch"));
    repo.git("checkout", "-q", "main");
    const { git, spawns } = gitFor(repo);

    const found = await findUnitCommits(git, repo.dir, F, "feat/x");
    expect([...found]).toEqual([
      [`${F}/T02`, { sha: t2, subject: "feat: On the branch" }],
      [`${F}/T01`, { sha: t1, subject: "feat: Add the limiter" }],
    ]);
    // Read-only: rev-parse, the branch check and one log.
    expect(spawns.map((a) => a[0])).toEqual(["rev-parse", "rev-parse", "log"]);
    expect([
      ...(await findUnitCommits(git, repo.dir, F, "no/such-branch")).keys(),
    ]).toEqual([`${F}/T01`]);
  });

  it("a directory that is not a repository, or has no commit, has no commits", async () => {
    const repo = gitRepo();
    const { git } = gitFor(repo);
    repo.git("checkout", "-q", "--orphan", "empty");
    expect((await findUnitCommits(git, repo.dir, F, null)).size).toBe(0);
    expect((await findUnitCommits(git, tempDir(), F, null)).size).toBe(0);
  });

  it("parses only well-formed records", () => {
    const sha = "a".repeat(40);
    const out = [
      `${sha}\x1ffeat: x\x1f${F}/T01\x1fimplementation\x1e`,
      `\nnot-a-sha\x1ffeat: y\x1f${F}/T02\x1fimplementation\x1e`,
      `\n${"b".repeat(40)}\x1ffeat: z\x1f\x1fimplementation\x1e`,
      `\n${"c".repeat(40)}\x1ffeat: older\x1f${F}/T01\x1fimplementation\x1e\n`,
    ].join("");
    expect([...parseUnitCommits(out)]).toEqual([
      [`${F}/T01`, { sha, subject: "feat: x" }],
    ]);
  });
});
