import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { createGit } from "../../src/git/git.js";
import { ensureFeatureBranch } from "../../src/driver/scope/feature-branch.js";
import { runPreflight } from "../../src/driver/scope/preflight.js";
import { readStatus } from "../../src/git/read-status.js";
import {
  saveRecoveredWork,
  utcStamp,
} from "../../src/driver/recover/recovered-ref.js";
import { openRepo } from "../../src/git/repo.js";
import { restoreAttempt } from "../../src/driver/tree/restore.js";
import { takeSnapshot } from "../../src/driver/tree/snapshot.js";
import { gitRepo } from "../helpers/git-repo.js";
import { tempDir } from "../helpers/temp-dir.js";
import { F, fixture, squashCommit } from "./fixture.js";

// The error code a step ends with: thrown (openRepo), or returned as a refusal value (preflight, branch).
async function codeOf(p: Promise<unknown>): Promise<string | null> {
  try {
    const end = await p;
    if (
      typeof end === "object" &&
      end !== null &&
      "kind" in end &&
      end.kind === "refused" &&
      "halt" in end
    )
      return (end.halt as { code: string }).code;
    return null;
  } catch (error) {
    if (isSpecfuseError(error)) return error.code;
    throw error;
  }
}

describe("openRepo (D-START step 12)", () => {
  it("not_git_repo outside a work tree, no_commits before the first commit", async () => {
    const git = createGit({ env: process.env });
    expect(await codeOf(openRepo(git, tempDir()))).toBe("not_git_repo");
    const empty = tempDir();
    await git.run(empty, ["init", "-q"]);
    expect(await codeOf(openRepo(git, empty))).toBe("no_commits");
  });

  it("finds the work-tree top when the specfuse root is a subfolder", async () => {
    const repo = gitRepo({ "pkg/app/.specfuse/x": "x\n" });
    const git = createGit({ env: { ...process.env, ...repo.env } });
    const r = await openRepo(git, path.join(repo.dir, "pkg", "app"));
    expect(r.prefix).toBe("pkg/app");
    expect(r.top).toBe(repo.dir);
  });
});

describe("runPreflight (D-GIT-2)", () => {
  it("D-GIT-2: returns the status of a clean tree", async () => {
    const fx = await fixture();
    fx.repo.write({ [`${F}/work/run-state.json`]: "{}\n", "notes.txt": "n\n" });
    const end = await runPreflight(fx.r, {
      featureDir: F,
      otherCheckpoints: [],
    });
    if (end.kind !== "clear") throw new Error(end.halt.message);
    expect(end.status.untracked).toStrictEqual(["notes.txt"]);
  });

  it("D-GIT-2 #5: an ignored, never-committed verification.yml is oracle_uncommitted", async () => {
    const fx = await fixture();
    fx.repo.git("rm", "-q", "--cached", ".specfuse/verification.yml");
    fx.repo.write({
      ".gitignore": `${fx.read(".gitignore")}verification.yml\n`,
    });
    fx.repo.commitAll("untrack the oracle");
    expect(
      await codeOf(runPreflight(fx.r, { featureDir: F, otherCheckpoints: [] })),
    ).toBe("oracle_uncommitted");
  });

  it("D-GIT-2 #4: a modified source file is tree_dirty", async () => {
    const fx = await fixture();
    fx.repo.write({ "src/app.ts": "dirty\n" });
    expect(
      await codeOf(runPreflight(fx.r, { featureDir: F, otherCheckpoints: [] })),
    ).toBe("tree_dirty");
  });
});

describe("ensureFeatureBranch (D-GIT-3)", () => {
  const run = async (
    fx: Awaited<ReturnType<typeof fixture>>,
    branch: string | null,
  ) =>
    ensureFeatureBranch(fx.r, {
      branch,
      featureDir: F,
      status: await readStatus(fx.r),
    }).then((end) => (end.kind === "refused" ? end : end.kind));

  it("D-GIT-3: no branch, or the current one → nothing", async () => {
    const fx = await fixture();
    expect(await run(fx, null)).toBe("none");
    expect(await run(fx, "main")).toBe("none");
  });

  it("D-GIT-3: a missing branch is created at HEAD, carrying PLAN.md and roadmap edits", async () => {
    const fx = await fixture();
    fx.repo.write({
      [`${F}/PLAN.md`]: "edited\n",
      ".specfuse/roadmap.md": "row\n",
    });
    expect(await run(fx, "feat/demo")).toBe("created");
    expect(fx.repo.git("symbolic-ref", "--short", "HEAD")).toBe("feat/demo");
    expect(fx.read(`${F}/PLAN.md`)).toBe("edited\n");
  });

  it("D-GIT-3: other dirty paths refuse to create the branch → branch_dirty", async () => {
    const fx = await fixture();
    fx.repo.write({ [`${F}/events.jsonl`]: "x\n" });
    expect(await codeOf(run(fx, "feat/demo"))).toBe("branch_dirty");
  });

  it("D-GIT-3: an existing ancestor branch is checked out", async () => {
    const fx = await fixture();
    fx.repo.git("branch", "feat/demo");
    fx.repo.write({ "src/app.ts": "2\n" });
    fx.repo.commitAll("main moves on");
    expect(await run(fx, "feat/demo")).toBe("checked-out");
    expect(fx.repo.git("symbolic-ref", "--short", "HEAD")).toBe("feat/demo");
  });

  it("D-GIT-3: an existing branch that is not an ancestor of HEAD → branch_diverged", async () => {
    const fx = await fixture();
    fx.repo.git("checkout", "-q", "-b", "feat/demo");
    fx.repo.write({ "src/app.ts": "branch work\n" });
    fx.repo.commitAll("on the branch");
    fx.repo.git("checkout", "-q", "main");
    expect(await codeOf(run(fx, "feat/demo"))).toBe("branch_diverged");
  });

  it("D-GIT-3: a checkout git refuses → branch_checkout_failed", async () => {
    const fx = await fixture();
    fx.repo.git("branch", "feat/demo");
    fx.repo.write({ [`${F}/PLAN.md`]: "committed on main\n" });
    fx.repo.commitAll("main changes PLAN");
    fx.repo.write({ [`${F}/PLAN.md`]: "uncommitted edit\n" });
    const end = await run(fx, "feat/demo");
    if (typeof end === "string")
      throw new Error(`expected a refusal, got ${end}`);
    expect(end.halt.code).toBe("branch_checkout_failed");
    expect(end.halt.detail).toContain("PLAN.md");
  });
});

