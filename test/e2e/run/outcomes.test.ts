import { existsSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDead } from "../../helpers/process-state.js";
import { driverRepo, writes } from "../../helpers/driver-repo.js";
import type { FeatureSpec, UnitSpec } from "../../helpers/feature-tree.js";

const CHECK_OK_FILE = [
  "code:",
  "  - name: tests",
  '    command: "test -f src/ok.txt"',
  "doc: []",
  "plannext:",
  "  - name: p",
  '    command: "true"',
  "",
].join("\n");

// One implementation unit (plus a terminal close) under a verification.yml given by the test.
function oneUnit(
  unit: Partial<UnitSpec> = {},
  verification = CHECK_OK_FILE,
  planExtra: string[] = [],
): FeatureSpec {
  return {
    verification,
    planExtra,
    gates: [
      {
        number: 1,
        units: [
          { suffix: "T01", ...unit },
          { suffix: "G1-CLOSE", type: "close", deps: ["T01"] },
        ],
      },
    ],
  };
}

const ok = writes("src/ok.txt");
const outcomes = (repo: ReturnType<typeof driverRepo>) =>
  repo
    .events()
    .filter(
      (e) =>
        e.event_type === "attempt_outcome" && e.correlation_id.endsWith("/T01"),
    )
    .map((e) => e.payload);

