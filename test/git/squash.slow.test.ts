import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSquashMessage } from "../../src/driver/commit/commit-message.js";
import { inspectAfterAgent } from "../../src/driver/tree/fold.js";
import {
  takeSnapshot,
  type SnapshotRequest,
} from "../../src/driver/tree/snapshot.js";
import type { GitRepo } from "../helpers/git-repo.js";
import { F, FIXED_PROTECTED, fixture, squashCommit } from "./fixture.js";
import { parsedTrailers } from "./trailers.js";

const request: SnapshotRequest = {
  protectedPaths: [...FIXED_PROTECTED, `${F}/PLAN.md`, `${F}/WU-01.md`],
  allowedPaths: [`${F}/PLAN.md`, `${F}/events.jsonl`, ".specfuse/roadmap.md"],
};

const message = buildSquashMessage({
  prefix: "feat",
  title: "Add token bucket limiter",
  summary: "Token bucket with refill.\nMore detail that stays out.",
  wuId: "FEAT-2026-0001/T01",
  type: "implementation",
  attempts: 2,
  model: "sonnet",
  verifiedBy: ["tests", "lint"],
  costUsd: 0.4123,
});

function installHook(repo: GitRepo, name: string, script: string): void {
  const hook = path.join(repo.dir, ".git", "hooks", name);
  writeFileSync(hook, `#!/bin/sh\n${script}\n`);
  chmodSync(hook, 0o755);
}

