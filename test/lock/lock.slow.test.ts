import { spawn, type ChildProcess } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { onTestFinished, describe, expect, it } from "vitest";
import { exitCodeFor } from "../../src/errors/codes.js";
import {
  isSpecfuseError,
  type SpecfuseError,
} from "../../src/errors/specfuse-error.js";
import {
  acquireLock,
  compromiseHandler,
  isLockCompromised,
  type LockContext,
} from "../../src/lock/acquire-lock.js";
import { LOCK_OPTIONS, lockPaths } from "../../src/lock/lock-options.js";
import { readLockState } from "../../src/lock/read-lock-state.js";
import { testContext } from "../helpers/context.js";
import { tempDir } from "../helpers/temp-dir.js";

const HOLDER = path.join(import.meta.dirname, "hold-lock.mjs");

function workspace(): string {
  const root = tempDir("specfuse-lock-");
  mkdirSync(path.join(root, ".specfuse", "features"), { recursive: true });
  return root;
}

/** A lock context with real host and pid, and a cleanup registry the test can fire. */
function lockContext(over: Partial<LockContext> = {}) {
  const steps: Array<() => void> = [];
  const ctx = testContext({
    host: hostname(),
    pid: process.pid,
    now: () => new Date(),
    cleanup: {
      add(step) {
        steps.push(step);
        return () => {
          const i = steps.indexOf(step);
          if (i >= 0) steps.splice(i, 1);
        };
      },
    },
    ...over,
  });
  return { ctx, steps };
}

async function heldBy(root: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [HOLDER, root, "FEAT-2026-0009"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null)
      child.kill("SIGKILL");
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("locked")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`holder exited ${code}`)));
  });
  return child;
}

async function lockError(p: Promise<unknown>): Promise<SpecfuseError> {
  try {
    await p;
  } catch (error) {
    if (isSpecfuseError(error)) return error;
    throw error;
  }
  throw new Error("expected a SpecfuseError");
}

describe("acquireLock (D-LOCK-1, D-LOCK-2)", () => {
  it("D-LOCK-1: the options are the spec's shared constant", () => {
    expect(LOCK_OPTIONS).toStrictEqual({
      realpath: false,
      stale: 30000,
      update: 10000,
      retries: 0,
    });
  });

  it("D-LOCK-2: makes the lock directory and the sidecar, in key order", async () => {
    const root = workspace();
    const { ctx } = lockContext({
      now: () => new Date("2026-11-22T02:00:00.000Z"),
    });
    const held = await acquireLock(
      { root, feature: "FEAT-2026-0001", command: "run" },
      ctx,
    );
    const paths = lockPaths(root);
    expect(statSync(paths.lockDir).isDirectory()).toBe(true);
    const text = readFileSync(paths.sidecar, "utf8");
    expect(Object.keys(JSON.parse(text) as object)).toStrictEqual([
      "pid",
      "host",
      "started_at",
      "feature",
      "command",
      "version",
    ]);
    expect(JSON.parse(text)).toStrictEqual({
      pid: process.pid,
      host: hostname(),
      started_at: "2026-11-22T02:00:00.000Z",
      feature: "FEAT-2026-0001",
      command: "run",
      version: "0.4.0",
    });
    expect(held.holder.pid).toBe(process.pid);
    // Written by temp file + rename: no temp file is left behind.
    expect(readdirSync(path.join(root, ".specfuse")).sort()).toStrictEqual([
      ".loop.lock",
      ".loop.lock.json",
      "features",
    ]);
    await held.release();
    expect(existsSync(paths.lockDir)).toBe(false);
    expect(existsSync(paths.sidecar)).toBe(false);
  });

  it("D-LOCK-2: upgrade locks without a feature", async () => {
    const root = workspace();
    const { ctx } = lockContext();
    const held = await acquireLock(
      { root, feature: null, command: "upgrade" },
      ctx,
    );
    const sidecar = JSON.parse(
      readFileSync(lockPaths(root).sidecar, "utf8"),
    ) as {
      feature: unknown;
    };
    expect(sidecar.feature).toBeNull();
    await held.release();
  });

  it("D-LOCK-3: a regular file at .loop.lock is removed with a notice", async () => {
    const root = workspace();
    writeFileSync(lockPaths(root).lockDir, "12345\n");
    const { ctx } = lockContext();
    const held = await acquireLock({ root, feature: "F", command: "run" }, ctx);
    expect(statSync(lockPaths(root).lockDir).isDirectory()).toBe(true);
    expect(ctx.stderr.text()).toContain(
      "warning[legacy_lock_removed]: removed .specfuse/.loop.lock",
    );
    await held.release();
  });
});

