import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectFilesTouched } from "../../src/driver/tree/files-touched.js";
import { inspectAfterAgent } from "../../src/driver/tree/fold.js";
import { detectProtectedChanges } from "../../src/driver/protect/detect-violations.js";
import { restoreAttempt } from "../../src/driver/tree/restore.js";
import {
  takeSnapshot,
  type SnapshotRequest,
} from "../../src/driver/tree/snapshot.js";
import { sha256 } from "../../src/workspace/file-hashes.js";
import { F, FIXED_PROTECTED, fixture, squashCommit } from "./fixture.js";

const request: SnapshotRequest = {
  protectedPaths: [...FIXED_PROTECTED, `${F}/PLAN.md`, `${F}/WU-01.md`],
  allowedPaths: [`${F}/PLAN.md`, `${F}/events.jsonl`, ".specfuse/roadmap.md"],
};
const bytes = (s: string) => Buffer.from(s);

describe("takeSnapshot (D-GIT-4)", () => {
  it("D-GIT-4: one status call gives HEAD, branch and U0; ignored files are not in U0", async () => {
    const fx = await fixture();
    fx.repo.write({ "notes.txt": "mine\n", "cache/build.log": "ignored\n" });
    const snap = await takeSnapshot(fx.r, request);
    expect(snap.headBefore).toBe(fx.repo.head());
    expect(snap.branch).toBe("main");
    expect(snap.untrackedBefore).toStrictEqual(["notes.txt"]);
    expect(snap.untrackedHashes.get("notes.txt")).toBe(
      `file:${sha256("mine\n")}`,
    );
    expect(fx.spawns).toStrictEqual([
      ["status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all"],
    ]);
  });

  it("D-GIT-4: keeps dirty allowed files and every protected file; hashes protected paths", async () => {
    const fx = await fixture();
    fx.repo.write({ [`${F}/PLAN.md`]: "human edit\n" });
    mkdirSync(path.join(fx.r.root, ".specfuse/.loop.lock"));
    const snap = await takeSnapshot(fx.r, request);
    expect(snap.saved.get(`${F}/PLAN.md`)?.toString()).toBe("human edit\n");
    expect(snap.saved.get(".specfuse/verification.yml")?.toString()).toContain(
      "sets:",
    );
    expect(snap.saved.get(".specfuse/config.yml")).toBeNull();
    expect(snap.saved.has(".specfuse/roadmap.md")).toBe(false);
    expect(snap.protectedHashes.get(`${F}/PLAN.md`)).toBe(
      `file:${sha256("human edit\n")}`,
    );
    expect(snap.protectedHashes.get(".specfuse/config.yml")).toBeNull();
    expect(snap.protectedHashes.get(".specfuse/.loop.lock")).toMatch(/^dir:/);
  });
});

