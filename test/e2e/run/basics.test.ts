import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileSchema } from "../../../src/schemas/ajv.js";
import {
  DRY_RUN_OUTPUT_SCHEMA,
  RUN_OUTPUT_SCHEMA,
} from "../../../src/schemas/run-output.js";
import { driverRepo, writes } from "../../helpers/driver-repo.js";
import type { FeatureSpec } from "../../helpers/feature-tree.js";

const validRun = compileSchema(RUN_OUTPUT_SCHEMA);
const validDry = compileSchema(DRY_RUN_OUTPUT_SCHEMA);

// Two implementation units and a terminal close, all within plan: the close auto-closes (D-AC-7).
const THREE_UNITS: FeatureSpec = {
  planExtra: ["planned_cost_usd: 0.3"],
  gates: [
    {
      number: 1,
      units: [
        {
          suffix: "T01",
          extra: ["planned_cost_usd: 0.1", "produces: [src/a.txt]"],
        },
        {
          suffix: "T02",
          deps: ["T01"],
          extra: ["planned_cost_usd: 0.1", "produces: [src/b.txt]"],
        },
        {
          suffix: "G1-CLOSE",
          type: "close",
          deps: ["T01", "T02"],
          extra: ["planned_cost_usd: 0.1"],
        },
      ],
    },
  ],
};

const SCRIPT = {
  units: { T01: [writes("src/a.txt")], T02: [writes("src/b.txt")] },
};

