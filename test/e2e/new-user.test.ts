import { appendFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/schemas/ajv.js";
import { DRY_RUN_OUTPUT_SCHEMA } from "../../src/schemas/run-output.js";
import { fixtureBin, runCli } from "../helpers/run-cli.js";
import { scaffoldRepo } from "../scaffold/support/scaffold-repo.js";

const validateDryRun = compileSchema(DRY_RUN_OUTPUT_SCHEMA);

// What a new user trips over, walked with the built bin (issue 17).
describe("a new user's first steps (issue 17)", () => {
  it("point 10: init's Next names the hand-written plan guide beside /draft-feature, and the guide is there", async () => {
    const repo = scaffoldRepo({
      "package.json": '{"name":"x","scripts":{"test":"node --test"}}\n',
    });
    const r = await runCli(["init"], { cwd: repo.dir, env: repo.env });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(
      "  3. in Claude Code: /draft-feature <goal>   (or by hand: .specfuse/docs/writing-a-plan.md)",
    );
    expect(
      existsSync(path.join(repo.dir, ".specfuse/docs/writing-a-plan.md")),
    ).toBe(true);
    expect(
      existsSync(path.join(repo.dir, ".specfuse/docs/agent-contract.md")),
    ).toBe(true);
  });

  it("point 12: run with no active feature exits 1 and points at `status --all`, which shows every feature", async () => {
    const repo = scaffoldRepo({
      "package.json": '{"name":"x","scripts":{"test":"node --test"}}\n',
    });
    await runCli(["init"], { cwd: repo.dir, env: repo.env });
    const r = await runCli(["run"], { cwd: repo.dir, env: repo.env });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error\[no_active_feature\]/m);
    expect(r.stderr).toContain("`specfuse status --all` shows every feature");
  });

  it("point 7: oracle_uncommitted names verification.yml as its location and in the command to run, nowhere else", async () => {
    const repo = scaffoldRepo({
      "package.json": '{"name":"x","scripts":{"test":"node --test"}}\n',
    });
    await runCli(["init", "--example"], { cwd: repo.dir, env: repo.env });
    repo.git("add", "-A");
    repo.git("commit", "-qm", "chore: add specfuse");
    appendFileSync(
      path.join(repo.dir, ".specfuse/verification.yml"),
      "# edited\n",
    );
    const r = await runCli(["run"], {
      cwd: repo.dir,
      env: { ...repo.env, SPECFUSE_AGENT_CMD: fixtureBin("agent-pass") },
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^error\[oracle_uncommitted\]: the verification checks have uncommitted changes$/m,
    );
    expect(r.stderr.split(".specfuse/verification.yml")).toHaveLength(3);
    expect(r.stderr).toContain("  --> .specfuse/verification.yml\n");
  });

  it("point 5: `init --example` with no detected stack, then `run --dry-run`, shows the walk and says what a real run would refuse", async () => {
    const repo = scaffoldRepo({ "README.md": "# nothing to detect\n" });
    await runCli(["init", "--example"], { cwd: repo.dir, env: repo.env });
    repo.git("add", "-A");
    repo.git("commit", "-qm", "chore: add specfuse");
    const r = await runCli(["run", "--dry-run"], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      /^ {2}1\. FEAT-0000-0001\/T01 \[implementation\]/m,
    );
    expect(r.stdout).toContain(
      "a real run would refuse: error[verification_set_missing]: .specfuse/verification.yml: a verification set is missing or empty: code",
    );
    expect(r.stdout).toMatch(
      /predicted end state: \w+ \(once that is fixed\)$/,
    );
    const real = await runCli(["run"], {
      cwd: repo.dir,
      env: { ...repo.env, SPECFUSE_AGENT_CMD: fixtureBin("agent-pass") },
    });
    expect(real.exitCode).toBe(65);
    expect(real.stderr).toMatch(/^error\[verification_set_missing\]/m);
    const json = await runCli(["run", "--dry-run", "--json"], {
      cwd: repo.dir,
      env: repo.env,
    });
    const doc = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(validateDryRun(doc)).toBe(true);
    expect(doc.would_refuse).toMatchObject({
      code: "verification_set_missing",
    });
  });
});
