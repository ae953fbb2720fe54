import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitRepo } from "../helpers/git-repo.js";
import { PROJECT_ROOT, runCli } from "../helpers/run-cli.js";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";

const FEATURE = ".specfuse/features/FEAT-0000-0001-hello-greeting";
const DEMO = path.join(PROJECT_ROOT, "scripts", "demo.mjs");
const AGENT = path.join(PROJECT_ROOT, "scripts", "demo-agent.mjs");
const SHIPPED_AGENT = path.join(
  PROJECT_ROOT,
  "scaffold",
  "demo",
  "demo-agent.mjs",
);

// Git isolated from the user's configuration (architecture.md A-TEST-2).
function isolatedGitEnv(home: string): Record<string, string> {
  const config = path.join(home, "gitconfig");
  writeFileSync(config, "");
  return {
    HOME: home,
    GIT_CONFIG_GLOBAL: config,
    GIT_CONFIG_NOSYSTEM: "1",
  };
}

function gitIn(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1" },
  }).trimEnd();
}

// The trailers of one commit, as `git interpret-trailers --parse` reads them.
function trailersOf(dir: string, sha: string): Array<[string, string]> {
  const message = gitIn(dir, "log", "-1", "--format=%B", sha);
  const parsed = execFileSync("git", ["interpret-trailers", "--parse"], {
    cwd: dir,
    input: message,
    encoding: "utf8",
  });
  return parsed
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => {
      const i = l.indexOf(": ");
      return [l.slice(0, i), l.slice(i + 2)] as [string, string];
    });
}

function frontmatter(file: string): Record<string, unknown> {
  const fm = parseFrontmatter(readFileSync(file, "utf8"));
  if (fm.state !== "ok") throw new Error(`unparseable frontmatter in ${file}`);
  return fm.data as Record<string, unknown>;
}