describe("specfuse run: a whole gate (driver §7, §10, §24, §26, §30)", () => {
  it("passes every unit, squash-commits with trailers, auto-closes and flips; exit 0 and a clean tree", async () => {
    const repo = driverRepo(THREE_UNITS);
    const r = await repo.run(["run", "--json"], {
      script: SCRIPT,
      env: { CLAUDECODE: "1" },
    });
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(validRun(out), JSON.stringify(validRun.errors)).toBe(true);
    expect(out).toMatchObject({
      schema: "specfuse.run/1",
      exit_code: 0,
      error: null,
      ending: "feature_ready_to_wrap",
    });
    expect(repo.log()).toStrictEqual([
      "chore(loop): FEAT-2026-0001/G1-CLOSE terminal flips",
      "chore(loop): gate 1 awaiting_review",
      "chore(loop): FEAT-2026-0001/G1-CLOSE auto-closed (predicate=v1)",
      "feat: Do T02",
      "feat: Do T01",
      "initial",
    ]);
    const t01 = repo.git("log", "-1", "--format=%B", "HEAD~4");
    expect(
      repo
        .git("log", "-1", "--format=%(trailers:only,unfold)", "HEAD~4")
        .trim()
        .split("\n"),
    ).toStrictEqual([
      "Feature: FEAT-2026-0001/T01",
      "Work-Unit-Type: implementation",
      "Attempts: 1",
      "Model: sonnet",
      "Verified-By: tests",
      "Cost-USD: 0.0125",
    ]);
    expect(t01).toContain("Wrote src/a.txt.");
    expect(repo.git("status", "--porcelain")).toBe("");
    expect(repo.git("branch", "--show-current")).toBe(
      `feat/${repo.info.folder}`,
    );
    expect(repo.read(`${repo.info.dir}/GATE-01.md`)).toMatch(/status: passed/);
    expect(repo.read(`${repo.info.dir}/PLAN.md`)).toMatch(/status: done/);
    expect(repo.read(`${repo.info.dir}/WU-G1-CLOSE.md`)).toMatch(
      /verdict: met\nauto_close: true\nauto_close_reasons: \[\]/,
    );
    expect(repo.read(`${repo.info.dir}/WU-T01.md`)).toMatch(
      /status: done\n[\s\S]*attempts: 1\nduration_seconds: [0-9.]+\ncost_usd: 0\.0125\ninput_tokens: 1200\noutput_tokens: 340/,
    );
    expect(existsSync(repo.featurePath("work/run-state.json"))).toBe(false);
    expect(existsSync(path.join(repo.dir, ".specfuse/.loop.lock"))).toBe(false);
    const types = repo.events().map((e) => e.event_type);
    expect(types).toStrictEqual([
      "task_started",
      "attempt_outcome",
      "task_completed",
      "task_started",
      "attempt_outcome",
      "task_completed",
      "auto_close_decision",
      "gate_reached",
    ]);
  });

  it("D-DISP-1/2: the exact argv, the prompt on stdin, CLAUDECODE removed, SPECFUSE_* set", async () => {
    const repo = driverRepo(THREE_UNITS);
    await repo.run(["run"], { script: SCRIPT, env: { CLAUDECODE: "1" } });
    const first = repo.agentLog()[0]!;
    expect(first.argv).toStrictEqual([
      "-p",
      "--model",
      "sonnet",
      "--effort",
      "medium",
      "--output-format",
      "stream-json",
      "--verbose",
      "--permission-mode",
      "acceptEdits",
      "--disallowedTools",
      "Bash(git add:*)",
      "Bash(git commit:*)",
      "Bash(git push:*)",
      "Bash(git pull:*)",
      "Bash(git fetch:*)",
      "Bash(git merge:*)",
      "Bash(git rebase:*)",
      "Bash(git reset:*)",
      "Bash(git checkout:*)",
      "Bash(git switch:*)",
      "Bash(git restore:*)",
      "Bash(git stash:*)",
      "Bash(git clean:*)",
      "Bash(git branch:*)",
      "Bash(git tag:*)",
      "Bash(git cherry-pick:*)",
      "Bash(git revert:*)",
      "Bash(git am:*)",
      "Bash(git rm:*)",
      "Bash(git mv:*)",
      "Bash(git update-ref:*)",
      "Bash(git worktree:*)",
      "Bash(git config:*)",
    ]);
    expect(first.envKeys).not.toContain("CLAUDECODE");
    expect(first.stdinClosed).toBe(true);
    expect(String(first.stdin)).toContain("FEAT-2026-0001/T01");
    expect(String(first.stdin)).toContain("```result");
    expect(first.env).toMatchObject({
      SPECFUSE_WORK_UNIT: "FEAT-2026-0001/T01",
      SPECFUSE_ATTEMPT: "1",
      SPECFUSE_FEATURE_DIR: repo.info.dir,
    });
  });

  it("D-DRY: the dry run prints the walk, writes nothing and takes no lock; --json validates", async () => {
    const repo = driverRepo(THREE_UNITS);
    const text = await repo.run(["run", "--dry-run"]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain(
      "1. FEAT-2026-0001/T01 [implementation] model=sonnet effort=medium timeout=45m",
    );
    expect(text.stdout).toContain("would dispatch; verification: code: tests");
    expect(text.stdout).toContain("auto-close candidate (decided at run time)");
    expect(text.stdout).toContain("predicted end state: feature_ready_to_wrap");
    const json = await repo.run(["run", "--dry-run", "--json"]);
    const doc = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(validDry(doc), JSON.stringify(validDry.errors)).toBe(true);
    expect(doc).toMatchObject({
      schema: "specfuse.dry-run/1",
      predicted_end_state: "feature_ready_to_wrap",
    });
    expect(repo.git("status", "--porcelain", "--ignored")).toBe("");
    expect(repo.agentLog()).toHaveLength(0);
  });

  it("specfuse-loop is specfuse run (C-BIN-1)", async () => {
    const repo = driverRepo(THREE_UNITS);
    const r = await repo.run(["--dry-run"], { bin: "specfuse-loop" });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("predicted end state");
  });
});

describe("specfuse run: refusals before anything is touched (driver §3–§6)", () => {
  let repoFor: (spec: FeatureSpec) => ReturnType<typeof driverRepo>;
  beforeAll(() => {
    repoFor = (spec) => driverRepo(spec);
  });

  it("D-GATE-2: drafts in the current gate exit 2 with the arm command", async () => {
    const repo = repoFor({
      gates: [
        {
          number: 1,
          units: [
            { suffix: "T01", status: "draft" },
            { suffix: "G1-CLOSE", type: "close", deps: ["T01"] },
          ],
        },
      ],
    });
    const r = await repo.run(["run"], { script: SCRIPT });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/error\[drafts_not_armed\]/);
    expect(r.stderr).toContain("specfuse arm --gate 1");
    expect(repo.agentLog()).toHaveLength(0);
  });

  it("D-LOAD-6: a missing verification set exits 65 before any dispatch", async () => {
    const repo = repoFor({
      ...THREE_UNITS,
      verification: 'doc:\n  - name: a\n    command: "true"\n',
    });
    const r = await repo.run(["run"], { script: SCRIPT });
    expect(r.exitCode).toBe(65);
    expect(r.stderr).toMatch(/error\[verification_set_missing\].*code/);
    expect(repo.log()).toStrictEqual(["initial"]);
  });

  it("a plan the linter rejects is not run (65, with every finding)", async () => {
    const repo = repoFor({
      gates: [
        {
          number: 1,
          units: [
            { suffix: "T01", deps: ["T09"] },
            { suffix: "G1-CLOSE", type: "close", deps: ["T01"] },
          ],
        },
      ],
    });
    const r = await repo.run(["run"], { script: SCRIPT });
    expect(r.exitCode).toBe(65);
    expect(r.stderr).toMatch(/error\[dependency_invalid\]/);
    expect(r.stderr).toContain("dep-unknown");
  });

  it("D-FEAT-3: no active feature exits 1 and names our commands", async () => {
    const repo = repoFor({ ...THREE_UNITS, planStatus: "planned" });
    const r = await repo.run(["run"]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/no_active_feature/);
    expect(r.stderr).toContain("specfuse status");
  });

  it("D-CLI-5: outside a workspace exits 65 no_specfuse_dir", async () => {
    const r = await driverRepo(THREE_UNITS).run(["run", "-C", "/"]);
    expect(r.exitCode).toBe(65);
    expect(r.stderr).toMatch(/no_specfuse_dir/);
  });

  it("--force-full-close must name the feature (64)", async () => {
    const r = await repoFor(THREE_UNITS).run([
      "run",
      "--force-full-close",
      "FEAT-2026-0999",
    ]);
    expect(r.exitCode).toBe(64);
    expect(r.stderr).toMatch(/force_close_mismatch/);
  });

  it("--agent other than claude exits 64 agent_unavailable", async () => {
    const r = await repoFor(THREE_UNITS).run(["run", "--agent", "codex"]);
    expect(r.exitCode).toBe(64);
    expect(r.stderr).toMatch(/agent_unavailable/);
  });

  it("D-DISP-7: a missing agent executable exits 1 agent_not_found", async () => {
    const r = await repoFor(THREE_UNITS).run(["run"], {
      env: { SPECFUSE_AGENT_CMD: "/nonexistent/agent" },
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/agent_not_found/);
  });
});

describe("reference invocations keep working (cli.md C-BIN-2)", () => {
  it("specfuse-loop --feature X --dry-run --no-autosync and --force-full-close <id>", async () => {
    const repo = driverRepo(THREE_UNITS);
    const dry = await repo.run(
      ["--feature", repo.info.folder, "--dry-run", "--no-autosync"],
      { bin: "specfuse-loop" },
    );
    expect(dry.exitCode, dry.stderr).toBe(0);
    const forced = await repo.run(
      ["--force-full-close", "FEAT-2026-0001", "--dry-run"],
      { bin: "specfuse-loop" },
    );
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).not.toContain("auto-close candidate");
  });
});
