import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  createContainment,
  MARKER_PREFIX,
  reopenContainment,
  type Containment,
} from "../../src/exec/containment.js";
import {
  runProcess,
  type RunProcessOptions,
} from "../../src/exec/run-process.js";
import { eventually, isDead } from "../helpers/process-state.js";
import { fixtureBin } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const TIMINGS = {
  killGraceMs: 200,
  pipeWaitMs: 200,
  orphanPipeMs: 300,
  resultLingerMs: 300,
};
const ENV = { PATH: process.env.PATH ?? "/usr/bin:/bin" };
const LEAVE = fixtureBin("leave-daemon");

// Whether this machine lets us create a cgroup v2 (root, or a delegated user cgroup).
const probe = createContainment();
const HAS_CGROUP = probe.kind === "cgroup";
await probe.close({ graceMs: 0 });

// The containments under test: a cgroup where the machine allows one, and always the /proc sweep.
const MODES: Array<{ name: string; make: () => Containment }> = [
  ...(HAS_CGROUP ? [{ name: "cgroup", make: () => createContainment() }] : []),
  { name: "sweep", make: () => createContainment({ cgroupParent: null }) },
];

// Kills a pid the test started if it is still there at the end (a failing test must not leak a daemon).
function reap(pid: number): number {
  onTestFinished(() => {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone, as it should be
    }
  });
  return pid;
}

async function leaveDaemon(
  containment: Containment | undefined,
  args: string[],
  options: Partial<RunProcessOptions> = {},
) {
  const dir = tempDir();
  const pidFile = path.join(dir, "daemon.pid");
  const result = await runProcess(
    { file: LEAVE, args: [pidFile, ...args], cwd: dir, env: ENV, stdin: null },
    {
      timings: TIMINGS,
      wallClockMs: 10_000,
      ...(containment === undefined ? {} : { containment }),
      ...options,
    },
  );
  const daemon = reap(Number(readFileSync(pidFile, "utf8")));
  return { result, daemon, dir };
}

describe.each(MODES)(
  "containment by $name (issue 9: every process ends with the run)",
  ({ name, make }) => {
    for (const mode of ["setsid", "double-fork"] as const)
      it(`a ${mode} daemon that ignores SIGTERM is gone when the run returns`, async () => {
        const containment = make();
        const { result, daemon } = await leaveDaemon(containment, [
          "--mode",
          mode,
          "--ignore-term",
        ]);
        await containment.close({ graceMs: 0 });
        expect(result.exitCode).toBe(0);
        expect(result.failed).toBe(false);
        expect(result.strayCount).toBeGreaterThanOrEqual(1);
        expect(result.shortMessage).toMatch(
          /it left running (was|were) killed$/,
        );
        expect(await eventually(() => isDead(daemon))).toBe(true);
      });

    it("a daemon that edits the tree after the run never gets to (the PASS-then-edit case)", async () => {
      const dir = tempDir();
      const target = path.join(dir, "verification.yml");
      const containment = make();
      const { daemon } = await leaveDaemon(containment, [
        "--mode",
        "setsid",
        "--touch",
        target,
        "--after-ms",
        "400",
      ]);
      await containment.close({ graceMs: 0 });
      expect(isDead(daemon)).toBe(true);
      await new Promise((r) => setTimeout(r, 700));
      expect(existsSync(target)).toBe(false);
    });

    it("a check is over when its process exits: a detached child holding stdout neither fails nor delays it", async () => {
      const started = performance.now();
      const { result, daemon } = await leaveDaemon(
        make(),
        ["--mode", "setsid", "--hold", "--ignore-term"],
        { isMerged: true, isOverAtExit: true, wallClockMs: 20_000 },
      );
      expect(result).toMatchObject({
        exitCode: 0,
        signal: null,
        failed: false,
        timedOut: false,
        hasOrphanPipes: false,
      });
      expect(result.all).toContain("left a daemon behind");
      expect(isDead(daemon)).toBe(true);
      // killGraceMs + pipeWaitMs at most, not the orphan wait plus a kill (17 s at the production values).
      expect(performance.now() - started).toBeLessThan(3000);
    });

    it("the agent keeps D-DISP-4's orphan-pipe wait, and a clean exit 0 is still not reported as killed", async () => {
      const { result, daemon } = await leaveDaemon(make(), [
        "--mode",
        "setsid",
        "--hold",
        "--ignore-term",
      ]);
      expect(result.hasOrphanPipes).toBe(true);
      expect(result.exitCode).toBe(0);
      expect(result.signal).toBeNull();
      expect(result.failed).toBe(false);
      expect(isDead(daemon)).toBe(true);
    });

    it("every contained process starts with the run's marker in its environment", async () => {
      const containment = make();
      const dir = tempDir();
      const result = await runProcess(
        {
          file: "/bin/sh",
          args: ["-c", "env"],
          cwd: dir,
          env: ENV,
          stdin: null,
        },
        { timings: TIMINGS, containment },
      );
      await containment.close({ graceMs: 0 });
      expect(result.stdout).toContain(`${MARKER_PREFIX}${containment.token}=1`);
      expect(result.containment).toBe(name);
    });

    it("crash recovery: a reopened record sweeps what a dead driver's run left", async () => {
      const containment = make();
      const dir = tempDir();
      // A process started with the marker, as anything the dead run started would have been.
      const orphan = spawn(
        process.execPath,
        ["-e", "setInterval(() => {}, 1000)"],
        {
          cwd: dir,
          detached: true,
          stdio: "ignore",
          env: { ...ENV, ...containment.env },
        },
      );
      orphan.unref();
      const pid = reap(orphan.pid as number);
      const record = JSON.parse(
        JSON.stringify(containment.record()),
      ) as ReturnType<Containment["record"]>;
      expect(record.token).toBe(containment.token);
      const report = await reopenContainment(record).close({ graceMs: 100 });
      expect(report.found).toContain(pid);
      expect(await eventually(() => isDead(pid))).toBe(true);
    });

    it("killNow stops everything at once (D-SIGNAL-4 forced exit)", async () => {
      const containment = make();
      const dir = tempDir();
      const pidFile = path.join(dir, "daemon.pid");
      const abort = new AbortController();
      const running = runProcess(
        {
          file: LEAVE,
          args: [pidFile, "--mode", "setsid", "--ignore-term", "--wait"],
          cwd: dir,
          env: ENV,
          stdin: null,
        },
        {
          timings: { ...TIMINGS, killGraceMs: 60_000 },
          containment,
          signal: abort.signal,
          onStdoutLine: () => {
            containment.killNow();
          },
        },
      );
      const result = await running;
      const daemon = reap(Number(readFileSync(pidFile, "utf8")));
      expect(result.signal).toBe("SIGKILL");
      expect(await eventually(() => isDead(daemon))).toBe(true);
      await containment.close({ graceMs: 0 });
    });
  },
);

