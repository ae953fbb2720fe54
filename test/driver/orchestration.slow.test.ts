import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { backendSettings, getBackend } from "../../src/agent/backends.js";
import { run } from "../../src/commands/run.js";
import { finishGate } from "../../src/driver/end/finish-gate.js";
import { mainLane } from "../../src/driver/scope/lane.js";
import { loadRun } from "../../src/driver/scope/load-run.js";
import { prepareWalk } from "../../src/driver/scope/prepare-walk.js";
import {
  createStopRequest,
  openScope,
  type RunScope,
} from "../../src/driver/scope/run-scope.js";
import { walkGate } from "../../src/driver/walk/walk-gate.js";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { createGit } from "../../src/git/git.js";
import { openRepo } from "../../src/git/repo.js";
import type { StatusChange } from "../../src/transitions/change.js";
import { openEventLog } from "../../src/transitions/event-log.js";
import { createTransitions } from "../../src/transitions/transitions.js";
import { testContext, type TestContext } from "../helpers/context.js";
import { driverRepo, writes } from "../helpers/driver-repo.js";
import type { FeatureSpec, UnitSpec } from "../helpers/feature-tree.js";
import { fixtureBin } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

// In-process tests of the orchestration (issue 8): real repositories and the fake agent scripts, no built
// binary, no mocks. The e2e suite (test/e2e/run/) covers the same paths through bin/specfuse.

const VERIFICATION = [
  "code:",
  "  - name: tests",
  '    command: "true"',
  "doc: []",
  "plannext:",
  "  - name: p",
  '    command: "true"',
  "",
].join("\n");

function feature(t01: Partial<UnitSpec> = {}): FeatureSpec {
  return {
    verification: VERIFICATION,
    gates: [
      {
        number: 1,
        units: [
          { suffix: "T01", ...t01 },
          { suffix: "G1-CLOSE", type: "close", deps: ["T01"] },
        ],
      },
    ],
  };
}

// A repository and an in-process Context whose agent is the fake agent replaying `script`.
function setup(spec: FeatureSpec, script: unknown) {
  const repo = driverRepo(spec);
  const scratch = tempDir("specfuse-inproc-");
  const scriptFile = path.join(scratch, "script.json");
  writeFileSync(scriptFile, JSON.stringify(script));
  const ctx = testContext({
    cwd: repo.dir,
    env: {
      PATH: process.env.PATH,
      ...repo.env,
      SPECFUSE_AGENT_CMD: fixtureBin("agent-script"),
      SPECFUSE_FAKE_AGENT_SCRIPT: scriptFile,
      SPECFUSE_FAKE_AGENT_LOG: path.join(scratch, "agent-log.jsonl"),
    },
  });
  return { repo, ctx };
}

// The pieces `driveRun` assembles, without the lock, so a test can subscribe to the transition service.
async function scopeOf(ctx: TestContext): Promise<RunScope> {
  const loaded = await loadRun({}, ctx);
  const repo = await openRepo(createGit({ env: ctx.env }), loaded.root);
  const log = await openEventLog(loaded.root, loaded.model.dir, ctx);
  return openScope(
    {
      loaded,
      repo,
      transitions: createTransitions({ root: loaded.root, log, by: "run" }),
      backend: getBackend(
        "claude",
        backendSettings(loaded.config, fixtureBin("agent-script")),
      ),
      agentExe: fixtureBin("agent-script"),
      cli: {
        maxAttempts: undefined,
        timeoutMinutes: undefined,
        isForceFullClose: false,
      },
      stop: createStopRequest(),
    },
    ctx,
  );
}

const describeChange = (c: StatusChange) =>
  `${c.entity} ${c.id.replace(/^.*\//, "")}: ${c.from ?? "∅"} → ${c.to}`;

