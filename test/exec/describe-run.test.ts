import { describe, expect, it } from "vitest";
import { describeRun, type RunFacts } from "../../src/exec/describe-run.js";

const facts = (over: Partial<RunFacts>): RunFacts => ({
  reason: "exited",
  command: "x",
  cwd: "/",
  durationMs: 1,
  stdout: "",
  stderr: "",
  all: "",
  droppedBytes: 0,
  pid: 42,
  exitCode: 0,
  signal: null,
  ...over,
});

describe("describeRun (architecture §4.5: one shape for success and failure)", () => {
  it.each([
    [{}, false, "exited with code 0"],
    [{ exitCode: 2 }, true, "exited with code 2"],
    [{ exitCode: null, signal: "SIGSEGV" }, true, "killed by SIGSEGV"],
    [
      { reason: "timed_out", limitMs: 1500, exitCode: null, signal: "SIGTERM" },
      true,
      "timed out after 1.5s; process group killed",
    ],
    [
      {
        reason: "inactive",
        limitMs: 1_200_000,
        exitCode: null,
        signal: "SIGTERM",
      },
      true,
      "no output for 1200s; process group killed",
    ],
    [
      { reason: "canceled", exitCode: null, signal: "SIGTERM" },
      true,
      "stopped on request; process group killed",
    ],
    [
      { reason: "canceled", pid: null, exitCode: null },
      true,
      "not started: a stop was requested",
    ],
    [
      {
        reason: "lingered",
        limitMs: 30_000,
        exitCode: null,
        signal: "SIGTERM",
      },
      true,
      "printed its result but was still running 30s later; process group killed",
    ],
    [
      { reason: "orphan_pipes", limitMs: 10_000 },
      false,
      "exited with code 0, but descendants held its output open for 10s; process group killed",
    ],
    [
      {
        reason: "spawn_error",
        spawnError: "ENOENT",
        pid: null,
        exitCode: null,
      },
      true,
      "could not start: ENOENT (not found)",
    ],
    [
      {
        reason: "spawn_error",
        spawnError: "EACCES",
        pid: null,
        exitCode: null,
      },
      true,
      "could not start: EACCES (permission denied (is it executable?))",
    ],
  ] as const)("%o → failed=%s, %s", (over, failed, message) => {
    const r = describeRun(facts(over as Partial<RunFacts>));
    expect(r.failed).toBe(failed);
    expect(r.shortMessage).toBe(message);
  });

  it("sets exactly one trigger flag per reason, and canceled also when a stop came late", () => {
    const timed = describeRun(facts({ reason: "timed_out", canceled: true }));
    expect([timed.timedOut, timed.inactive, timed.canceled]).toStrictEqual([
      true,
      false,
      true,
    ]);
    const inactive = describeRun(facts({ reason: "inactive" }));
    expect([
      inactive.timedOut,
      inactive.inactive,
      inactive.canceled,
    ]).toStrictEqual([false, true, false]);
    expect(describeRun(facts({ reason: "lingered" })).hasLingered).toBe(true);
    expect(describeRun(facts({ reason: "orphan_pipes" })).hasOrphanPipes).toBe(
      true,
    );
  });

  it("keeps the documented key order", () => {
    expect(Object.keys(describeRun(facts({})))).toStrictEqual([
      "command",
      "cwd",
      "durationMs",
      "exitCode",
      "signal",
      "failed",
      "timedOut",
      "inactive",
      "canceled",
      "stdout",
      "stderr",
      "all",
      "shortMessage",
      "pid",
      "spawnError",
      "hasLingered",
      "hasOrphanPipes",
      "droppedBytes",
      "outputFile",
      "containment",
      "strayCount",
    ]);
  });

  it("names the leftovers a run's end killed, without failing an exit 0 (issue 9)", () => {
    const one = describeRun(facts({ strayCount: 1 }));
    expect(one.failed).toBe(false);
    expect(one.shortMessage).toBe(
      "exited with code 0; 1 process it left running was killed",
    );
    expect(describeRun(facts({ strayCount: 3 })).shortMessage).toBe(
      "exited with code 0; 3 processes it left running were killed",
    );
  });
});
