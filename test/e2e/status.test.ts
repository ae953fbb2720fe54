import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/schemas/ajv.js";
import { STATUS_OUTPUT_SCHEMA } from "../../src/schemas/status-output.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { DIR, FEATURE_ID, type GateSpec } from "../operator/feature-fixture.js";
import { holdLock, operatorRepo } from "./operator-repo.js";

const validate = compileSchema(STATUS_OUTPUT_SCHEMA);

const gates: GateSpec[] = [
  {
    gate: 1,
    status: "passed",
    units: [
      {
        id: "T01",
        status: "done",
        extra: "attempts: 1\ncost_usd: 0.41\nduration_seconds: 84.1",
      },
    ],
  },
  {
    gate: 2,
    budget: 3,
    units: [
      {
        id: "T02",
        status: "blocked_human",
        extra: "attempts: 3\ncost_usd: 1.2",
      },
      { id: "T03", deps: ["T02"] },
      { id: "T04" },
    ],
  },
];

describe("specfuse status (cli.md §3.4, driver §32 D-STAT-1)", () => {
  it("C-STATUS-1 prints features, the unit table, ready/blocked, totals and the next step; exit 0", async () => {
    const repo = operatorRepo(gates);
    const r = await runCli(["status"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(
      /^specfuse 0\.4\.0 · scaffold 0\.4\.0 · lock free$/m,
    );
    expect(r.stdout).toMatch(
      /gate 2 +open +current +0\/3 done · spent \$0\.00 of \$3\.00/,
    );
    expect(r.stdout).toMatch(
      /T02 +implementation +blocked_human +3 +sonnet +medium +\$1\.20/,
    );
    expect(r.stdout).toMatch(/ready +T04/);
    expect(r.stdout).toMatch(/blocked +T02: blocked_human/);
    expect(r.stdout).toMatch(
      /next +specfuse unblock FEAT-2026-0042\/T02 --reason/,
    );
  });

  it("C-JSON-3 --json validates against the schema, and shows the lock holder (D-LOCK-7: status takes no lock)", async () => {
    const repo = operatorRepo(gates);
    await holdLock(repo.dir);
    const r = await runCli(["status", "--json"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown> & {
      features: Array<{ gates: unknown[]; current_gate: number }>;
      lock: { held: boolean; command: string };
    };
    expect(validate(doc)).toBe(true);
    expect(Object.keys(doc).slice(0, 3)).toEqual([
      "schema",
      "exit_code",
      "error",
    ]);
    expect(doc.lock).toMatchObject({
      held: true,
      command: "run",
      feature: FEATURE_ID,
    });
    expect(doc.features[0]?.current_gate).toBe(2);
    expect(doc.features[0]?.gates).toHaveLength(2);
  });

  it("C-STATUS-2 --graph mermaid and dot print the current gate only; with --json it is a usage error", async () => {
    const repo = operatorRepo(gates);
    const m = await runCli(
      ["status", "--graph", "mermaid", "--feature", `./${DIR}`],
      { cwd: repo.dir },
    );
    expect(m.exitCode).toBe(0);
    expect(m.stdout.split("\n")[0]).toBe("flowchart TD");
    expect(m.stdout).toMatch(/n_FEAT_2026_0042_T02 --> n_FEAT_2026_0042_T03/);
    expect(m.stdout).not.toMatch(/T01/);
    // Issue 17 point 8: T03 waits on the blocked T02, so it is stuck, not ready; T04 has no dependency.
    expect(m.stdout).toContain(
      'n_FEAT_2026_0042_T03["T03<br/>implementation · pending (stuck)"]',
    );
    expect(m.stdout).toMatch(/^ {2}class n_FEAT_2026_0042_T03 stuck$/m);
    expect(m.stdout).toMatch(/^ {2}class n_FEAT_2026_0042_T04 ready$/m);
    const d = await runCli(
      ["status", "--graph", "dot", "--feature", FEATURE_ID],
      { cwd: repo.dir },
    );
    expect(d.exitCode).toBe(0);
    expect(d.stdout).toMatch(/^digraph "FEAT-2026-0042 gate 2" \{/);
    expect(d.stdout).toMatch(/"FEAT-2026-0042\/T02" -> "FEAT-2026-0042\/T03";/);
    const both = await runCli(["status", "--graph", "dot", "--json"], {
      cwd: repo.dir,
    });
    expect(both.exitCode).toBe(64);
    expect(both.stderr).toMatch(/^error\[usage\]/m);
    const bad = await runCli(["status", "--graph", "svg"], { cwd: repo.dir });
    expect(bad.exitCode).toBe(64);
  });

  it("C-STATUS-3/4 an unparseable file is reported file:line, the rest still shows, exit 65 (JSON keeps the body)", async () => {
    const repo = operatorRepo(gates);
    writeFileSync(
      path.join(repo.dir, DIR, "WU-T04.md"),
      "---\nid: [oops\n---\n# T04\n",
    );
    const r = await runCli(["status"], { cwd: repo.dir });
    expect(r.exitCode).toBe(65);
    expect(r.stdout).toMatch(new RegExp(`${DIR}/WU-T04.md:2: frontmatter`));
    expect(r.stdout).toMatch(/T02 +implementation +blocked_human/);
    expect(r.stderr).toMatch(
      /^error\[yaml_error\]: 1 file could not be read or parsed/m,
    );
    const j = await runCli(["status", "--json"], { cwd: repo.dir });
    expect(j.exitCode).toBe(65);
    const doc = JSON.parse(j.stdout) as {
      exit_code: number;
      error: { code: string };
      features: unknown[];
    };
    expect(validate(doc)).toBe(true);
    expect(doc.exit_code).toBe(65);
    expect(doc.error.code).toBe("yaml_error");
    expect(doc.features).toHaveLength(1);
  });

  it("C-STATUS-1 done features are hidden unless --all; an unknown --feature is 64; no workspace is 65", async () => {
    const repo = operatorRepo(
      [{ gate: 1, status: "passed", units: [{ id: "T01", status: "done" }] }],
      "done",
    );
    const r = await runCli(["status"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/no features to show/);
    const all = await runCli(["status", "--all"], { cwd: repo.dir });
    expect(all.stdout).toMatch(/FEAT-2026-0042 +Rate limits +done/);
    expect(
      (await runCli(["status", "--feature", "nope"], { cwd: repo.dir }))
        .exitCode,
    ).toBe(64);
    const none = await runCli(["status"], {
      cwd: tempDir("specfuse-nows-"),
    });
    expect(none.exitCode).toBe(65);
    expect(none.stderr).toMatch(/error\[no_specfuse_dir\]/);
  });

  it("D-STAT-1 --graph still prints the graph, but exits 65 naming a unit file with duplicate keys (issue 9)", async () => {
    const repo = operatorRepo(gates);
    const file = path.join(repo.dir, DIR, "WU-T03.md");
    writeFileSync(
      file,
      "---\nid: FEAT-2026-0042/T03\ntype: implementation\nstatus: pending\nstatus: done\n---\n# T03\n",
    );
    const r = await runCli(
      ["status", "--graph", "mermaid", "--feature", FEATURE_ID],
      { cwd: repo.dir },
    );
    expect(r.exitCode).toBe(65);
    expect(r.stdout).toMatch(/^flowchart TD/);
    expect(r.stderr).toMatch(/error\[yaml_error\]/);
    expect(r.stderr).toContain(`${DIR}/WU-T03.md`);
    expect(r.stderr).toMatch(/duplicate|unique/i);
  });
});