describe("orchestration in-process (issue 8)", () => {
  it("a unit's path from the command to its commit: squash with trailers, auto-close, flips, events in order", async () => {
    const { repo, ctx } = setup(feature(), [writes("src/a.txt")]);
    const result = await run({}, ctx);
    expect(result.body).toMatchObject({
      ending: "feature_ready_to_wrap",
      units: [
        {
          id: "FEAT-2026-0001/T01",
          result: "passed",
          commit: expect.any(String),
        },
        { id: "FEAT-2026-0001/G1-CLOSE", result: "auto_closed" },
      ],
    });
    expect(repo.log()).toStrictEqual([
      "chore(loop): FEAT-2026-0001/G1-CLOSE terminal flips",
      "chore(loop): gate 1 awaiting_review",
      "chore(loop): FEAT-2026-0001/G1-CLOSE auto-closed (predicate=v1)",
      "feat: Do T01",
      "initial",
    ]);
    expect(
      repo.git("log", "-1", "--skip=3", "--format=%(trailers:only,unfold)"),
    ).toBe(
      [
        "Feature: FEAT-2026-0001/T01",
        "Work-Unit-Type: implementation",
        "Attempts: 1",
        "Model: sonnet",
        "Verified-By: tests",
        "Cost-USD: 0.0125",
      ].join("\n"),
    );
    expect(repo.events().map((e) => e.event_type)).toStrictEqual([
      "task_started",
      "attempt_outcome",
      "task_completed",
      "auto_close_decision",
      "gate_reached",
    ]);
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("AU-TR-1: every status change goes through the service, announced with its event, in order", async () => {
    const { repo, ctx } = setup(feature(), [writes("src/a.txt")]);
    const scope = await scopeOf(ctx);
    const heard: Array<{ event: string | null; changes: string[] }> = [];
    scope.transitions.subscribe((_line, event, changes) =>
      heard.push({
        event: event?.event_type ?? null,
        changes: changes.map(describeChange),
      }),
    );
    const lane = mainLane(scope);
    const ready = await prepareWalk(scope, lane);
    if (ready.kind !== "ready") throw new Error(ready.halt.message);
    const walked = await walkGate(ready.scope, lane, { escalated: [] });
    if (walked.kind !== "walked") throw new Error(walked.halt.message);
    const end = await finishGate(ready.scope, walked.walked);
    expect(end.ending).toBe("feature_ready_to_wrap");
    expect(heard).toStrictEqual([
      { event: "task_started", changes: ["unit T01: pending → in_progress"] },
      { event: "attempt_outcome", changes: [] },
      { event: "task_completed", changes: ["unit T01: in_progress → done"] },
      {
        event: "auto_close_decision",
        changes: ["unit G1-CLOSE: pending → done"],
      },
      { event: "gate_reached", changes: ["gate 1: open → awaiting_review"] },
      { event: null, changes: ["gate 1: awaiting_review → passed"] },
      { event: null, changes: ["feature FEAT-2026-0001: active → done"] },
    ]);
    const lines = repo.read(`${repo.info.dir}/events.jsonl`).trim().split("\n");
    expect(heard.filter((h) => h.event !== null)).toHaveLength(lines.length);
  });

  it("D-PASS: a failing guard drops an uncommitted squash; its staged done is never announced, nothing is reset", async () => {
    const { repo, ctx } = setup(feature({ extra: ["produces: src/out.txt"] }), [
      writes("src/other.txt"),
      writes("src/out.txt"),
    ]);
    const scope = await scopeOf(ctx);
    const done: string[] = [];
    scope.transitions.subscribe((_l, _e, changes) =>
      done.push(...changes.filter((c) => c.to === "done").map(describeChange)),
    );
    const lane = mainLane(scope);
    const ready = await prepareWalk(scope, lane);
    if (ready.kind !== "ready") throw new Error(ready.halt.message);
    const walked = await walkGate(ready.scope, lane, { escalated: [] });
    expect(walked.kind).toBe("walked");
    const outcomes = repo
      .events()
      .filter((e) => e.event_type === "attempt_outcome")
      .map((e) => e.payload.outcome);
    expect(outcomes).toStrictEqual(["deliverable_missing", "passed"]);
    expect(done).toStrictEqual([
      "unit T01: in_progress → done",
      "unit G1-CLOSE: pending → done",
    ]);
    // No commit was made for attempt 1, so none had to be undone: one squash commit ever existed.
    const reflog = repo.git("reflog", "--format=%gs").split("\n");
    expect(reflog.filter((l) => l.startsWith("commit: feat:"))).toStrictEqual([
      "commit: feat: Do T01",
    ]);
    expect(repo.log().filter((s) => s.startsWith("feat:"))).toStrictEqual([
      "feat: Do T01",
    ]);
  });

  it("endings are values: a stop before a unit ends the walk with `interrupted` and run_aborted, nothing thrown", async () => {
    const { repo, ctx } = setup(feature(), [writes("src/a.txt")]);
    const scope = await scopeOf(ctx);
    const lane = mainLane(scope);
    const ready = await prepareWalk(scope, lane);
    if (ready.kind !== "ready") throw new Error(ready.halt.message);
    scope.stop.request({ kind: "signal", signal: "SIGTERM" });
    const walked = await walkGate(ready.scope, lane, { escalated: [] });
    expect(walked.kind).toBe("stopped");
    if (walked.kind !== "stopped") return;
    expect(walked.halt.code).toBe("interrupted");
    expect(walked.walked.units).toStrictEqual([]);
    expect(repo.events().map((e) => [e.event_type, e.payload])).toStrictEqual([
      ["run_aborted", { reason: "signal", signal: "SIGTERM" }],
    ]);
  });

  it("only the command edge throws: an escalation ends the run with halted_escalation and the unit's report", async () => {
    const blocked = {
      result: {
        status: "blocked",
        summary: "Need a decision.",
        blocked_reason: "which one?",
      },
    };
    const { repo, ctx } = setup(feature(), [blocked]);
    let caught: unknown;
    try {
      await run({}, ctx);
    } catch (error) {
      caught = error;
    }
    expect(isSpecfuseError(caught) && caught.code).toBe("halted_escalation");
    if (!isSpecfuseError(caught)) return;
    expect(caught.body).toMatchObject({
      ending: "halted_escalation",
      units: [{ id: "FEAT-2026-0001/T01", result: "escalated" }],
    });
    expect(repo.log()[0]).toBe(
      "chore(loop): FEAT-2026-0001/T01 blocked_human (agent-reported)",
    );
    expect(repo.read(`${repo.info.dir}/WU-T01.md`)).toContain(
      "status: blocked_human",
    );
  });
});
