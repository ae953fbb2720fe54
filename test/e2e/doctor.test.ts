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

  it("issue 17 point 6: a .gitignore with other spellings that git applies correctly passes; one that ignores plans fails", async () => {
    const repo = await initialized();
    writeFileSync(
      path.join(repo.dir, ".gitignore"),
      "work/\n.specfuse/.loop.lock\n.specfuse/.loop.lock.json\n*.specfuse-tmp-*\n",
    );
    repo.commitAll("chore: our own ignore rules");
    const r = await runCli(["doctor", "--json"], { cwd: repo.dir, env: AGENT });
    const doc = JSON.parse(r.stdout) as DoctorDoc;
    expect(statuses(doc).wiring).toBe("ok");
    expect(r.exitCode).toBe(0);
    writeFileSync(path.join(repo.dir, ".gitignore"), ".specfuse/\n");
    const bad = await runCli(["doctor"], { cwd: repo.dir, env: AGENT });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(/^ {2}FAIL {2}wiring +git does not ignore/m);
    expect(bad.stdout).toContain(
      "ignored by .gitignore:1: .specfuse/: feature folders (.specfuse/features/FEAT-0000-0000-probe/PLAN.md) must be committed",
    );
    // `.specfuse/` ignores the lock too, so only the plans are wrong.
    expect(bad.stdout).not.toContain("not ignored:");
  });

  it("issue 17 point 6: a YAML error shows its file, line and the line itself, and the example stays in the hint column", async () => {
    const repo = await initialized();
    writeFileSync(
      path.join(repo.dir, ".specfuse", "config.yml"),
      "version: 1\nagent:\n  command: [oops\n",
    );
    const r = await runCli(["doctor"], { cwd: repo.dir, env: AGENT });
    expect(r.exitCode).toBe(1);
    const lines = r.stdout.split("\n");
    const at = lines.findIndex((l) => /^ {2}FAIL {2}config /.test(l));
    const block = lines.slice(
      at + 1,
      lines.findIndex((l, i) => i > at && /^ {2}\S/.test(l)),
    );
    const indent = /^ */.exec(block[0] ?? "")?.[0].length ?? 0;
    expect(indent).toBeGreaterThan(10);
    expect(block[0]?.trim()).toMatch(/^--> \.specfuse\/config\.yml:\d+$/);
    expect(block[1]?.trim()).toMatch(/^\d+ \|/);
    const hint = block.findIndex((l) =>
      l.trim().startsWith("hint: fix the line above"),
    );
    expect(hint).toBeGreaterThan(1);
    for (const l of block.slice(hint + 1))
      expect(l.startsWith(" ".repeat(indent + 6)), l).toBe(true);
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