describe("saveRecoveredWork (D-REC-3 step 3)", () => {
  const now = new Date("2026-11-22T02:01:24.168Z");

  it("names refs with a UTC stamp", () => {
    expect(utcStamp(now)).toBe("20261122T020124Z");
  });

  it("D-REC-3: nothing after head_before → no ref", async () => {
    const fx = await fixture();
    expect(
      await saveRecoveredWork(fx.r, {
        key: "FEAT-2026-0001_T01",
        headBefore: fx.repo.head(),
        now,
      }),
    ).toBeNull();
  });

  it("D-REC-3: later commits and uncommitted tracked changes are saved under one ref", async () => {
    const fx = await fixture();
    const headBefore = fx.repo.head();
    fx.repo.write({ "src/a.ts": "a\n" });
    const c1 = fx.repo.commitAll("agent commit");
    fx.repo.write({ "src/app.ts": "uncommitted\n" });
    const saved = await saveRecoveredWork(fx.r, {
      key: "FEAT-2026-0001_T01",
      headBefore,
      now,
    });
    expect(saved?.ref).toBe(
      "refs/specfuse/recovered/FEAT-2026-0001_T01-20261122T020124Z",
    );
    expect(saved?.commits).toStrictEqual([c1]);
    expect(saved?.hasUncommitted).toBe(true);
    const ref = saved?.ref ?? "";
    expect(fx.repo.git("show", `${ref}:src/app.ts`)).toBe("uncommitted");
    expect(fx.repo.git("rev-parse", `${ref}^1`)).toBe(c1);
    // The tree itself is untouched.
    expect(fx.read("src/app.ts")).toBe("uncommitted\n");
  });

  it("D-REC-3: only later commits → the ref points at HEAD; a second save gets a suffix", async () => {
    const fx = await fixture();
    const headBefore = fx.repo.head();
    fx.repo.write({ "src/a.ts": "a\n" });
    const c1 = fx.repo.commitAll("agent commit");
    const input = { key: "K", headBefore, now };
    const first = await saveRecoveredWork(fx.r, input);
    const second = await saveRecoveredWork(fx.r, input);
    expect(first?.sha).toBe(c1);
    expect(first?.hasUncommitted).toBe(false);
    expect(second?.ref).toBe(`${first?.ref ?? ""}-2`);
  });
});

describe("a specfuse root below the work-tree top", () => {
  it("paths stay root-relative through snapshot, squash and restore", async () => {
    const fx = await fixture({}, "packages/app");
    fx.repo.write({ "packages/app/notes.txt": "n\n", "outside.txt": "o\n" });
    const snap = await takeSnapshot(fx.r, {
      protectedPaths: [".specfuse/verification.yml"],
      allowedPaths: [],
    });
    expect(snap.untrackedBefore.sort()).toStrictEqual([
      "../../outside.txt",
      "notes.txt",
    ]);
    mkdirSync(path.join(fx.r.root, "src", "new"), { recursive: true });
    fx.repo.write({
      "packages/app/src/new/x.ts": "x\n",
      "packages/app/src/app.ts": "changed\n",
      [`packages/app/${F}/work/run-state.json`]: "{}\n",
    });
    const squash = await squashCommit(
      fx.r,
      snap,
      "feat: x\n\nFeature: A/T01\n",
    );
    expect(squash.paths).toStrictEqual(["src/app.ts", "src/new/x.ts"]);
    const report = await restoreAttempt(fx.r, { snapshot: snap });
    expect(report.deletedFiles).toStrictEqual(["src/new/x.ts"]);
    expect(report.deletedDirs).toStrictEqual(["src/new"]);
    expect(fx.read("src/app.ts")).toBe("export const app = 1;\n");
    expect(
      fx.repo.git("status", "--porcelain").split("\n").sort(),
    ).toStrictEqual(["?? outside.txt", "?? packages/app/notes.txt"]);
  });
});
