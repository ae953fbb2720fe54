import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/schemas/ajv.js";
import { DOCTOR_OUTPUT_SCHEMA } from "../../src/schemas/doctor-output.js";
import { gitRepo } from "../helpers/git-repo.js";
import { fixtureBin, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const validate = compileSchema(DOCTOR_OUTPUT_SCHEMA);
const AGENT = { SPECFUSE_AGENT_CMD: fixtureBin("agent-pass") };

interface DoctorDoc {
  exit_code: number;
  error: { code: string } | null;
  checks: Array<{
    id: string;
    status: string;
    summary: string;
    code?: string | null;
  }>;
}

// A repository set up by `specfuse init`, committed.
async function initialized() {
  const repo = gitRepo({
    "package.json": '{"name":"demo","scripts":{"test":"node --test"}}\n',
  });
  const init = await runCli(["init"], { cwd: repo.dir });
  expect(init.exitCode).toBe(0);
  repo.commitAll("chore: add specfuse");
  return repo;
}

const statuses = (doc: DoctorDoc) =>
  Object.fromEntries(doc.checks.map((c) => [c.id, c.status]));

describe("specfuse doctor (cli.md §3.8)", () => {
  it("C-DOCTOR-1 a healthy workspace passes every check; the agent answers --version", async () => {
    const repo = await initialized();
    const r = await runCli(["doctor"], { cwd: repo.dir, env: AGENT });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^ {2}ok +agent +agent-pass 0\.0\.0/m);
    expect(r.stdout).toMatch(/all 11 checks passed/);
    expect(r.stderr).toMatch(/checking the agent: .*agent-pass --version/);
    const j = await runCli(["doctor", "--json"], { cwd: repo.dir, env: AGENT });
    const doc = JSON.parse(j.stdout) as DoctorDoc;
    expect(validate(doc)).toBe(true);
    expect(doc.checks.map((c) => c.id)).toEqual([
      "node",
      "git",
      "agent",
      "scaffold-version",
      "scaffold-modified",
      "wiring",
      "verification",
      "config",
      "hooks",
      "lock",
      "legacy",
    ]);
    expect(new Set(doc.checks.map((c) => c.status))).toEqual(new Set(["ok"]));
  });

  it("C-DOCTOR-2 a broken workspace fails with exit 1 and says which checks and why", async () => {
    const repo = await initialized();
    writeFileSync(
      path.join(repo.dir, ".specfuse", "config.yml"),
      "version: 2\n",
    );
    writeFileSync(
      path.join(repo.dir, ".specfuse", "rules", "never-touch.md"),
      "# edited\n",
    );
    writeFileSync(path.join(repo.dir, ".gitignore"), "node_modules/\n");
    writeFileSync(
      path.join(repo.dir, ".specfuse", "verification.yml"),
      "code: []\n",
    );
    rmSync(path.join(repo.dir, ".claude", "commands", "arm-gate.md"));
    writeFileSync(path.join(repo.dir, ".specfuse", "config"), "legacy\n");
    const r = await runCli(["doctor", "--json"], {
      cwd: repo.dir,
      env: { SPECFUSE_AGENT_CMD: "/nonexistent/agent" },
    });
    expect(r.exitCode).toBe(1);
    const doc = JSON.parse(r.stdout) as DoctorDoc;
    expect(validate(doc)).toBe(true);
    expect(doc.error?.code).toBe("doctor_failed");
    expect(statuses(doc)).toMatchObject({
      node: "ok",
      git: "ok",
      agent: "fail",
      "scaffold-version": "ok",
      "scaffold-modified": "warn",
      wiring: "fail",
      verification: "fail",
      config: "fail",
      lock: "ok",
      legacy: "warn",
    });
    const text = await runCli(["doctor"], {
      cwd: repo.dir,
      env: { SPECFUSE_AGENT_CMD: "/nonexistent/agent" },
    });
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toMatch(/^ {2}FAIL {2}config/m);
    expect(text.stdout).toMatch(/kept: \.specfuse\/rules\/never-touch\.md/);
    expect(text.stdout).toMatch(/4 checks failed, 2 warnings/);
    expect(text.stderr).not.toMatch(/error\[doctor_failed\]/);
  });

  it("C-DOCTOR-1 without a workspace, node/git/agent still run and the workspace checks fail with no_specfuse_dir", async () => {
    const dir = tempDir("specfuse-doctor-");
    const r = await runCli(["doctor", "--json"], { cwd: dir, env: AGENT });
    expect(r.exitCode).toBe(1);
    const doc = JSON.parse(r.stdout) as DoctorDoc;
    expect(validate(doc)).toBe(true);
    expect(statuses(doc)).toMatchObject({
      node: "ok",
      agent: "ok",
      wiring: "fail",
      lock: "fail",
    });
    expect(doc.checks.filter((c) => c.code === "no_specfuse_dir")).toHaveLength(
      8,
    );
  });
});