describe("contention (D-LOCK-4)", () => {
  it("D-LOCK-4: a live holder in another process → lock_held (exit 3) with its details", async () => {
    const root = workspace();
    const holder = await heldBy(root);
    const { ctx } = lockContext();
    const e = await lockError(
      acquireLock({ root, feature: "FEAT-2026-0001", command: "arm" }, ctx),
    );
    expect(e.code).toBe("lock_held");
    expect(exitCodeFor(e.code)).toBe(3);
    expect(e.message).toContain(`pid ${holder.pid ?? 0} on this host`);
    expect(e.detail).toContain("specfuse run --feature FEAT-2026-0009");
    expect(e.detail).toContain(hostname());
    expect(e.detail).toMatch(/started: \d{4}-\d\d-\d\dT[^ ]+ \(\d+s ago\)/);
    expect(e.hint).toContain("specfuse status");
    expect(e.hint).toContain("--dry-run");
    // The holder's lock is untouched.
    const state = await readLockState(root, {
      host: hostname(),
      now: new Date(),
    });
    expect(state.state).toBe("held");
    expect(state.holder?.pid).toBe(holder.pid);
    expect(state.isHolderAlive).toBe(true);
  });

  it("D-LOCK-4: after kill -9 the next acquire breaks the dead pid's lock at once", async () => {
    const root = workspace();
    const holder = await heldBy(root);
    const deadPid = holder.pid;
    const exited = new Promise((r) => holder.on("exit", r));
    holder.kill("SIGKILL");
    await exited;
    expect(existsSync(lockPaths(root).lockDir)).toBe(true);
    expect(
      (await readLockState(root, { host: hostname(), now: new Date() })).state,
    ).toBe("dead");
    const { ctx } = lockContext();
    const held = await acquireLock({ root, feature: "F", command: "run" }, ctx);
    expect(held.holder.pid).toBe(process.pid);
    expect(ctx.stderr.text()).toContain(
      `warning[lock_broken]: removed the lock of pid ${deadPid ?? 0}`,
    );
    const sidecar = JSON.parse(
      readFileSync(lockPaths(root).sidecar, "utf8"),
    ) as {
      pid: number;
    };
    expect(sidecar.pid).toBe(process.pid);
    await held.release();
  });

  it("D-LOCK-4: a dead pid on another host is not broken", async () => {
    const root = workspace();
    const paths = lockPaths(root);
    mkdirSync(paths.lockDir);
    writeFileSync(
      paths.sidecar,
      JSON.stringify({
        pid: await deadPid(),
        host: "elsewhere",
        started_at: "",
        feature: null,
        command: "run",
        version: "0.4.0",
      }),
    );
    const { ctx } = lockContext();
    const e = await lockError(
      acquireLock({ root, feature: "F", command: "run" }, ctx),
    );
    expect(e.code).toBe("lock_held");
    expect(e.message).toContain("on elsewhere");
    expect(existsSync(paths.lockDir)).toBe(true);
  });

  it("D-LOCK-4: a fresh lock without a sidecar → lock_held explaining the 30 s stale rule", async () => {
    const root = workspace();
    mkdirSync(lockPaths(root).lockDir);
    const { ctx } = lockContext();
    const e = await lockError(
      acquireLock({ root, feature: "F", command: "run" }, ctx),
    );
    expect(e.code).toBe("lock_held");
    expect(e.hint).toContain("stale 30 s after its last refresh");
  });

  it("D-LOCK-1: a lock not refreshed for over 30 s is taken over", async () => {
    const root = workspace();
    const paths = lockPaths(root);
    mkdirSync(paths.lockDir);
    const old = new Date(Date.now() - 60_000);
    utimesSync(paths.lockDir, old, old);
    expect(
      (await readLockState(root, { host: hostname(), now: new Date() })).state,
    ).toBe("stale");
    const { ctx } = lockContext();
    const held = await acquireLock({ root, feature: "F", command: "run" }, ctx);
    expect(held.holder.pid).toBe(process.pid);
    await held.release();
  });
});