describe("inspectAfterAgent / fold (D-GIT-5)", () => {
  it("D-GIT-5: nothing to fold costs one status call", async () => {
    const fx = await fixture();
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({ "src/app.ts": "changed\n" });
    fx.spawns.length = 0;
    const after = await inspectAfterAgent(fx.r, snap);
    expect(after.fold).toStrictEqual({ kind: "none" });
    expect(after.status.changes.map((c) => c.path)).toStrictEqual([
      "src/app.ts",
    ]);
    expect(fx.spawns).toHaveLength(1);
  });

  it("D-GIT-5: agent commits on the branch are recorded and undone with a mixed reset", async () => {
    const fx = await fixture();
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({ "src/a.ts": "a\n" });
    const c1 = fx.repo.commitAll("agent one");
    fx.repo.write({ "src/app.ts": "changed\n", "staged.txt": "s\n" });
    const c2 = fx.repo.commitAll("agent two");
    fx.repo.write({ "later.txt": "l\n" });
    fx.repo.git("add", "later.txt");
    const after = await inspectAfterAgent(fx.r, snap);
    expect(after.fold).toStrictEqual({
      kind: "folded",
      agentCommits: [c1, c2],
    });
    expect(fx.repo.head()).toBe(snap.headBefore);
    expect(fx.read("src/a.ts")).toBe("a\n");
    // A mixed reset leaves nothing staged: whatever the agent staged is dropped.
    expect(after.status.changes).toStrictEqual([
      { kind: "ordinary", xy: ".M", path: "src/app.ts", origPath: null },
    ]);
    expect(after.status.untracked.sort()).toStrictEqual([
      "later.txt",
      "src/a.ts",
      "staged.txt",
    ]);
    expect(after.status.head).toBe(snap.headBefore);
  });

  it("D-GIT-5 / P9: a branch switch points HEAD back at the original branch", async () => {
    const fx = await fixture();
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.git("checkout", "-q", "-b", "agent-branch");
    fx.repo.write({ "src/app.ts": "on other branch\n" });
    fx.repo.commitAll("agent");
    const after = await inspectAfterAgent(fx.r, snap);
    expect(after.fold).toStrictEqual({
      kind: "branch-changed",
      from: "main",
      to: "agent-branch",
    });
    expect(fx.repo.git("symbolic-ref", "HEAD")).toBe("refs/heads/main");
    expect(fx.repo.head()).toBe(snap.headBefore);
    expect(after.status.branch).toBe("main");
  });

  it("D-GIT-5 / P9: detaching HEAD is a branch change too", async () => {
    const fx = await fixture();
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.git("checkout", "-q", "--detach");
    const after = await inspectAfterAgent(fx.r, snap);
    expect(after.fold).toStrictEqual({
      kind: "branch-changed",
      from: "main",
      to: null,
    });
    expect(fx.repo.git("symbolic-ref", "HEAD")).toBe("refs/heads/main");
  });
});

describe("collectFilesTouched (D-GIT-10)", () => {
  it("D-GIT-10: changes since head_before plus new untracked files, not U0 ones", async () => {
    const fx = await fixture();
    fx.repo.write({ "notes.txt": "mine\n" });
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({
      "src/app.ts": "changed\n",
      "src/new.ts": "new\n",
      "cache/x.log": "ignored\n",
    });
    rmSync(path.join(fx.r.root, "README.md"));
    expect(await collectFilesTouched(fx.r, snap)).toStrictEqual([
      "README.md",
      "src/app.ts",
      "src/new.ts",
    ]);
  });

  it("D-GIT-10: includes what a dropped squash committed (Q17: taken before the reset)", async () => {
    const fx = await fixture();
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({ "src/new.ts": "new\n" });
    fx.repo.commitAll("squash");
    fx.repo.write({ "src/after.ts": "x\n" });
    expect(await collectFilesTouched(fx.r, snap)).toStrictEqual([
      "src/after.ts",
      "src/new.ts",
    ]);
  });
});

describe("detectProtectedChanges (D-PROT-2)", () => {
  it("D-PROT-2: flags changed, created and deleted protected paths only", async () => {
    const fx = await fixture();
    mkdirSync(path.join(fx.r.root, ".specfuse/.loop.lock"));
    const snap = await takeSnapshot(fx.r, request);
    expect(await detectProtectedChanges(fx.r.root, snap)).toStrictEqual([]);
    fx.repo.write({
      ".specfuse/verification.yml": "sets: {}\n",
      ".specfuse/config.yml": "max_attempts: 9\n",
      ".specfuse/.loop.lock/intruder": "x\n",
      "src/app.ts": "not protected\n",
    });
    rmSync(path.join(fx.r.root, F, "WU-01.md"));
    expect(await detectProtectedChanges(fx.r.root, snap)).toStrictEqual([
      ".specfuse/verification.yml",
      ".specfuse/config.yml",
      ".specfuse/.loop.lock",
      `${F}/WU-01.md`,
    ]);
  });

  it("D-PROT-2 / D-EVT-3: files the driver rewrote are compared with the driver's copy", async () => {
    const fx = await fixture();
    const snap = await takeSnapshot(fx.r, request);
    const events = `${fx.read(`${F}/events.jsonl`)}{"event_type": "attempt_outcome"}\n`;
    fx.repo.write({ [`${F}/events.jsonl`]: events });
    const copies = new Map([[`${F}/events.jsonl`, bytes(events)]]);
    expect(await detectProtectedChanges(fx.r.root, snap, copies)).toStrictEqual(
      [],
    );
    fx.repo.write({ [`${F}/events.jsonl`]: "agent rewrote history\n" });
    expect(await detectProtectedChanges(fx.r.root, snap, copies)).toStrictEqual(
      [`${F}/events.jsonl`],
    );
  });
});