function events(dir: string): Array<Record<string, unknown>> {
  return readFileSync(path.join(dir, FEATURE, "events.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("npm run demo (cli.md C-README-4, init.md I-EX-4, architecture.md A-TEST-4)", () => {
  let base = "";
  let repo = "";
  let result: { exitCode: number; stdout: string; stderr: string };

  beforeAll(async () => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), "specfuse-demo-e2e-")));
    const home = path.join(base, "home");
    mkdirSync(home);
    const r = await execa(process.execPath, [DEMO, "--keep"], {
      cwd: PROJECT_ROOT,
      env: {
        FORCE_COLOR: "0",
        NO_COLOR: "1",
        CI: "1",
        TMPDIR: base,
        ...isolatedGitEnv(home),
      },
      reject: false,
      timeout: 150_000,
    });
    result = {
      exitCode: r.exitCode ?? -1,
      stdout: r.stdout,
      stderr: r.stderr,
    };
    repo = /^kept: (.+)$/m.exec(result.stdout)?.[1] ?? "";
  }, 180_000);

  afterAll(() => {
    if (base !== "") rmSync(base, { recursive: true, force: true });
  });

  it("C-README-4 exits 0 and keeps the repository under the OS temp dir with --keep", () => {
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(repo).not.toBe("");
    expect(path.relative(base, repo).startsWith("..")).toBe(false);
    expect(existsSync(path.join(repo, ".git"))).toBe(true);
  });

  it("C-README-4 prints each step's command in order and ends with git log --oneline", () => {
    const commands = [
      "$ specfuse init --example",
      "$ specfuse lint",
      "$ specfuse status",
      "$ specfuse run --dry-run",
      "$ specfuse run\n",
      "%(trailers:only,unfold)",
      "$ specfuse status",
      "$ git log --oneline",
    ];
    let from = 0;
    for (const c of commands) {
      const at = result.stdout.indexOf(c, from);
      expect(at, `"${c}" after offset ${from}`).toBeGreaterThanOrEqual(from);
      from = at + c.length;
    }
    // The walk is shown: T02's failed first attempt and its passing retry.
    expect(result.stdout).toMatch(/attempt 1\/3 FAIL/);
    expect(result.stdout).toMatch(/attempt 2\/3 PASS/);
    // Once `status` exists, the final `status --all` shows the finished feature.
    if (!/skipped: this build has no `status`/.test(result.stdout)) {
      const last = result.stdout.slice(
        result.stdout.lastIndexOf("$ specfuse status"),
        result.stdout.lastIndexOf("$ git log"),
      );
      expect(last).toMatch(/FEAT-0000-0001 .*\bdone\b/);
      expect(last).toMatch(/3\/3 units done/);
    }
    // The last command's output is the one-line history, ending at the first commit.
    const tail = result.stdout.slice(result.stdout.lastIndexOf("$ git log"));
    expect(tail).toMatch(/chore: start the project/);
  });

  it("C-README-4 seeds a package.json whose test script is node --test, and a local identity with signing off", () => {
    const pkg = JSON.parse(
      readFileSync(path.join(repo, "package.json"), "utf8"),
    ) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toBe("node --test");
    expect(gitIn(repo, "config", "--local", "user.name")).not.toBe("");
    expect(gitIn(repo, "config", "--local", "user.email")).not.toBe("");
    expect(gitIn(repo, "config", "--local", "commit.gpgsign")).toBe("false");
  });

  it("I-EX-4 the gate is passed, the PLAN done, the roadmap row done and archived", () => {
    expect(frontmatter(path.join(repo, FEATURE, "GATE-01.md")).status).toBe(
      "passed",
    );
    expect(frontmatter(path.join(repo, FEATURE, "PLAN.md")).status).toBe(
      "done",
    );
    const close = frontmatter(
      path.join(repo, FEATURE, "WU-90-gate-1-close.md"),
    );
    expect(close).toMatchObject({
      status: "done",
      verdict: "met",
      auto_close: true,
    });
    const roadmap = readFileSync(
      path.join(repo, ".specfuse", "roadmap.md"),
      "utf8",
    );
    const row = roadmap
      .split("\n")
      .find((l) => l.startsWith("| FEAT-0000-0001 "));
    expect(row?.split("|").map((c) => c.trim())[3]).toBe("done");
    expect(row).toContain("roadmap-archive.md#feat-0000-0001");
    expect(roadmap).not.toMatch(/^## FEAT-0000-0001/m);
    const archive = readFileSync(
      path.join(repo, ".specfuse", "roadmap-archive.md"),
      "utf8",
    );
    expect(archive).toContain('<a id="feat-0000-0001"></a>');
    expect(archive).toMatch(/^## FEAT-0000-0001 — Hello greeting/m);
  });

  it("I-EX-4 the example's code works: node hello/cli.mjs prints the greetings", () => {
    const run = (...args: string[]) =>
      execFileSync(process.execPath, ["hello/cli.mjs", ...args], {
        cwd: repo,
        encoding: "utf8",
      });
    expect(run("Ada")).toBe("Hello, Ada!\n");
    expect(run()).toBe("Hello, world!\n");
  });

  it("F-GIT-1/F-GIT-3 the expected commits, in order, with trailers git can parse", () => {
    const lines = gitIn(repo, "log", "--reverse", "--format=%H %s").split("\n");
    const subjects = lines.map((l) => l.slice(41));
    expect(subjects).toEqual([
      "chore: start the project",
      "chore: add specfuse",
      "feat: Add the greet function",
      "feat: Add a command line for the greeting",
      "chore(loop): FEAT-0000-0001/G1-CLOSE auto-closed (predicate=v1)",
      "chore(loop): gate 1 awaiting_review",
      "chore(loop): FEAT-0000-0001/G1-CLOSE terminal flips",
    ]);
    const shas = lines.map((l) => l.slice(0, 40));
    const unitTrailers = (id: string, attempts: string, cost: string) => [
      ["Feature", id],
      ["Work-Unit-Type", "implementation"],
      ["Attempts", attempts],
      ["Model", "sonnet"],
      ["Verified-By", "tests, hello-tests"],
      ["Cost-USD", cost],
    ];
    expect(trailersOf(repo, shas[2] as string)).toEqual(
      unitTrailers("FEAT-0000-0001/T01", "1", "0.01"),
    );
    expect(trailersOf(repo, shas[3] as string)).toEqual(
      unitTrailers("FEAT-0000-0001/T02", "2", "0.02"),
    );
    for (const sha of shas.slice(4))
      expect(trailersOf(repo, sha)).toEqual([["Feature", "FEAT-0000-0001"]]);
    expect(gitIn(repo, "branch", "--show-current")).toBe(
      "feat/FEAT-0000-0001-hello-greeting",
    );
  });

  it("I-EX-4 T02 took two attempts: the first failed the example check, the retry saw that evidence and passed", () => {
    const t02 = frontmatter(path.join(repo, FEATURE, "WU-02-greet-cli.md"));
    expect(t02).toMatchObject({ status: "done", attempts: 2 });
    expect(
      frontmatter(path.join(repo, FEATURE, "WU-01-greet-function.md")),
    ).toMatchObject({ status: "done", attempts: 1 });
    const outcomes = events(repo)
      .filter(
        (e) =>
          e.event_type === "attempt_outcome" &&
          e.correlation_id === "FEAT-0000-0001/T02",
      )
      .map((e) => (e.payload as { outcome: string }).outcome);
    expect(outcomes).toEqual(["failed", "passed"]);
    const work = path.join(repo, FEATURE, "work", "FEAT-0000-0001_T02");
    expect(readFileSync(path.join(work, "attempt-1.md"), "utf8")).toMatch(
      /^### hello-tests: FAIL$/m,
    );
    expect(
      readFileSync(path.join(work, "attempt-1.prompt.md"), "utf8"),
    ).not.toMatch(/^### hello-tests: FAIL$/m);
    expect(
      readFileSync(path.join(work, "attempt-2.prompt.md"), "utf8"),
    ).toMatch(/^### hello-tests: FAIL$/m);
  });

  it("D-END-5 leaves a clean working tree", () => {
    expect(gitIn(repo, "status", "--porcelain")).toBe("");
  });

  it("C-README-4 without --keep the repository is deleted", async () => {
    const own = realpathSync(
      mkdtempSync(path.join(tmpdir(), "specfuse-demo-e2e-")),
    );
    try {
      const r = await execa(process.execPath, [DEMO], {
        env: {
          FORCE_COLOR: "0",
          NO_COLOR: "1",
          CI: "1",
          TMPDIR: own,
          ...isolatedGitEnv(own),
        },
        reject: false,
        timeout: 150_000,
      });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/^kept: /m);
      const left = readdirSync(own).filter((n) =>
        n.startsWith("specfuse-demo-"),
      );
      expect(left).toEqual([]);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("the demo agent (cli.md C-README-5, README resolved point 7)", () => {
  const answer = async (args: string[], input: string, env = {}) =>
    execa(AGENT, args, {
      input,
      env: { SPECFUSE_WORK_UNIT: "FEAT-9999-0001/T99", ...env },
      reject: false,
      timeout: 30_000,
    });

  it("ships under a folder the package's files list covers, with a shebang and the executable bit", () => {
    const pkg = JSON.parse(
      readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"),
    ) as { files: string[] };
    expect(pkg.files).toContain("scaffold/");
    for (const file of [SHIPPED_AGENT, AGENT]) {
      expect(
        readFileSync(file, "utf8").startsWith("#!/usr/bin/env node\n"),
      ).toBe(true);
      const mode = execFileSync("git", ["ls-files", "-s", file], {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
      });
      expect(mode.startsWith("100755"), file).toBe(true);
    }
  });

  it("answers stream-json by default: init, assistant and result lines with usage and total_cost_usd 0.01", async () => {
    const r = await answer(["-p", "--model", "sonnet"], "## Work unit x\n");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ type: "system", subtype: "init" });
    expect(lines.some((l) => l.type === "assistant")).toBe(true);
    const last = lines[lines.length - 1] as Record<string, unknown>;
    expect(last).toMatchObject({ type: "result", total_cost_usd: 0.01 });
    const usage = last.usage as Record<string, number>;
    expect(usage.input_tokens).toBeGreaterThan(0);
    expect(usage.output_tokens).toBeGreaterThan(0);
    // An id outside the example is refused honestly, as a blocked RESULT.
    expect(String(last.result)).toMatch(/```result\nstatus: blocked\n/);
  });

  it("answers one result object with --output-format json", async () => {
    const r = await answer(["-p", "--output-format", "json"], "prompt\n");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      type: "result",
      total_cost_usd: 0.01,
    });
  });

  it("answers --version without reading stdin (doctor's agent probe)", async () => {
    const r = await execa(AGENT, ["--version"], {
      stdin: "ignore",
      reject: false,
      timeout: 10_000,
    });
    expect(r.exitCode).toBe(0);
    const pkg = JSON.parse(
      readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"),
    ) as { version: string };
    expect(r.stdout).toContain(pkg.version);
  });

  it("I-EX-4 performs the close unit correctly when it is dispatched instead of auto-closed", async () => {
    const repoDir = gitRepo({
      "package.json": `${JSON.stringify({ name: "hello", private: true, scripts: { test: "node --test" } })}\n`,
    });
    const env = { ...repoDir.env, SPECFUSE_AGENT_CMD: AGENT };
    expect(
      (await runCli(["init", "--example"], { cwd: repoDir.dir, env })).exitCode,
    ).toBe(0);
    repoDir.commitAll("chore: add specfuse");
    const r = await runCli(
      ["run", "--json", "--force-full-close", "FEAT-0000-0001"],
      { cwd: repoDir.dir, env, timeoutMs: 120_000 },
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ending: "feature_ready_to_wrap",
    });
    const dir = path.join(repoDir.dir, FEATURE);
    expect(frontmatter(path.join(dir, "WU-90-gate-1-close.md"))).toMatchObject({
      status: "done",
      verdict: "met",
      attempts: 1,
    });
    const retro = readFileSync(path.join(dir, "RETROSPECTIVE.md"), "utf8");
    expect(retro).toMatch(/^## Cost analysis$/m);
    expect(retro).toMatch(/^### Failure-class breakdown$/m);
    expect(retro).toContain("| FEAT-0000-0001/T02 | $0.05 | $0.02 | 2 |");
    expect(
      readFileSync(path.join(repoDir.dir, ".specfuse", "LEARNINGS.md"), "utf8"),
    ).toMatch(/^- \[FEAT-0000-0001\/G1\] /m);
    expect(frontmatter(path.join(dir, "PLAN.md")).status).toBe("done");
    const subjects = repoDir.log("%s");
    expect(subjects.slice(0, 3)).toEqual([
      "chore(loop): FEAT-0000-0001/G1-CLOSE terminal flips",
      "chore(loop): gate 1 awaiting_review",
      "docs: Close the hello-greeting feature",
    ]);
    const closeTrailers = trailersOf(repoDir.dir, "HEAD~2");
    expect(closeTrailers).toContainEqual(["Work-Unit-Type", "close"]);
    expect(closeTrailers).toContainEqual(["Verified-By", "plan-lint"]);
    expect(repoDir.git("status", "--porcelain")).toBe("");
  }, 150_000);
});