describe("release (D-LOCK-5, D-LOCK-6, D-SIGNAL-4)", () => {
  it("D-LOCK-6: release is idempotent and also clears a lock directory with content", async () => {
    const root = workspace();
    const { ctx } = lockContext();
    const held = await acquireLock({ root, feature: "F", command: "run" }, ctx);
    writeFileSync(path.join(held.paths.lockDir, "intruder"), "x");
    await held.release();
    await held.release();
    expect(existsSync(held.paths.lockDir)).toBe(false);
    const again = await acquireLock(
      { root, feature: "F", command: "run" },
      ctx,
    );
    await again.release();
  });

  it("D-LOCK-5: the sidecar is removed only while it names this pid", async () => {
    const root = workspace();
    const { ctx } = lockContext();
    const held = await acquireLock({ root, feature: "F", command: "run" }, ctx);
    const theirs = {
      pid: 999999,
      host: hostname(),
      started_at: "",
      feature: "G",
      command: "run",
      version: "x",
    };
    writeFileSync(held.paths.sidecar, JSON.stringify(theirs));
    await held.release();
    expect(JSON.parse(readFileSync(held.paths.sidecar, "utf8"))).toStrictEqual(
      theirs,
    );
  });

  it("D-SIGNAL-4: the forced-exit cleanup releases synchronously; release unregisters it", async () => {
    const root = workspace();
    const { ctx, steps } = lockContext();
    const held = await acquireLock({ root, feature: "F", command: "run" }, ctx);
    expect(steps).toHaveLength(1);
    steps[0]?.();
    expect(existsSync(held.paths.lockDir)).toBe(false);
    expect(existsSync(held.paths.sidecar)).toBe(false);
    await held.release();
    expect(steps).toHaveLength(0);
  });

  it("D-LOCK-5: onCompromised never throws, aborts with lock_compromised and disarms the cleanup", () => {
    const state = { isCompromised: false };
    const lost = new AbortController();
    let isDisarmed = false;
    const handler = compromiseHandler(state, lost, () => {
      isDisarmed = true;
    });
    expect(() =>
      handler(new Error("ECOMPROMISED: lock dir vanished")),
    ).not.toThrow();
    expect(state.isCompromised).toBe(true);
    expect(isDisarmed).toBe(true);
    expect(lost.signal.aborted).toBe(true);
    expect(isLockCompromised(lost.signal.reason)).toBe(true);
    expect((lost.signal.reason as SpecfuseError).code).toBe("lock_compromised");
    expect(isLockCompromised("SIGINT")).toBe(false);
    const throwing = compromiseHandler(state, undefined, () => {
      throw new Error("boom");
    });
    expect(() => throwing(new Error("x"))).not.toThrow();
  });
});

describe("readLockState (D-STAT-1, doctor)", () => {
  it("free, with or without a reference leftover file", async () => {
    const root = workspace();
    const self = { host: hostname(), now: new Date() };
    expect(await readLockState(root, self)).toStrictEqual({
      state: "free",
      holder: null,
      isHolderAlive: null,
      refreshedMsAgo: null,
      hasLegacyFile: false,
    });
    writeFileSync(lockPaths(root).lockDir, "");
    expect((await readLockState(root, self)).hasLegacyFile).toBe(true);
  });

  it("held by this live process; unknown liveness on another host", async () => {
    const root = workspace();
    const { ctx } = lockContext();
    const held = await acquireLock({ root, feature: "F", command: "run" }, ctx);
    const here = await readLockState(root, {
      host: hostname(),
      now: new Date(),
    });
    expect(here.state).toBe("held");
    expect(here.isHolderAlive).toBe(true);
    expect(here.holder?.feature).toBe("F");
    expect(here.refreshedMsAgo).toBeLessThan(LOCK_OPTIONS.stale);
    const there = await readLockState(root, { host: "other", now: new Date() });
    expect(there.state).toBe("held");
    expect(there.isHolderAlive).toBeNull();
    await held.release();
  });
});

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((r) => child.on("exit", r));
  return child.pid ?? 999999;
}
