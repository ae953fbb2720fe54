import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/schemas/ajv.js";
import { SHOW_OUTPUT_SCHEMA } from "../../src/schemas/show-output.js";
import { exitCodeFor } from "../../src/errors/codes.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { DIR, FEATURE_ID, featureFiles } from "../operator/feature-fixture.js";
import { operatorRepo } from "./operator-repo.js";
import { RAN_GATES as gates, T1, T2, WORK, ranRepo } from "./ran-feature.js";

const validate = compileSchema(SHOW_OUTPUT_SCHEMA);
describe("specfuse show (issue 16 §2)", () => {
  it("shows a unit by short id in the active feature: dependencies, attempts, notes' paths and the squash commit", async () => {
    const { repo, squash } = ranRepo();
    const r = await runCli(["show", "T02"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^FEAT-2026-0042\/T02 {2}Unit T02$/m);
    expect(r.stdout).toMatch(/depends on\n {2}FEAT-2026-0042\/T01 +done/);
    expect(r.stdout).toMatch(
      /cycle 1 \(current\) · started .* · escalated \(spinning_signature_repeat\)/,
    );
    expect(r.stdout).toMatch(
      /#1 {2}failed {2}0:10 {2}\$0.25 {2}3 findings {2}tests/,
    );
    expect(r.stdout).toContain(`      note        ${WORK}/attempt-1.md`);
    expect(r.stdout).toContain(`      prompt      ${WORK}/attempt-1.prompt.md`);
    expect(r.stdout).toContain(
      "1 event of a type this version does not know was ignored",
    );
    expect(r.stdout).toContain("commit   none yet");
    expect(r.stderr).toBe("");

    const t1 = await runCli(["show", T1], { cwd: `${repo.dir}/src` });
    expect(t1.exitCode).toBe(0);
    expect(t1.stdout).toContain(
      `commit   ${squash.slice(0, 7)} feat: Unit T01`,
    );
    // Paths print relative to the invocation directory (cli.md C-OUT-4).
    expect(t1.stdout).toContain(`file     ../${DIR}/WU-T01.md`);
  });

  it("--json is specfuse.show/1 and validates", async () => {
    const { repo, squash } = ranRepo();
    const r = await runCli(["show", T1, "--json"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(validate(doc)).toBe(true);
    expect(doc).toMatchObject({
      schema: "specfuse.show/1",
      exit_code: 0,
      error: null,
      unit: { id: T1, status: "done" },
      commit: { sha: squash, subject: "feat: Unit T01", source: "git" },
      dependents: [{ id: T2, status: "blocked_human" }],
      totals: { attempts: 1, cost_usd: 0.25 },
    });
    const t2 = JSON.parse(
      (await runCli(["show", "T02", "--json"], { cwd: repo.dir })).stdout,
    ) as {
      cycles: Array<{
        attempts: Array<{
          findings: number | null;
          files: { note: string | null };
        }>;
      }>;
      ignored_events: number;
    };
    expect(validate(t2)).toBe(true);
    expect(
      t2.cycles[0]?.attempts.map((a) => [a.findings, a.files.note]),
    ).toEqual([
      [3, `${WORK}/attempt-1.md`],
      [null, `${WORK}/attempt-2.md`],
    ]);
    expect(t2.ignored_events).toBe(1);
  });

  it("an unknown unit is 64 wu_not_found, with the units listed; JSON carries the error", async () => {
    const { repo } = ranRepo();
    const r = await runCli(["show", "T77"], { cwd: repo.dir });
    expect(r.exitCode).toBe(64);
    expect(r.stderr).toMatch(
      /^error\[wu_not_found\]: no unit "T77" in FEAT-2026-0042$/m,
    );
    expect(r.stderr).toMatch(
      /the units are: FEAT-2026-0042\/T01, FEAT-2026-0042\/T02/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const j = await runCli(["show", "T77", "--json"], { cwd: repo.dir });
    const doc = JSON.parse(j.stdout) as Record<string, unknown>;
    expect(validate(doc)).toBe(true);
    expect(doc).toMatchObject({
      exit_code: 64,
      error: { code: "wu_not_found" },
    });
  });

  it("C-ERR-3 a short id that two features share, with none active, is 64 wu_ambiguous listing both candidates", async () => {
    expect(exitCodeFor("wu_ambiguous")).toBe(64);
    const other = "FEAT-2026-0043";
    const folder = `.specfuse/features/${other}-quotas`;
    const extra: Record<string, string> = {};
    for (const [name, text] of Object.entries(featureFiles(gates, "planned")))
      extra[`${folder}/${name}`] = text.replaceAll(FEATURE_ID, other);
    const repo = operatorRepo(gates, "done", extra);
    const r = await runCli(["show", "T02"], { cwd: repo.dir });
    expect(r.exitCode).toBe(64);
    expect(r.stderr).toMatch(
      /^error\[wu_ambiguous\]: "T02" names 2 units; say which one$/m,
    );
    expect(r.stderr).toContain(`${T2}  (FEAT-2026-0042-rate-limits)`);
    expect(r.stderr).toContain(`${other}/T02  (${other}-quotas)`);
    const full = await runCli(["show", `${other}/T02`], { cwd: repo.dir });
    expect(full.exitCode).toBe(0);
    expect(full.stdout).toMatch(/^FEAT-2026-0043\/T02 {2}/m);
    const named = await runCli(
      ["show", "T01", "--feature", `${other}-quotas`],
      { cwd: repo.dir },
    );
    expect(named.exitCode).toBe(0);
    expect(named.stdout).toMatch(/^FEAT-2026-0043\/T01 {2}/m);
  });

  it("a unit whose file is unparseable is shown as far as possible, then 65; no workspace is 65", async () => {
    const repo = operatorRepo(gates);
    repo.write({ [`${DIR}/WU-T02.md`]: "---\nid: [unclosed\n---\n# T02\n" });
    const r = await runCli(["show", "T02"], { cwd: repo.dir });
    expect(r.exitCode).toBe(65);
    expect(r.stdout).toMatch(/^FEAT-2026-0042\/T02/m);
    expect(r.stderr).toMatch(
      /^error\[yaml_error\]: .*WU-T02\.md:2: frontmatter:/m,
    );
    const bare = await runCli(["show", "T02"], {
      cwd: tempDir("specfuse-bare-"),
    });
    expect(bare.exitCode).toBe(65);
    expect(bare.stderr).toMatch(/^error\[no_specfuse_dir\]/m);
  });
});