describe("restoreAttempt (D-GIT-9)", () => {
  it("D-GIT-9: resets, deletes created files and emptied folders, puts back snapshotted and driver files", async () => {
    const fx = await fixture();
    fx.repo.write({
      "notes.txt": "mine\n",
      "cache/keep.log": "ignored before\n",
      [`${F}/PLAN.md`]: "human edit\n",
    });
    const snap = await takeSnapshot(fx.r, request);
    // The agent's attempt:
    fx.repo.write({
      "src/app.ts": "broken\n",
      "src/new/deep/file.ts": "new\n",
      [`${F}/PLAN.md`]: "agent edit\n",
      [`${F}/events.jsonl`]: "tampered\n",
      ".specfuse/verification.yml": "sets: {}\n",
      ".specfuse/config.yml": "agent: yes\n",
      "cache/agent.log": "ignored, created by the agent\n",
      "notes.txt": "agent touched U0\n",
      [`${F}/work/k/attempt-1.md`]: "driver note\n",
    });
    rmSync(path.join(fx.r.root, "README.md"));
    const driverEvents = '{"event_type": "task_started"}\n{"x": 1}\n';
    const report = await restoreAttempt(fx.r, {
      snapshot: snap,
      driverFiles: new Map([[`${F}/events.jsonl`, bytes(driverEvents)]]),
    });
    expect(fx.repo.head()).toBe(snap.headBefore);
    expect(fx.read("src/app.ts")).toBe("export const app = 1;\n");
    expect(fx.read("README.md")).toBe("# demo\n");
    expect(existsSync(path.join(fx.r.root, "src/new"))).toBe(false);
    expect(existsSync(path.join(fx.r.root, "src"))).toBe(true);
    expect(fx.read(`${F}/PLAN.md`)).toBe("human edit\n");
    expect(fx.read(`${F}/events.jsonl`)).toBe(driverEvents);
    expect(fx.read(".specfuse/verification.yml")).toContain("default");
    expect(existsSync(path.join(fx.r.root, ".specfuse/config.yml"))).toBe(
      false,
    );
    // Ignored files and U0 files are never touched; neither is the driver's work/.
    expect(fx.read("cache/keep.log")).toBe("ignored before\n");
    expect(fx.read("cache/agent.log")).toBe("ignored, created by the agent\n");
    expect(fx.read("notes.txt")).toBe("agent touched U0\n");
    expect(fx.read(`${F}/work/k/attempt-1.md`)).toBe("driver note\n");
    expect(report.deletedFiles.sort()).toStrictEqual([
      ".specfuse/config.yml",
      "src/new/deep/file.ts",
    ]);
    expect(report.deletedDirs).toStrictEqual(["src/new/deep", "src/new"]);
    expect(report.restoredFiles).toContain(`${F}/PLAN.md`);
    expect(fx.repo.git("status", "--porcelain")).toBe(
      ` M ${F}/PLAN.md\n M ${F}/events.jsonl\n?? notes.txt`,
    );
  });

  it("D-GIT-9: dropping a squash never deletes a U0 file the squash had added", async () => {
    const fx = await fixture();
    fx.repo.write({ "notes.txt": "mine\n" });
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({ "notes.txt": "edited by agent\n", "src/new.ts": "n\n" });
    const squash = await squashCommit(fx.r, snap, "feat: x\n\nFeature: A\n");
    expect(squash.kind).toBe("committed");
    expect(squash.paths).toContain("notes.txt");
    await restoreAttempt(fx.r, { snapshot: snap });
    expect(fx.repo.head()).toBe(snap.headBefore);
    expect(existsSync(path.join(fx.r.root, "src/new.ts"))).toBe(false);
    expect(fx.read("notes.txt")).toBe("edited by agent\n");
  });

  it("D-GIT-9 step 1: puts the original branch back before resetting", async () => {
    const fx = await fixture();
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.git("checkout", "-q", "-b", "elsewhere");
    fx.repo.write({ "src/app.ts": "x\n" });
    fx.repo.commitAll("agent");
    await restoreAttempt(fx.r, { snapshot: snap });
    expect(fx.repo.git("symbolic-ref", "HEAD")).toBe("refs/heads/main");
    expect(fx.repo.head()).toBe(snap.headBefore);
    expect(fx.repo.git("status", "--porcelain")).toBe("");
  });

  it("D-REC-3 step 4: restores from a checkpoint alone (head_before, branch, untracked_before)", async () => {
    const fx = await fixture();
    fx.repo.write({ "notes.txt": "mine\n" });
    const headBefore = fx.repo.head();
    fx.repo.write({ "src/app.ts": "crashed mid-edit\n", "tmp/new.txt": "x\n" });
    fx.repo.write({ "later.ts": "l\n" });
    fx.repo.commitAll("agent commit before the crash");
    writeFileSync(path.join(fx.r.root, "stray.txt"), "s\n");
    await restoreAttempt(fx.r, {
      snapshot: { headBefore, branch: "main", untrackedBefore: ["notes.txt"] },
    });
    expect(fx.repo.head()).toBe(headBefore);
    expect(fx.repo.git("status", "--porcelain")).toBe("?? notes.txt");
    expect(existsSync(path.join(fx.r.root, "stray.txt"))).toBe(false);
    expect(existsSync(path.join(fx.r.root, "tmp"))).toBe(false);
  });
});

