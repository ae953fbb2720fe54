import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/schemas/ajv.js";
import { UNBLOCK_OUTPUT_SCHEMA } from "../../src/schemas/unblock-output.js";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";
import { runCli } from "../helpers/run-cli.js";
import { DIR, FEATURE_ID, type GateSpec } from "../operator/feature-fixture.js";
import { holdLock, operatorRepo } from "./operator-repo.js";

const validate = compileSchema(UNBLOCK_OUTPUT_SCHEMA);
const gates: GateSpec[] = [
  {
    gate: 1,
    status: "awaiting_review",
    units: [
      { id: "T01", status: "done" },
      {
        id: "T02",
        status: "blocked_human",
        extra: "attempts: 3\ncost_usd: 0.75\nduration_seconds: 120.5",
      },
      { id: "T03", status: "pending" },
    ],
  },
];

const read = (dir: string, file: string) =>
  readFileSync(path.join(dir, DIR, file), "utf8");

describe("specfuse unblock (cli.md §3.6, driver D-UNB-1)", () => {
  it("D-UNB-1 re-arms a blocked unit: one frontmatter write, the gate reopened, an event and a commit", async () => {
    const repo = operatorRepo(gates);
    const r = await runCli(
      ["unblock", "T02", "--reason", "split the criteria", "--json"],
      { cwd: repo.dir },
    );
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(validate(doc)).toBe(true);
    expect(doc).toMatchObject({
      feature: FEATURE_ID,
      wu: `${FEATURE_ID}/T02`,
      re_arm_count: 1,
      gate_reopened: true,
      commit: repo.head(),
    });
    expect(r.stderr).toMatch(/re-armed FEAT-2026-0042\/T02 \(re_arm_count=1\)/);
    expect(r.stderr).toMatch(/next: specfuse run/);
    const fm = parseFrontmatter(read(repo.dir, "WU-T02.md")).data;
    expect(fm).toMatchObject({
      status: "pending",
      attempts: 0,
      re_arm_count: 1,
    });
    expect(fm.re_arm_history).toEqual([
      {
        timestamp: expect.stringMatching(
          /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/,
        ) as unknown,
        prior_status: "blocked_human",
        prior_attempts: 3,
        prior_cost_usd: 0.75,
        prior_duration_seconds: 120.5,
        reason: "split the criteria",
      },
    ]);
    expect(parseFrontmatter(read(repo.dir, "GATE-01.md")).data.status).toBe(
      "open",
    );
    const event = JSON.parse(
      read(repo.dir, "events.jsonl").trimEnd(),
    ) as Record<string, unknown>;
    expect(event).toMatchObject({
      correlation_id: `${FEATURE_ID}/T02`,
      event_type: "wu_unblocked",
      source: "driver",
      payload: {
        re_arm_count: 1,
        reason: "split the criteria",
        prior_status: "blocked_human",
        prior_attempts: 3,
      },
    });
    expect(repo.git("log", "-1", "--format=%B").trim()).toBe(
      `chore(unblock): ${FEATURE_ID}/T02 re-armed (re_arm_count=1)\n\nFeature: ${FEATURE_ID}/T02`,
    );
    expect(
      repo.git("show", "--name-only", "--format=", "HEAD").split("\n").sort(),
    ).toEqual(
      [`${DIR}/GATE-01.md`, `${DIR}/WU-T02.md`, `${DIR}/events.jsonl`].sort(),
    );
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("issue 17 point 7: -q prints one outcome line (dry run and real)", async () => {
    const repo = operatorRepo(gates);
    const dry = await runCli(
      ["unblock", "T02", "--reason", "x", "--dry-run", "-q"],
      {
        cwd: repo.dir,
      },
    );
    expect(dry.stdout).toBe(
      `would re-arm ${FEATURE_ID}/T02 (re_arm_count=1; dry run: nothing was written)`,
    );
    const r = await runCli(["unblock", "T02", "--reason", "x", "-q"], {
      cwd: repo.dir,
    });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      `re-armed ${FEATURE_ID}/T02 (re_arm_count=1, commit ${repo.head().slice(0, 7)})`,
    );
  });

  it("C-UNBLOCK-1 --dry-run shows the writes and writes nothing", async () => {
    const repo = operatorRepo(gates);
    const before = repo.head();
    const r = await runCli(
      ["unblock", `${FEATURE_ID}/T02`, "--reason", "x", "--dry-run"],
      { cwd: repo.dir },
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/dry run\): nothing was written/);
    expect(r.stdout).toMatch(
      /status blocked_human → pending, attempts 3 → 0, re_arm_count 0 → 1/,
    );
    expect(r.stdout).toMatch(/GATE-01.md: status awaiting_review → open/);
    expect(repo.head()).toBe(before);
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("C-UNBLOCK-2 refusals: not blocked (1), unknown unit (64), blank reason (64), missing reason (64)", async () => {
    const repo = operatorRepo(gates);
    const pending = await runCli(["unblock", "T03", "--reason", "x"], {
      cwd: repo.dir,
    });
    expect(pending.exitCode).toBe(1);
    expect(pending.stderr).toMatch(
      /^error\[wu_not_blocked\]: FEAT-2026-0042\/T03 is pending, not blocked_human/m,
    );
    const unknown = await runCli(
      ["unblock", "T09", "--reason", "x", "--json"],
      { cwd: repo.dir },
    );
    expect(unknown.exitCode).toBe(64);
    const doc = JSON.parse(unknown.stdout) as { error: { code: string } };
    expect(validate(doc)).toBe(true);
    expect(doc.error.code).toBe("wu_not_found");
    expect(
      (await runCli(["unblock", "T02", "--reason", "   "], { cwd: repo.dir }))
        .exitCode,
    ).toBe(64);
    expect((await runCli(["unblock", "T02"], { cwd: repo.dir })).exitCode).toBe(
      64,
    );
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("D-LOCK-7 a held lock is exit 3 and nothing is written; --dry-run still works", async () => {
    const repo = operatorRepo(gates);
    await holdLock(repo.dir);
    const r = await runCli(["unblock", "T02", "--reason", "x"], {
      cwd: repo.dir,
    });
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toMatch(/^error\[lock_held\]/m);
    expect(parseFrontmatter(read(repo.dir, "WU-T02.md")).data.status).toBe(
      "blocked_human",
    );
    const dry = await runCli(["unblock", "T02", "--reason", "x", "--dry-run"], {
      cwd: repo.dir,
    });
    expect(dry.exitCode).toBe(0);
  });
});

describe("unblock on a unit file that exists but cannot be read (issue 9)", () => {
  it.each<[string, (file: string) => void, RegExp]>([
    [
      "invalid UTF-8",
      (file) =>
        writeFileSync(
          file,
          Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]),
        ),
      /WU-T02\.md: cannot be read: not valid UTF-8 text/,
    ],
    [
      "a directory",
      (file) => {
        rmSync(file);
        mkdirSync(file);
      },
      /WU-T02\.md: not a regular file/,
    ],
  ])(
    "%s: says what is wrong, never that it does not exist (exit 65)",
    async (_name, damage, said) => {
      const repo = operatorRepo(gates);
      damage(path.join(repo.dir, DIR, "WU-T02.md"));
      const r = await runCli(["unblock", "T02", "--reason", "fixed"], {
        cwd: repo.dir,
      });
      expect(r.exitCode).toBe(65);
      expect(r.stderr).toMatch(said);
      expect(r.stderr).not.toContain("does not exist");
      expect(r.stderr).toMatch(/readable UTF-8 file/);
    },
  );

  it("a missing unit file still says it does not exist (wu_file_missing)", async () => {
    const repo = operatorRepo(gates);
    rmSync(path.join(repo.dir, DIR, "WU-T02.md"));
    const r = await runCli(["unblock", "T02", "--reason", "fixed"], {
      cwd: repo.dir,
    });
    expect(r.exitCode).toBe(65);
    expect(r.stderr).toMatch(
      /error\[wu_file_missing\].*WU-T02\.md does not exist/,
    );
  });
});