describe("squashCommit (D-GIT-6)", () => {
  it("D-GIT-6: stages everything but the lock, work/ and unchanged U0 files", async () => {
    const fx = await fixture();
    // A tree without the managed ignore lines, so the driver's own files are visible to git.
    fx.repo.write({ ".gitignore": "cache/\n" });
    fx.repo.commitAll("plain ignore file");
    fx.repo.write({
      "notes.txt": "user scratch\n",
      "todo.txt": "user list\n",
      ".specfuse/.loop.lock.json": '{"pid": 1}\n',
    });
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({
      "src/app.ts": "export const app = 2;\n",
      "src/limiter.ts": "export {};\n",
      "todo.txt": "user list\n- done by agent\n",
      [`${F}/WU-01.md`]: "---\nstatus: done\n---\n",
      [`${F}/work/run-state.json`]: "{}\n",
      [`${F}/work/FEAT-2026-0001_T01/attempt-1.md`]: "note\n",
      ".specfuse/features/OTHER/work/x.md": "other feature scratch\n",
      "src/app.ts.specfuse-tmp-abc123": "temp\n",
    });
    const result = await squashCommit(fx.r, snap, message);
    expect(result).toStrictEqual({
      kind: "committed",
      sha: fx.repo.head(),
      paths: [`${F}/WU-01.md`, "src/app.ts", "src/limiter.ts", "todo.txt"],
    });
    expect(
      fx.repo.git("status", "--porcelain").split("\n").sort(),
    ).toStrictEqual([
      "?? .specfuse/.loop.lock.json",
      "?? .specfuse/features/FEAT-2026-0001-demo/work/",
      "?? .specfuse/features/OTHER/",
      "?? notes.txt",
      "?? src/app.ts.specfuse-tmp-abc123",
    ]);
  });

  it("D-GIT-7 / F-GIT-1: the commit message is byte-exact", async () => {
    const fx = await fixture();
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({ "src/app.ts": "changed\n" });
    await squashCommit(fx.r, snap, message);
    const raw = fx.repo.git("cat-file", "commit", "HEAD");
    expect(`${raw.slice(raw.indexOf("\n\n") + 2)}\n`).toBe(message);
    expect(fx.repo.git("log", "-1", "--format=%s")).toBe(
      "feat: Add token bucket limiter",
    );
  });

  it("F-GIT-2: git interpret-trailers --parse returns exactly the trailers, in order", async () => {
    const fx = await fixture();
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({ "src/app.ts": "changed\n" });
    await squashCommit(fx.r, snap, message);
    expect(parsedTrailers(fx.repo)).toStrictEqual([
      "Feature: FEAT-2026-0001/T01",
      "Work-Unit-Type: implementation",
      "Attempts: 2",
      "Model: sonnet",
      "Verified-By: tests, lint",
      "Cost-USD: 0.4123",
    ]);
  });

  it("F-GIT-2: a body that looks like a trailer and no Cost-USD still parse to exactly the trailers", async () => {
    const fx = await fixture();
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({ "src/app.ts": "changed\n" });
    const tricky = buildSquashMessage({
      prefix: "fix",
      title: "Note: colon\nin title",
      summary: "Reviewed-by: nobody",
      wuId: "FEAT-2026-0001/T02",
      type: "bugfix",
      attempts: 1,
      model: "opus\nline",
      verifiedBy: ["tests"],
    });
    await squashCommit(fx.r, snap, tricky);
    expect(parsedTrailers(fx.repo)).toStrictEqual([
      "Feature: FEAT-2026-0001/T02",
      "Work-Unit-Type: bugfix",
      "Attempts: 1",
      "Model: opus line",
      "Verified-By: tests",
    ]);
  });

  it("D-GIT-6 step 2: nothing staged → no commit and a null SHA", async () => {
    const fx = await fixture();
    fx.repo.write({ "notes.txt": "mine\n" });
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({ [`${F}/work/run-state.json`]: "{}\n" });
    const before = fx.repo.head();
    expect(await squashCommit(fx.r, snap, message)).toStrictEqual({
      kind: "empty",
      sha: null,
      paths: [],
    });
    expect(fx.repo.head()).toBe(before);
  });

  it("D-GIT-6: paths the agent staged itself are unstaged when excluded", async () => {
    const fx = await fixture();
    fx.repo.write({ "notes.txt": "mine\n" });
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({
      "src/app.ts": "changed\n",
      [`${F}/work/leak.md`]: "scratch\n",
    });
    fx.repo.git("add", "-f", `${F}/work/leak.md`, "notes.txt");
    const result = await squashCommit(fx.r, snap, message);
    expect(result.paths).toStrictEqual(["src/app.ts"]);
    expect(fx.repo.git("status", "--porcelain", "--untracked-files=no")).toBe(
      "",
    );
  });

  it("D-GIT-6 step 3: a rejected commit returns exit code, stderr, stdout and a summary", async () => {
    const fx = await fixture();
    installHook(
      fx.repo,
      "pre-commit",
      'echo "checking"; echo "lint failed: x" >&2; exit 3',
    );
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({ "src/app.ts": "changed\n" });
    const before = fx.repo.head();
    const result = await squashCommit(fx.r, snap, message);
    // git runs hooks with their stdout sent to stderr.
    expect(result).toStrictEqual({
      kind: "rejected",
      sha: null,
      paths: [],
      exitCode: 1,
      stdout: "",
      stderr: "checking\nlint failed: x\n",
      summary: "git commit exited with 1\nstderr:\nchecking\nlint failed: x",
    });
    expect(fx.repo.head()).toBe(before);
  });

  it("D-GIT-6 step 4: a leak-scan rejection is redacted", async () => {
    const fx = await fixture();
    installHook(
      fx.repo,
      "pre-commit",
      `echo "leak-scan: blocked email: 'ann@corp.example'" >&2; exit 1`,
    );
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({ "src/app.ts": "changed\n" });
    const result = await squashCommit(fx.r, snap, message);
    expect(result.kind).toBe("rejected");
    if (result.kind !== "rejected") return;
    expect(result.summary).toMatch(
      /leak-scan: blocked email: '<redacted:[0-9a-f]{8}>'/,
    );
    expect(result.summary).not.toContain("ann@corp.example");
  });
});

describe("git spawns of a passing attempt (D-PERF-2)", () => {
  it("D-PERF-2: snapshot → fold check → squash spawns six git processes", async () => {
    const fx = await fixture();
    fx.repo.write({ "notes.txt": "user scratch\n" });
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({
      "src/app.ts": "agent work\n",
      [`${F}/WU-01.md`]: "---\nstatus: done\n---\n",
    });
    const after = await inspectAfterAgent(fx.r, snap);
    expect(after.fold.kind).toBe("none");
    const result = await squashCommit(fx.r, snap, message);
    expect(result.kind).toBe("committed");
    expect(fx.spawns.map((a) => a[0])).toStrictEqual([
      "status",
      "status",
      "add",
      "diff",
      "commit",
      "diff-tree",
    ]);
    expect(fx.spawns.length).toBeLessThanOrEqual(6);
  });
});