describe("restoreAttempt and the checkpoint (D-REC-1)", () => {
  it("D-GIT-9: never rolls work/run-state.json back to the snapshot; only a driver copy replaces it", async () => {
    const fx = await fixture();
    const snap = await takeSnapshot(fx.r, request);
    expect(snap.saved.get(`${F}/work/run-state.json`)).toBeNull();
    fx.repo.write({ [`${F}/work/run-state.json`]: '{"version": 1}\n' });
    await restoreAttempt(fx.r, { snapshot: snap });
    expect(fx.read(`${F}/work/run-state.json`)).toBe('{"version": 1}\n');
    await restoreAttempt(fx.r, {
      snapshot: snap,
      driverFiles: new Map([
        [`${F}/work/run-state.json`, bytes('{"version": 1, "attempt": 2}\n')],
      ]),
    });
    expect(fx.read(`${F}/work/run-state.json`)).toBe(
      '{"version": 1, "attempt": 2}\n',
    );
  });

  it("D-PROT-3: an agent-edited lock sidecar is put back from the snapshot", async () => {
    const fx = await fixture();
    fx.repo.write({ ".specfuse/.loop.lock.json": '{"pid": 1, "host": "h"}\n' });
    const snap = await takeSnapshot(fx.r, request);
    fx.repo.write({ ".specfuse/.loop.lock.json": "{}\n" });
    expect(await detectProtectedChanges(fx.r.root, snap)).toStrictEqual([
      ".specfuse/.loop.lock.json",
    ]);
    await restoreAttempt(fx.r, { snapshot: snap });
    expect(fx.read(".specfuse/.loop.lock.json")).toBe(
      '{"pid": 1, "host": "h"}\n',
    );
  });
});
