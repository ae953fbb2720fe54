import {
  chmodSync,
  copyFileSync,
  existsSync,
  readFileSync,
  symlinkSync,
} from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { isDead } from "../../helpers/process-state.js";
import {
  driverRepo,
  writes,
  type DriverRepo,
} from "../../helpers/driver-repo.js";
import type { FeatureSpec } from "../../helpers/feature-tree.js";
import { PROJECT_ROOT } from "../../helpers/run-cli.js";

const ALWAYS = [
  "code:",
  "  - name: tests",
  '    command: "true"',
  "plannext:",
  "  - name: p",
  '    command: "true"',
  "",
].join("\n");
const SPEC: FeatureSpec = {
  verification: ALWAYS,
  gates: [
    {
      number: 1,
      units: [
        { suffix: "T01" },
        { suffix: "G1-CLOSE", type: "close", deps: ["T01"] },
      ],
    },
  ],
};

async function waitFor<T>(probe: () => T | null, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

function checkpointPgid(repo: DriverRepo): number | null {
  const file = repo.featurePath("work/run-state.json");
  if (!existsSync(file)) return null;
  try {
    const state = JSON.parse(readFileSync(file, "utf8")) as {
      agent_pgid: number | null;
    };
    return state.agent_pgid;
  } catch {
    return null;
  }
}

describe("signals and crashes (driver §20, §21)", () => {
  it("D-SIGNAL-2: SIGINT during an attempt kills the agent, restores, sets pending at a−1, commits and exits 130", async () => {
    const repo = driverRepo(SPEC);
    const child = repo.spawn(["run"], {
      script: [{ early_write: { "src/half.txt": "x\n" }, hang: "busy" }],
    });
    const pgid = await waitFor(() => checkpointPgid(repo));
    await waitFor(() =>
      existsSync(path.join(repo.dir, "src/half.txt")) ? true : null,
    );
    child.kill("SIGINT");
    const r = await child;
    expect(r.exitCode, String(r.stderr)).toBe(130);
    // Issue 17 point 7: nothing was verified, so no RESULT-block warning may say verification decides.
    expect(`${String(r.stdout)}${String(r.stderr)}`).not.toMatch(
      /verification decide/,
    );
    expect(isDead(pgid)).toBe(true);
    expect(existsSync(path.join(repo.dir, "src/half.txt"))).toBe(false);
    expect(repo.read(`${repo.info.dir}/WU-T01.md`)).toMatch(
      /status: pending\n(.|\n)*attempts: 0/,
    );
    expect(repo.log()).toContain(
      "chore(loop): FEAT-2026-0001/T01 interrupted (attempt 1)",
    );
    const types = repo.events().map((e) => e.event_type);
    expect(types.slice(-2)).toStrictEqual(["attempt_outcome", "run_aborted"]);
    expect(repo.events().at(-2)?.payload).toMatchObject({
      outcome: "interrupted",
      interrupt_reason: "signal:SIGINT",
      counted: false,
    });
    expect(existsSync(repo.featurePath("work/run-state.json"))).toBe(false);
    expect(existsSync(path.join(repo.dir, ".specfuse/.loop.lock"))).toBe(false);
    expect(repo.git("status", "--porcelain")).toBe("");
    // The next run resumes at attempt 1 again (the interrupted attempt was not counted).
    const again = await repo.run(["run"], { script: [writes("src/done.txt")] });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(
      repo.git(
        "log",
        "-1",
        "--format=%(trailers:key=Attempts,valueonly)",
        ":/feat: Do T01",
      ),
    ).toBe("1");
  });

  it("D-REC-3: after kill -9 the next run kills the orphaned agent, restores, counts the attempt and re-dispatches", async () => {
    const repo = driverRepo(SPEC);
    const child = repo.spawn(["run"], {
      script: [{ early_write: { "src/half.txt": "x\n" }, hang: "silent" }],
    });
    const pgid = await waitFor(() => checkpointPgid(repo));
    await waitFor(() =>
      existsSync(path.join(repo.dir, "src/half.txt")) ? true : null,
    );
    child.kill("SIGKILL");
    await child;
    expect(isDead(pgid)).toBe(false);
    const r = await repo.run(["run"], {
      script: [{ hang: "silent" }, writes("src/done.txt")],
    });
    expect(r.exitCode, r.stderr + r.stdout).toBe(0);
    expect(isDead(pgid)).toBe(true);
    expect(r.stdout).toContain("killing the interrupted run's agent");
    expect(existsSync(path.join(repo.dir, "src/half.txt"))).toBe(false);
    expect(repo.log()).toContain(
      "chore(loop): FEAT-2026-0001/T01 recovered after interrupted attempt 1",
    );
    const crash = repo
      .events()
      .find(
        (e) =>
          e.event_type === "attempt_outcome" &&
          e.payload.interrupt_reason === "driver_crash",
      );
    expect(crash?.payload).toMatchObject({
      attempt: 1,
      outcome: "interrupted",
      counted: true,
    });
    expect(
      repo.git(
        "log",
        "-1",
        "--format=%(trailers:key=Attempts,valueonly)",
        ":/feat: Do T01",
      ),
    ).toBe("2");
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("D-LOCK-4: a second driver exits 3 at once naming the holder; --dry-run still works", async () => {
    const repo = driverRepo(SPEC);
    const holder = execa(
      "node",
      [
        path.join(PROJECT_ROOT, "test/lock/hold-lock.mjs"),
        repo.dir,
        "FEAT-2026-0001",
      ],
      { reject: false },
    );
    try {
      await waitFor(() =>
        existsSync(path.join(repo.dir, ".specfuse/.loop.lock.json"))
          ? true
          : null,
      );
      const r = await repo.run(["run"], { script: [writes("src/x.txt")] });
      expect(r.exitCode).toBe(3);
      expect(r.stderr).toMatch(/error\[lock_held\]/);
      expect(r.stderr).toContain(`pid ${holder.pid}`);
      expect(repo.agentLog()).toHaveLength(0);
      const dry = await repo.run(["run", "--dry-run"]);
      expect(dry.exitCode).toBe(0);
      expect(dry.stdout).toContain("a live driver holds the lock");
    } finally {
      holder.kill("SIGTERM");
      await holder;
    }
  });

  it("D-LOCK-4: a lock left by a dead driver on this host is broken at once", async () => {
    const repo = driverRepo(SPEC);
    const holder = execa(
      "node",
      [
        path.join(PROJECT_ROOT, "test/lock/hold-lock.mjs"),
        repo.dir,
        "FEAT-2026-0001",
      ],
      { reject: false },
    );
    await waitFor(() =>
      existsSync(path.join(repo.dir, ".specfuse/.loop.lock.json"))
        ? true
        : null,
    );
    holder.kill("SIGKILL");
    await holder;
    const r = await repo.run(["run"], { script: [writes("src/x.txt")] });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/no longer running/);
  });
});

describe("the budget brake (driver D-BUDGET)", () => {
  it("halts between units once the gate's done units cost the budget; a re-run dispatches the rest", async () => {
    const spec: FeatureSpec = {
      verification: ALWAYS,
      gates: [
        {
          number: 1,
          extra: ["cost_budget_usd: 0.01"],
          units: [
            { suffix: "T01" },
            { suffix: "T02", deps: ["T01"] },
            { suffix: "G1-CLOSE", type: "close", deps: ["T02"] },
          ],
        },
      ],
    };
    const repo = driverRepo(spec);
    const script = {
      units: { T01: [writes("src/a.txt")], T02: [writes("src/b.txt")] },
    };
    const r = await repo.run(["run"], { script });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/halted_budget/);
    expect(r.stdout).toContain(
      "spent $0.0125 of $0.0100; halted before FEAT-2026-0001/T02",
    );
    expect(repo.log()[0]).toBe(
      "chore(loop): gate 1 budget exceeded \u2014 awaiting_review",
    );
    expect(repo.read(`${repo.info.dir}/GATE-01.md`)).toMatch(
      /status: awaiting_review/,
    );
    const esc = repo.events().find((e) => e.event_type === "human_escalation");
    expect(esc).toMatchObject({
      correlation_id: "FEAT-2026-0001",
      payload: {
        reason: "gate_budget_exceeded",
        budget_usd: 0.01,
        spent_usd: 0.0125,
        next_wu_id: "FEAT-2026-0001/T02",
      },
    });
    const again = await repo.run(["run"], { script });
    // The brake stays off while the gate awaits review, so T02 runs; predicate v1 then refuses the close.
    expect(repo.log()).toContain("feat: Do T02");
    expect(again.stdout).toMatch(
      /auto-close refused[\s\S]*gate_budget_exceeded: total=\$0\.03 budget=\$0\.01/,
    );
  });
});

describe("more faults (driver D-SIGNAL-4, D-DISP-7)", () => {
  it("D-SIGNAL-4: a second signal after the repeat window forces exit 130, kills the agent and keeps the checkpoint", async () => {
    const repo = driverRepo(SPEC);
    const timings = JSON.stringify({
      killGraceMs: 20_000,
      pipeWaitMs: 300,
      signalRepeatMs: 300,
    });
    const child = repo.spawn(["run"], {
      script: [{ hang: "silent", ignore_term: true }],
      env: { SPECFUSE_TEST_TIMINGS: timings },
    });
    const pgid = await waitFor(() => checkpointPgid(repo));
    // The agent has installed its SIGTERM handler once it has logged itself.
    await waitFor(() => (repo.agentLog().length > 0 ? true : null));
    child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 200));
    child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 400));
    expect(child.exitCode).toBeNull();
    child.kill("SIGINT");
    const r = await child;
    expect(r.exitCode).toBe(130);
    await waitFor(() => (isDead(pgid) ? true : null), 5_000);
    expect(existsSync(repo.featurePath("work/run-state.json"))).toBe(true);
    expect(existsSync(path.join(repo.dir, ".specfuse/.loop.lock"))).toBe(false);
    const again = await repo.run(["run"], { script: [writes("src/done.txt")] });
    expect(again.exitCode, again.stderr + again.stdout).toBe(0);
    expect(repo.log()).toContain(
      "chore(loop): FEAT-2026-0001/T01 recovered after interrupted attempt 1",
    );
  });

  it("D-DISP-7: an agent executable that vanishes mid-run exits 1 agent_not_found with the unit back at pending", async () => {
    const spec: FeatureSpec = {
      verification: ALWAYS,
      gates: [
        {
          number: 1,
          units: [
            { suffix: "T01" },
            { suffix: "T02" },
            { suffix: "G1-CLOSE", type: "close", deps: ["T01", "T02"] },
          ],
        },
      ],
    };
    const repo = driverRepo(spec);
    const agent = path.join(repo.dir, "..", `agent-${path.basename(repo.dir)}`);
    copyFileSync(
      path.join(PROJECT_ROOT, "test/fixtures/bin/agent-script"),
      agent,
    );
    chmodSync(agent, 0o755);
    const lib = path.join(path.dirname(agent), "lib");
    if (!existsSync(lib))
      symlinkSync(path.join(PROJECT_ROOT, "test/fixtures/bin/lib"), lib);
    const r = await repo.run(["run"], {
      script: { units: { T01: [{ ...writes("src/a.txt"), delete: [agent] }] } },
      env: { SPECFUSE_AGENT_CMD: agent },
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/error\[agent_not_found\]/);
    expect(repo.read(`${repo.info.dir}/WU-T02.md`)).toMatch(
      /status: pending\n(.|\n)*attempts: 0/,
    );
    expect(repo.log()).toContain("feat: Do T01");
    expect(repo.git("status", "--porcelain")).toBe("");
  });
});