describe("attempt outcomes (driver D-ATT-5, D-OUT-1)", () => {
  it("failed → retried with the evidence → passed; created files removed, user files kept", async () => {
    const repo = driverRepo(oneUnit(), { "scratch.txt": "mine\n" });
    repo.git("rm", "-q", "--cached", "scratch.txt");
    repo.git("commit", "-qm", "untrack scratch");
    const r = await repo.run(["run"], {
      script: [writes("src/wrong.txt"), ok],
    });
    expect(r.exitCode, r.stderr + r.stdout).toBe(0);
    const [first, second] = outcomes(repo);
    expect(first).toMatchObject({
      attempt: 1,
      outcome: "failed",
      failure_class: "tests",
      agent_status: "complete",
      files_touched: expect.arrayContaining(["src/wrong.txt"]),
    });
    expect(String(first?.failure_signature)).not.toBe("");
    expect(second).toMatchObject({ attempt: 2, outcome: "passed" });
    expect(existsSync(path.join(repo.dir, "src/wrong.txt"))).toBe(false);
    expect(readFileSync(path.join(repo.dir, "scratch.txt"), "utf8")).toBe(
      "mine\n",
    );
    expect(
      readFileSync(
        repo.featurePath("work/FEAT-2026-0001_T01/attempt-1.md"),
        "utf8",
      ),
    ).toMatch(/^### tests: FAIL\n```\n\$ test -f src\/ok.txt/);
    const prompts = repo.agentLog().map((l) => String(l.stdin));
    expect(prompts[1]).toContain("### tests: FAIL");
    expect(
      repo.git(
        "log",
        "-1",
        "--format=%(trailers:key=Attempts,valueonly)",
        ":/feat: Do T01",
      ),
    ).toBe("2");
    expect(r.stdout).toMatch(/attempt 1\/3 FAIL/);
    expect(r.stdout).toMatch(/attempt 2\/3 PASS/);
  });

  it("D-SPIN-3: the same failure signature twice stops early as spinning_signature_repeat", async () => {
    const verification = [
      "code:",
      "  - name: tests",
      "    command: \"echo 'FAIL: test_alpha'; exit 1\"",
      "plannext:",
      "  - name: p",
      '    command: "true"',
      "",
    ].join("\n");
    const repo = driverRepo(oneUnit({}, verification));
    const r = await repo.run(["run"], { script: [ok] });
    expect(r.exitCode).toBe(1);
    expect(outcomes(repo)).toHaveLength(2);
    const escalation = repo
      .events()
      .find((e) => e.event_type === "human_escalation");
    expect(escalation?.payload).toMatchObject({
      reason: "spinning_signature_repeat",
      failure_class: "tests",
      failure_signature: "test_alpha",
      attempts: 2,
    });
    expect(repo.log()[0]).toBe(
      "chore(loop): FEAT-2026-0001/T01 blocked_human (spinning_signature_repeat, attempt 2)",
    );
    expect(repo.read(`${repo.info.dir}/WU-T01.md`)).toMatch(
      /status: blocked_human[\s\S]*attempts: 2/,
    );
    expect(repo.git("show", "--stat", "--format=", "HEAD")).toContain(
      "attempt-1.md",
    );
    expect(r.stderr).toMatch(/error\[halted_escalation\]/);
  });

  it("D-OUT-2: blocked escalates at once; an independent sibling still runs (D-WALK-4)", async () => {
    const spec: FeatureSpec = {
      verification: CHECK_OK_FILE.replace("test -f src/ok.txt", "true"),
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
    const script = {
      units: {
        T01: [
          {
            result: {
              status: "blocked",
              summary: "Need a decision.",
              blocked_reason: "Which database?",
            },
          },
        ],
        T02: [writes("src/b.txt")],
      },
    };
    const r = await repo.run(["run"], { script });
    expect(r.exitCode).toBe(1);
    expect(repo.log()).toContain(
      "chore(loop): FEAT-2026-0001/T01 blocked_human (agent-reported)",
    );
    expect(repo.log()).toContain("feat: Do T02");
    const esc = repo.events().find((e) => e.event_type === "human_escalation");
    expect(esc?.payload).toMatchObject({
      reason: "agent_reported_blocked",
      blocked_reason: "Which database?",
      attempts: 1,
    });
    expect(r.stdout).toContain("Which database?");
    expect(r.stdout).toContain(
      'specfuse unblock FEAT-2026-0001/T01 --reason "<what changed>"',
    );
    expect(r.stdout).toMatch(
      /G1-CLOSE: waiting on FEAT-2026-0001\/T01 \(blocked_human\)/,
    );
  });

  it("D-EXH-1: three zero-token attempts escalate as all_attempts_zero_token", async () => {
    const repo = driverRepo(oneUnit());
    const r = await repo.run(["run"], {
      script: [
        {
          ...ok,
          usage: {
            input_tokens: 0,
            output_tokens: 0,
            cache_read_input_tokens: 0,
            cache_creation_input_tokens: 0,
          },
        },
      ],
    });
    expect(r.exitCode).toBe(1);
    expect(outcomes(repo).map((o) => o.outcome)).toStrictEqual([
      "zero_token",
      "zero_token",
      "zero_token",
    ]);
    expect(repo.log()[0]).toBe(
      "chore(loop): FEAT-2026-0001/T01 blocked_human (all_attempts_zero_token, 3 attempts)",
    );
  });

  it("D-GUARD-1: a declared but unchanged path is files_changed_mismatch", async () => {
    const repo = driverRepo(oneUnit());
    const lie = {
      ...ok,
      result: {
        status: "complete",
        summary: "x",
        files_changed: ["src/ok.txt", "src/never.txt"],
      },
    };
    const r = await repo.run(["run"], { script: [lie, ok] });
    expect(r.exitCode).toBe(0);
    expect(outcomes(repo)[0]).toMatchObject({
      outcome: "files_changed_mismatch",
      unchanged_paths: ["src/never.txt"],
    });
  });

  it("D-DISP-3: a hanging agent hits the wall clock; the attempt is timeout and no process survives", async () => {
    const repo = driverRepo(
      oneUnit({ extra: ["timeout_minutes: 0.01", "max_attempts: 1"] }),
    );
    const pidFile = path.join(
      repo.dir,
      "..",
      `gc-${path.basename(repo.dir)}.pid`,
    );
    const r = await repo.run(["run"], {
      script: [{ hang: "busy", grandchild: "hang" }],
      env: { SPECFUSE_FAKE_GRANDCHILD_PID_FILE: pidFile },
    });
    expect(r.exitCode).toBe(1);
    expect(outcomes(repo)[0]).toMatchObject({
      outcome: "timeout",
      timeout_kind: "wall_clock",
      limit_seconds: 0.6,
    });
    expect(repo.log()[0]).toBe(
      "chore(loop): FEAT-2026-0001/T01 blocked_human (all_attempts_timeout, 1 attempts)",
    );
    const pid = Number(readFileSync(pidFile, "utf8"));
    expect(isDead(pid)).toBe(true);
  });

  it("D-DISP-3: a silent agent hits the inactivity limit", async () => {
    const repo = driverRepo(oneUnit({ extra: ["max_attempts: 1"] }), {
      ".specfuse/config.yml":
        "version: 1\nagent:\n  inactivity_minutes: 0.01\n",
    });
    const r = await repo.run(["run"], { script: [{ hang: "silent" }] });
    expect(r.exitCode).toBe(1);
    expect(outcomes(repo)[0]).toMatchObject({
      outcome: "timeout",
      timeout_kind: "inactivity",
    });
  });

  it("D-PROT: an agent that edits verification.yml fails protected_path_modified and the change is reverted", async () => {
    const repo = driverRepo(oneUnit());
    const before = repo.read(".specfuse/verification.yml");
    const tamper = {
      write: {
        ".specfuse/verification.yml":
          'code:\n  - name: tests\n    command: "true"\n',
        "src/ok.txt": "x\n",
      },
      result: { status: "complete", summary: "x" },
    };
    const r = await repo.run(["run"], { script: [tamper, ok] });
    expect(r.exitCode).toBe(0);
    expect(outcomes(repo)[0]).toMatchObject({
      outcome: "protected_path_modified",
      protected_paths: [".specfuse/verification.yml"],
    });
    expect(repo.read(".specfuse/verification.yml")).toBe(before);
    expect(
      repo
        .git("log", "--format=%H", "--", ".specfuse/verification.yml")
        .split("\n"),
    ).toHaveLength(1);
  });

  it("D-PASS-2: a squash the commit hook rejects is squash_commit_failed and the next attempt commits", async () => {
    const repo = driverRepo(oneUnit());
    const hook = path.join(repo.dir, ".git", "hooks", "commit-msg");
    writeFileSync(
      hook,
      '#!/bin/sh\nif grep -q "^Attempts: 1$" "$1"; then echo "leak-scan: email: \'dev@corp.example\'" >&2; exit 1; fi\n',
    );
    chmodSync(hook, 0o755);
    const r = await repo.run(["run"], { script: [ok] });
    expect(r.exitCode, r.stderr).toBe(0);
    const first = outcomes(repo)[0];
    expect(first).toMatchObject({ outcome: "squash_commit_failed" });
    expect(String(first?.summary)).toMatch(/email: '<redacted:[0-9a-f]{8}>'/);
    expect(String(first?.summary)).not.toContain("dev@corp.example");
    expect(
      repo.git(
        "log",
        "-1",
        "--format=%(trailers:key=Attempts,valueonly)",
        ":/feat: Do T01",
      ),
    ).toBe("2");
  });

  it("D-GUARD-3: a missing `produces` path is deliverable_missing (the squash is dropped)", async () => {
    const repo = driverRepo(
      oneUnit({ extra: ["produces: [src/promised.txt]"] }),
    );
    const r = await repo.run(["run"], {
      script: [
        ok,
        {
          ...writes("src/promised.txt"),
          write: { "src/ok.txt": "x\n", "src/promised.txt": "y\n" },
        },
      ],
    });
    expect(r.exitCode).toBe(0);
    expect(outcomes(repo)[0]).toMatchObject({
      outcome: "deliverable_missing",
      missing: ["src/promised.txt"],
    });
    expect(repo.log().filter((s) => s === "feat: Do T01")).toHaveLength(1);
  });

  it("D-GUARD-4: an implementation unit that changes nothing is no_deliverable_files", async () => {
    const repo = driverRepo(
      oneUnit(
        { extra: ["max_attempts: 1"] },
        CHECK_OK_FILE.replace("test -f src/ok.txt", "true"),
      ),
    );
    const r = await repo.run(["run"], {
      script: [{ result: { status: "complete", summary: "nothing" } }],
    });
    expect(r.exitCode).toBe(1);
    expect(outcomes(repo)[0]).toMatchObject({
      outcome: "no_deliverable_files",
    });
  });

  it("D-GUARD-5: a failing smoke import is smoke_import_failed", async () => {
    const body = [
      "# Smoke",
      "",
      "**Context.** c",
      "**Acceptance criteria.** a",
      "**Do not touch.** d",
      "**Verification.** v",
      "**Escalation triggers.** e",
      "",
      'python3 -c "from no_such_module_xyz import thing"',
      "",
    ].join("\n");
    const repo = driverRepo(oneUnit({ body, extra: ["max_attempts: 1"] }));
    const r = await repo.run(["run"], { script: [ok] });
    expect(r.exitCode).toBe(1);
    expect(outcomes(repo)[0]).toMatchObject({ outcome: "smoke_import_failed" });
    expect(repo.log().includes("feat: Smoke")).toBe(false);
  });

  it("D-PASS-4: a dispatched close without its deliverables is closing_deliverable_missing", async () => {
    const spec = oneUnit(
      { status: "done" },
      CHECK_OK_FILE.replace("test -f src/ok.txt", "true"),
      ["auto_close_disabled: true"],
    );
    spec.gates[0]!.units[1]!.extra = ["max_attempts: 1"];
    const repo = driverRepo(spec);
    const r = await repo.run(["run"], {
      script: [
        {
          write: { "notes.md": "n\n" },
          result: { status: "complete", summary: "closed" },
        },
      ],
    });
    expect(r.exitCode).toBe(1);
    const close = repo
      .events()
      .find(
        (e) =>
          e.event_type === "attempt_outcome" &&
          e.correlation_id.endsWith("G1-CLOSE"),
      );
    expect(close?.payload).toMatchObject({
      outcome: "closing_deliverable_missing",
      assertion: "retrospective_missing",
    });
    expect(String(close?.payload.summary)).toMatch(
      /closing deliverables unmet/,
    );
    expect(
      repo.events().find((e) => e.event_type === "auto_close_decision")
        ?.payload,
    ).toMatchObject({
      auto: false,
      reasons: ["auto_close_disabled_per_plan"],
      override: true,
    });
  });

  it("D-GIT-5: agent commits are folded into the one squash commit", async () => {
    const repo = driverRepo(oneUnit());
    const r = await repo.run(["run"], {
      script: [{ ...ok, commit: "agent did this" }],
    });
    expect(r.exitCode).toBe(0);
    expect(repo.log()).not.toContain("agent did this");
    expect(outcomes(repo)[0]?.agent_commits).toHaveLength(1);
    expect(repo.git("show", "--stat", "--format=", ":/feat: Do T01")).toContain(
      "src/ok.txt",
    );
  });

  it("D-RESULT-2: a missing RESULT block is recorded and verification decides", async () => {
    const repo = driverRepo(oneUnit());
    const r = await repo.run(["run"], {
      script: [{ write: { "src/ok.txt": "x\n" }, result: null }],
    });
    expect(r.exitCode).toBe(0);
    expect(outcomes(repo)[0]).toMatchObject({
      outcome: "passed",
      agent_status: "missing",
    });
    expect(r.stdout).toMatch(/warning: .*result block/i);
  });
});
