import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACT_CHANGED_COMMAND } from "../../src/scaffold/render-verification.js";
import { scaffoldRepo } from "./support/scaffold-repo.js";

const FEATURE = ".specfuse/features/FEAT-2026-0001-demo";

function repo() {
  const r = scaffoldRepo({
    "README.md": "# demo\n",
    "docs/guide.md": "guide\n",
    ".gitignore": "docs/*.log\n",
    ".specfuse/LEARNINGS.md": "# Learnings\n",
    ".specfuse/roadmap.md": "# Roadmap\n",
    [`${FEATURE}/PLAN.md`]: "plan\n",
    [`${FEATURE}/WU-01-x.md`]: "---\nstatus: pending\n---\n",
    "src/app.js": "x\n",
  });
  return r;
}

// Runs the seeded `doc` check exactly as the driver would: {feature_dir} substituted, sh -c, repo root.
function check(dir: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const command = ARTIFACT_CHANGED_COMMAND.replace(/\{feature_dir\}/g, FEATURE);
  const r = spawnSync("/bin/sh", ["-c", command], {
    cwd: dir,
    env: { ...process.env, ...env, SPECFUSE_WU_FILE: `${FEATURE}/WU-01-x.md`, SPECFUSE_FEATURE_DIR: FEATURE },
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the seeded doc check `artifact-changed` (init.md I-STACK-2)", () => {
  it.each([
    ["a tracked file under docs/", (d: string) => appendFileSync(path.join(d, "docs/guide.md"), "more\n")],
    ["a new file under docs/", (d: string) => { mkdirSync(path.join(d, "docs/api"), { recursive: true }); writeFileSync(path.join(d, "docs/api/x.md"), "x\n"); }],
    ["README.md", (d: string) => appendFileSync(path.join(d, "README.md"), "more\n")],
    ["LEARNINGS.md", (d: string) => appendFileSync(path.join(d, ".specfuse/LEARNINGS.md"), "- [FEAT-2026-0001/G1] x\n")],
    ["roadmap.md", (d: string) => appendFileSync(path.join(d, ".specfuse/roadmap.md"), "row\n")],
    ["a new RETROSPECTIVE.md", (d: string) => writeFileSync(path.join(d, FEATURE, "RETROSPECTIVE.md"), "# Retro\n")],
  ])("I-STACK-2 passes when %s changed", (_name, change) => {
    const r = repo();
    change(r.dir);
    const result = check(r.dir, r.env);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toBe("");
  });

  it.each([
    ["nothing changed", () => undefined],
    ["only the driver's write to the unit file", (d: string) => writeFileSync(path.join(d, FEATURE, "WU-01-x.md"), "---\nstatus: done\nattempts: 1\n---\n")],
    ["only events.jsonl and PLAN.md", (d: string) => { writeFileSync(path.join(d, FEATURE, "events.jsonl"), "{}\n"); appendFileSync(path.join(d, FEATURE, "PLAN.md"), "x\n"); }],
    ["only source code", (d: string) => appendFileSync(path.join(d, "src/app.js"), "y\n")],
    ["only an ignored file under docs/", (d: string) => writeFileSync(path.join(d, "docs/build.log"), "log\n")],
    ["a RETROSPECTIVE.md of another feature", (d: string) => { mkdirSync(path.join(d, ".specfuse/features/FEAT-2026-0002-b"), { recursive: true }); writeFileSync(path.join(d, ".specfuse/features/FEAT-2026-0002-b/RETROSPECTIVE.md"), "x\n"); }],
  ])("I-STACK-2 fails, saying why, when %s", (_name, change) => {
    const r = repo();
    change(r.dir);
    const result = check(r.dir, r.env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no documentation artifact changed");
  });

  it("I-STACK-2 a committed change no longer counts: only the attempt's own changes do", () => {
    const r = repo();
    appendFileSync(path.join(r.dir, "README.md"), "more\n");
    execFileSync("git", ["commit", "-qam", "docs"], { cwd: r.dir, env: { ...process.env, ...r.env } });
    expect(check(r.dir, r.env).status).toBe(1);
  });
});