describe.runIf(HAS_CGROUP)("containment by cgroup v2", () => {
  it("catches a daemon that left its session and scrubbed its environment, and removes the cgroup after", async () => {
    const containment = createContainment();
    const dir =
      containment.cgroupProcsFile === null
        ? ""
        : path.dirname(containment.cgroupProcsFile);
    const { daemon } = await leaveDaemon(containment, [
      "--mode",
      "scrubbed",
      "--ignore-term",
    ]);
    expect(await eventually(() => isDead(daemon))).toBe(true);
    await containment.close({ graceMs: 0 });
    expect(existsSync(dir)).toBe(false);
  });

  it("starts the program inside the cgroup (joined before exec), with the spawn errors of a direct start", async () => {
    const containment = createContainment();
    const dir = tempDir();
    const inside = await runProcess(
      {
        file: "sh",
        args: ["-c", "cat /proc/self/cgroup"],
        cwd: dir,
        env: ENV,
        stdin: null,
      },
      { timings: TIMINGS, containment },
    );
    expect(inside.stdout).toContain(
      path.basename(path.dirname(containment.cgroupProcsFile as string)),
    );
    const missing = await runProcess(
      {
        file: "no-such-agent-anywhere",
        args: [],
        cwd: dir,
        env: ENV,
        stdin: null,
      },
      { timings: TIMINGS, containment },
    );
    expect(missing.spawnError).toBe("ENOENT");
    await containment.close({ graceMs: 0 });
  });
});

describe("full output to a file, bounded in memory (issue 9: bounded resources)", () => {
  it("streams every byte to outputFile while memory keeps only the window", async () => {
    const dir = tempDir();
    const file = path.join(dir, "out", "agent.log");
    const result = await runProcess(
      {
        file: process.execPath,
        args: [
          "-e",
          "const b = Buffer.alloc(65536, 120); for (let i = 0; i < 160; i++) process.stdout.write(b); process.stdout.write('\\nEND\\n')",
        ],
        cwd: dir,
        env: ENV,
        stdin: null,
      },
      { timings: TIMINGS, outputFile: file, stdoutLimitBytes: 1024 },
    );
    expect(result.outputFile).toBe(file);
    expect(statSync(file).size).toBe(160 * 65536 + 5);
    expect(Buffer.byteLength(result.stdout)).toBeLessThanOrEqual(1024);
    expect(result.stdout.endsWith("\nEND\n")).toBe(true);
  });

  it("caps the file and says so at its end", async () => {
    const dir = tempDir();
    const file = path.join(dir, "check.log");
    await runProcess(
      {
        file: "/bin/sh",
        args: [
          "-c",
          "i=0; while [ $i -lt 200 ]; do echo line$i; i=$((i+1)); done",
        ],
        cwd: dir,
        env: ENV,
        stdin: null,
      },
      {
        timings: TIMINGS,
        outputFile: file,
        outputFileLimitBytes: 100,
        isMerged: true,
      },
    );
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("line0\nline1\n")).toBe(true);
    expect(text).toMatch(
      /\[specfuse: output file cut at 100 bytes; \d+ more bytes not written\]\n$/,
    );
  });

  it("EV-CAP-1: a captured check keeps head and tail with the elision marker", async () => {
    const dir = tempDir();
    const result = await runProcess(
      {
        file: process.execPath,
        args: [
          "-e",
          "process.stdout.write(Array.from({ length: 12000 }, (_, i) => '\\u001b[31mline ' + i + '\\u001b[0m ' + 'x'.repeat(100) + '\\n').join(''))",
        ],
        cwd: dir,
        env: ENV,
        stdin: null,
      },
      { timings: TIMINGS, isMerged: true, isCaptured: true },
    );
    expect(result.all.startsWith(`line 0 ${"x".repeat(100)}\nline 1 `)).toBe(
      true,
    );
    expect(result.all).toMatch(/\n\[specfuse: \d+ bytes elided\]\n/);
    expect(result.all.endsWith(`line 11999 ${"x".repeat(100)}\n`)).toBe(true);
    expect(result.all).not.toContain("\u001b");
    expect(result.droppedBytes).toBeGreaterThan(0);
  });
});
