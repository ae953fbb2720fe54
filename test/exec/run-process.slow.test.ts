import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  runProcess,
  type ProcessSpec,
  type RunProcessOptions,
} from "../../src/exec/run-process.js";
import { fixtureBin } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { eventually, isDead, pgidOf } from "../helpers/process-state.js";

const TIMINGS = {
  killGraceMs: 200,
  pipeWaitMs: 200,
  orphanPipeMs: 300,
  resultLingerMs: 300,
};
const BASE_ENV = { PATH: process.env.PATH ?? "/usr/bin:/bin" };

function spec(
  file: string,
  args: string[] = [],
  extra: Partial<ProcessSpec> = {},
): ProcessSpec {
  return { file, args, cwd: tempDir(), env: BASE_ENV, stdin: null, ...extra };
}
const sh = (script: string, extra: Partial<ProcessSpec> = {}) =>
  spec("/bin/sh", ["-c", script], extra);
const run = (s: ProcessSpec, o: Partial<RunProcessOptions> = {}) =>
  runProcess(s, { timings: TIMINGS, ...o });

function logOf(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("runProcess: spawning (D-DISP-2)", () => {
  it("passes argv verbatim with no shell, writes stdin and closes it, and uses exactly the given env", async () => {
    const dir = tempDir();
    const log = path.join(dir, "log.jsonl");
    const result = await run(
      spec(
        fixtureBin("agent-pass"),
        ["-p", "two words", "$HOME", "*", "--output-format", "json"],
        {
          cwd: dir,
          stdin: "the prompt\nline two",
          env: { ...BASE_ENV, SPECFUSE_FAKE_AGENT_LOG: log, ONLY_THIS: "1" },
        },
      ),
    );
    expect(result.failed).toBe(false);
    expect(result.exitCode).toBe(0);
    const [entry] = logOf(log);
    expect(entry?.argv).toStrictEqual([
      "-p",
      "two words",
      "$HOME",
      "*",
      "--output-format",
      "json",
    ]);
    expect(entry?.stdin).toBe("the prompt\nline two");
    expect(entry?.stdinClosed).toBe(true);
    expect(entry?.envKeys).toStrictEqual(
      expect.arrayContaining(["ONLY_THIS", "PATH", "SPECFUSE_FAKE_AGENT_LOG"]),
    );
    expect(entry?.envKeys).not.toContain("HOME");
    expect(entry?.cwd).toBe(dir);
  });

  it("starts the child in its own process group and reports the pid before it ends", async () => {
    let seen: { pid: number; pgid: number | null } | null = null;
    const result = await run(sh("sleep 0.2"), {
      onSpawn: (pid) => {
        seen = { pid, pgid: pgidOf(pid) };
      },
    });
    expect(seen).not.toBeNull();
    expect(seen!.pid).toBe(result.pid);
    expect(seen!.pgid).toBe(seen!.pid);
    expect(seen!.pgid).not.toBe(pgidOf(process.pid));
  });

  it("ignores stdin when none is given (reads see end of file at once)", async () => {
    const result = await run(sh("cat; echo done"));
    expect(result.stdout).toBe("done\n");
  });

  it("reports a non-zero exit as failed, without throwing", async () => {
    const result = await run(sh("echo out; echo err >&2; exit 3"));
    expect(result).toMatchObject({
      exitCode: 3,
      signal: null,
      failed: true,
      timedOut: false,
      inactive: false,
      canceled: false,
      stdout: "out\n",
      stderr: "err\n",
      all: "",
      spawnError: null,
      shortMessage: "exited with code 3",
    });
  });

  it("D-DISP-7: a missing executable comes back as spawnError ENOENT", async () => {
    const result = await run(spec("/nonexistent/agent-binary"));
    expect(result.spawnError).toBe("ENOENT");
    expect(result.failed).toBe(true);
    expect(result.pid).toBeNull();
    expect(result.shortMessage).toMatch(
      /could not start: ENOENT \(not found\)/,
    );
  });

  it("a file without the executable bit comes back as spawnError EACCES", async () => {
    const dir = tempDir();
    const file = path.join(dir, "agent");
    writeFileSync(file, "#!/bin/sh\necho hi\n");
    chmodSync(file, 0o644);
    const result = await run(spec(file, [], { cwd: dir }));
    expect(result.spawnError).toBe("EACCES");
  });

  it("survives a large stdin that the child never reads", async () => {
    const result = await run(sh("exit 0", { stdin: "x".repeat(2_000_000) }));
    expect(result.exitCode).toBe(0);
    expect(result.spawnError).toBeNull();
  });
});

describe("runProcess: output", () => {
  it("delivers stdout lines and stderr text as they arrive", async () => {
    const lines: string[] = [];
    let err = "";
    const result = await run(
      sh("printf 'a\\nb'; sleep 0.05; printf 'c\\r\\nlast'; printf 'é' >&2"),
      { onStdoutLine: (l) => lines.push(l), onStderr: (t) => (err += t) },
    );
    expect(lines).toStrictEqual(["a", "bc", "last"]);
    expect(err).toBe("é");
    expect(result.stdout).toBe("a\nbc\r\nlast");
  });

  it("D-VER-4: merges stdout and stderr in arrival order into `all`", async () => {
    const result = await run(
      sh("echo one; sleep 0.05; echo two >&2; sleep 0.05; echo three"),
      { isMerged: true },
    );
    expect(result.all).toBe("one\ntwo\nthree\n");
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("");
  });

  it("keeps only the newest stderr bytes and counts what it dropped", async () => {
    const result = await run(
      sh("i=0; while [ $i -lt 100 ]; do echo line$i >&2; i=$((i+1)); done"),
      { stderrLimitBytes: 64 },
    );
    expect(Buffer.byteLength(result.stderr)).toBeLessThanOrEqual(64);
    expect(result.stderr.endsWith("line99\n")).toBe(true);
    expect(result.droppedBytes).toBeGreaterThan(0);
  });
});

describe("runProcess: limits and tree kill (D-DISP-3, D-DISP-4)", () => {
  it("wall clock: kills the whole group, grandchild included", async () => {
    const dir = tempDir();
    const pidFile = path.join(dir, "grandchild.pid");
    const result = await run(
      spec(fixtureBin("agent-grandchild"), [], {
        cwd: dir,
        env: { ...BASE_ENV, SPECFUSE_FAKE_GRANDCHILD_PID_FILE: pidFile },
      }),
      { wallClockMs: 600 },
    );
    expect(result.timedOut).toBe(true);
    expect(result.inactive).toBe(false);
    expect(result.failed).toBe(true);
    expect(result.shortMessage).toBe(
      "timed out after 0.6s; process group killed",
    );
    const grandchild = Number(readFileSync(pidFile, "utf8"));
    expect(grandchild).toBeGreaterThan(1);
    expect(isDead(grandchild)).toBe(true);
  });

  it("escalates to SIGKILL when the group ignores SIGTERM", async () => {
    const dir = tempDir();
    const pidFile = path.join(dir, "grandchild.pid");
    const result = await run(
      spec(fixtureBin("agent-grandchild"), [], {
        cwd: dir,
        env: {
          ...BASE_ENV,
          SPECFUSE_FAKE_GRANDCHILD_PID_FILE: pidFile,
          SPECFUSE_FAKE_IGNORE_TERM: "1",
        },
      }),
      { wallClockMs: 500 },
    );
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe("SIGKILL");
    expect(isDead(Number(readFileSync(pidFile, "utf8")))).toBe(true);
  });

  it("inactivity: a silent child is killed; activity keeps a busy one alive", async () => {
    const silent = await run(spec(fixtureBin("agent-silent")), {
      inactivityMs: 400,
      wallClockMs: 5000,
    });
    expect(silent.inactive).toBe(true);
    expect(silent.timedOut).toBe(false);
    expect(silent.shortMessage).toBe(
      "no output for 0.4s; process group killed",
    );
    const busy = await run(spec(fixtureBin("agent-hang")), {
      inactivityMs: 400,
      wallClockMs: 1200,
    });
    expect(busy.timedOut).toBe(true);
    expect(busy.inactive).toBe(false);
    expect(busy.stdout.split("\n").length).toBeGreaterThan(5);
  });

  it("a stderr byte counts as activity", async () => {
    const result = await run(
      sh(
        "i=0; while [ $i -lt 8 ]; do printf x >&2; sleep 0.1; i=$((i+1)); done",
      ),
      { inactivityMs: 400 },
    );
    expect(result.inactive).toBe(false);
    expect(result.exitCode).toBe(0);
  });

  it("D-SIGNAL-2: an abort kills the group and reports canceled", async () => {
    const abort = new AbortController();
    const started = Date.now();
    const promise = run(spec(fixtureBin("agent-hang")), {
      signal: abort.signal,
      onStdoutLine: () => abort.abort(),
    });
    const result = await promise;
    expect(result.canceled).toBe(true);
    expect(result.timedOut).toBe(false);
    expect(result.shortMessage).toBe(
      "stopped on request; process group killed",
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("an already aborted signal starts nothing", async () => {
    const abort = new AbortController();
    abort.abort();
    let spawned = false;
    const result = await run(sh("echo never"), {
      signal: abort.signal,
      onSpawn: () => (spawned = true),
    });
    expect(spawned).toBe(false);
    expect(result.canceled).toBe(true);
    expect(result.pid).toBeNull();
  });

  it("D-DISP-4: a result line followed by lingering kills the group and is not a timeout", async () => {
    const dir = tempDir();
    const script = path.join(dir, "script.json");
    writeFileSync(
      script,
      JSON.stringify([{ linger_ms: 20_000, result: { status: "complete" } }]),
    );
    const result = await run(
      spec(fixtureBin("agent-script"), ["--output-format", "stream-json"], {
        cwd: dir,
        env: { ...BASE_ENV, SPECFUSE_FAKE_AGENT_SCRIPT: script },
      }),
      {
        isTerminalLine: (line) => line.includes('"type":"result"'),
        wallClockMs: 10_000,
      },
    );
    expect(result.hasLingered).toBe(true);
    expect(result.timedOut).toBe(false);
    expect(result.inactive).toBe(false);
    expect(result.stdout).toMatch(/"type":"result"/);
  });

  it("AG-RES-4: any backend's terminal line (isTerminalLine) arms the same linger kill", async () => {
    const seen: string[] = [];
    const result = await run(sh("echo working; echo DONE-MARKER; sleep 20"), {
      isTerminalLine: (line) => {
        seen.push(line);
        return line === "DONE-MARKER";
      },
      wallClockMs: 10_000,
    });
    expect(seen).toStrictEqual(["working", "DONE-MARKER"]);
    expect(result.hasLingered).toBe(true);
    expect(result.timedOut).toBe(false);
  });

  it("without result watching, a lingering agent runs to its own exit", async () => {
    const dir = tempDir();
    const script = path.join(dir, "script.json");
    writeFileSync(script, JSON.stringify([{ linger_ms: 700 }]));
    const result = await run(
      spec(fixtureBin("agent-script"), ["--output-format", "stream-json"], {
        cwd: dir,
        env: { ...BASE_ENV, SPECFUSE_FAKE_AGENT_SCRIPT: script },
      }),
    );
    expect(result.hasLingered).toBe(false);
    expect(result.exitCode).toBe(0);
  });

  it("D-DISP-4: a child that exits while a grandchild holds its pipes gets its group killed", async () => {
    const dir = tempDir();
    const pidFile = path.join(dir, "grandchild.pid");
    const result = await run(
      spec(fixtureBin("agent-grandchild"), ["--output-format", "stream-json"], {
        cwd: dir,
        env: {
          ...BASE_ENV,
          SPECFUSE_FAKE_GRANDCHILD: "exit",
          SPECFUSE_FAKE_GRANDCHILD_PID_FILE: pidFile,
        },
      }),
      { wallClockMs: 10_000 },
    );
    expect(result.hasOrphanPipes).toBe(true);
    expect(result.exitCode).toBe(0);
    expect(result.failed).toBe(false);
    expect(result.timedOut).toBe(false);
    expect(result.stdout).toMatch(/"type":"result"/);
    expect(isDead(Number(readFileSync(pidFile, "utf8")))).toBe(true);
  });

  it("no group member outlives the call, even one that let go of the pipes", async () => {
    const result = await run(sh("sleep 30 >/dev/null 2>&1 & echo $!"));
    expect(result.exitCode).toBe(0);
    const leftover = Number(result.stdout.trim());
    expect(await eventually(() => isDead(leftover))).toBe(true);
  });
});
