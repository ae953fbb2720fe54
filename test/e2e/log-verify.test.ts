import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileSchema } from "../../src/schemas/ajv.js";
import { LOG_VERIFY_OUTPUT_SCHEMA } from "../../src/schemas/log-verify-output.js";
import { writes } from "../helpers/driver-repo.js";
import { featureTree, type FeatureSpec } from "../helpers/feature-tree.js";
import { fixtureBin, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { writeTree } from "../helpers/write-tree.js";

const validVerify = compileSchema(LOG_VERIFY_OUTPUT_SCHEMA);

// Two implementation units (T02 fails once, then passes) and a terminal close that auto-closes.
const SPEC: FeatureSpec = {
  planExtra: ["planned_cost_usd: 0.3"],
  gates: [
    {
      number: 1,
      units: [
        { suffix: "T01", extra: ["planned_cost_usd: 0.1"] },
        { suffix: "T02", deps: ["T01"], extra: ["planned_cost_usd: 0.1"] },
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

const { info } = featureTree(SPEC);
const EVENTS = `${info.dir}/events.jsonl`;
const roots: string[] = [];
let base = "";
let gitEnv: Record<string, string> = {};

function mkTemp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  roots.push(dir);
  return dir;
}

// A repository after a real `specfuse run` with the fake agent: built once, copied per test.
beforeAll(async () => {
  const scratch = mkTemp("specfuse-verify-");
  base = path.join(scratch, "repo");
  const home = path.join(scratch, "home");
  writeTree(home, { gitconfig: "" });
  gitEnv = {
    HOME: home,
    GIT_CONFIG_GLOBAL: path.join(home, "gitconfig"),
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Test",
    GIT_AUTHOR_EMAIL: "test@example.com",
    GIT_COMMITTER_NAME: "Test",
    GIT_COMMITTER_EMAIL: "test@example.com",
  };
  writeTree(base, featureTree(SPEC).tree);
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: base,
      env: { ...process.env, ...gitEnv },
    });
  git("init", "-q", "-b", "main");
  git("config", "commit.gpgsign", "false");
  git("add", "-A");
  git("commit", "-q", "-m", "initial");
  const scriptFile = path.join(scratch, "script.json");
  writeFileSync(scriptFile, JSON.stringify(SCRIPT));
  const r = await runCli(["run"], {
    cwd: base,
    timeoutMs: 60_000,
    env: {
      ...gitEnv,
      SPECFUSE_AGENT_CMD: fixtureBin("agent-script"),
      SPECFUSE_FAKE_AGENT_SCRIPT: scriptFile,
      SPECFUSE_FAKE_AGENT_LOG: path.join(scratch, "agent.log"),
    },
  });
  if (r.exitCode !== 0) throw new Error(`run failed: ${r.stderr}`);
}, 60_000);

afterAll(() => {
  for (const d of roots) rmSync(d, { recursive: true, force: true });
});

interface Copy {
  dir: string;
  git(...args: string[]): string;
  events(): string[];
  setEvents(lines: string[]): void;
  verify(json?: boolean): ReturnType<typeof runCli>;
}

function copy(): Copy {
  const dir = path.join(tempDir("specfuse-tamper-"), "repo");
  cpSync(base, dir, { recursive: true });
  const file = path.join(dir, EVENTS);
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      env: { ...process.env, ...gitEnv },
      encoding: "utf8",
    }).trim();
  return {
    dir,
    git,
    events: () =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l !== ""),
    setEvents: (lines) => writeFileSync(file, `${lines.join("\n")}\n`),
    verify: (json = false) =>
      runCli(["log", "--verify", ...(json ? ["--json"] : [])], {
        cwd: dir,
        env: gitEnv,
      }),
  };
}

// The line of a `<file>:<line>: <kind>:` report line, and its commit in parentheses.
function violations(
  stdout: string,
): Array<{ line: number; kind: string; at: string }> {
  return stdout
    .split("\n")
    .map((l) =>
      /^(.+?):(\d+): ([a-z_]+): .* \(([0-9a-f]{12}|working tree)\)$/.exec(l),
    )
    .filter((m) => m !== null)
    .map((m) => ({ line: Number(m[2]), kind: m[3] ?? "", at: m[4] ?? "" }));
}

// Rewrites one commit of HEAD's first-parent history through `git rebase -i`, keeping every later commit.
function rewriteCommit(
  c: Copy,
  subject: string,
  change: (c: Copy) => void,
): string {
  const sha = c.git("log", "--format=%H", "-1", `--grep=^${subject}$`);
  c.git(
    "-c",
    `sequence.editor=sed -i 's/^pick ${sha.slice(0, 7)}/edit ${sha.slice(0, 7)}/'`,
    "rebase",
    "-q",
    "-i",
    `${sha}^`,
  );
  change(c);
  c.git("rebase", "--continue");
  return c.git("log", "--format=%H", "-1", `--grep=^${subject}$`);
}

describe("specfuse log --verify after a real run (AU-TEST-5, AU-VER-1/2)", () => {
  it("AU-TEST-5 the untouched trail verifies: exit 0, a count, and a valid specfuse.log-verify/1", async () => {
    const c = copy();
    const text = await c.verify();
    expect(text.exitCode, text.stderr + text.stdout).toBe(0);
    expect(text.stdout).toMatch(
      /^log --verify: no violations in 1 file, \d+ events/,
    );
    const r = await c.verify(true);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(validVerify(out), JSON.stringify(validVerify.errors)).toBe(true);
    expect(out).toMatchObject({
      schema: "specfuse.log-verify/1",
      exit_code: 0,
      error: null,
      violations: [],
    });
    const files = out.files as Array<Record<string, number>>;
    expect(files).toHaveLength(1);
    expect(files[0]?.versions).toBeGreaterThan(1);
    expect(files[0]?.events).toBe(c.events().length);
  });

  it("AU-TEST-5 a line edited in the working tree: not_append_only at that line (working tree), exit 1 log_verify_failed", async () => {
    const c = copy();
    const lines = c.events();
    c.setEvents(
      lines.map((l, i) =>
        i === 1
          ? l
              .replace('"passed"', '"failed"')
              .replace('"attempt": 1', '"attempt": 2')
          : l,
      ),
    );
    const r = await c.verify();
    expect(r.exitCode).toBe(1);
    expect(violations(r.stdout)).toContainEqual({
      line: 2,
      kind: "not_append_only",
      at: "working tree",
    });
    expect(r.stderr).toMatch(
      /^error\[log_verify_failed\]: .*not_append_only at \.specfuse\/features\/.*events\.jsonl:2 \(working tree\)/m,
    );
  });

  it("AU-TEST-5 a committed deletion names the commit; a swap and an insertion are caught too", async () => {
    const deleted = copy();
    deleted.setEvents(deleted.events().filter((_l, i) => i !== 2));
    deleted.git("commit", "-qam", "chore: tidy the log");
    const sha = deleted.git("rev-parse", "HEAD");
    const r = await deleted.verify();
    expect(r.exitCode).toBe(1);
    expect(violations(r.stdout)[0]).toStrictEqual({
      line: 3,
      kind: "not_append_only",
      at: sha.slice(0, 12),
    });

    const swapped = copy();
    const s = swapped.events();
    swapped.setEvents([s[0] ?? "", s[2] ?? "", s[1] ?? "", ...s.slice(3)]);
    expect(violations((await swapped.verify()).stdout)[0]).toMatchObject({
      line: 2,
      kind: "not_append_only",
    });

    const inserted = copy();
    const n = inserted.events();
    inserted.setEvents([...n.slice(0, 4), n[0] ?? "", ...n.slice(4)]);
    expect(violations((await inserted.verify()).stdout)[0]).toMatchObject({
      line: 5,
      kind: "not_append_only",
    });
  });

  it("AU-TEST-5 an invalid line and a second task_completed are each named at their line", async () => {
    const c = copy();
    const lines = c.events();
    const completed = lines.find((l) => l.includes('"task_completed"')) ?? "";
    appendFileSync(
      path.join(c.dir, EVENTS),
      `{"timestamp": "soon"}\n${completed}\n`,
    );
    const r = await c.verify(true);
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as {
      violations: Array<Record<string, unknown>>;
      error: Record<string, unknown>;
    };
    expect(validVerify(out)).toBe(true);
    expect(out.violations.map((v) => [v.kind, v.line, v.commit])).toStrictEqual(
      [
        ["event_invalid", lines.length + 1, null],
        ["commit_missing", lines.length + 2, null],
      ],
    );
    expect(out.error).toMatchObject({
      code: "log_verify_failed",
      line: lines.length + 1,
    });
  });

  it("AU-TEST-5 a trailer dropped by --amend is a trailer_mismatch at that commit", async () => {
    const c = copy();
    const sha = rewriteCommit(c, "feat: Do T02", (x) => {
      const message = x
        .git("log", "-1", "--format=%B")
        .replace(/^Verified-By: .*\n/m, "");
      x.git("commit", "-q", "--amend", "-m", message);
    });
    const r = await c.verify();
    expect(r.exitCode).toBe(1);
    const found = violations(r.stdout);
    expect(found.map((v) => [v.kind, v.at])).toStrictEqual([
      ["trailer_mismatch", sha.slice(0, 12)],
    ]);
    expect(r.stdout).toContain(
      "expected Feature, Work-Unit-Type, Attempts, Model, Verified-By",
    );
  });

  it("AU-TEST-5 a pass commit that also edits verification.yml is oracle_modified", async () => {
    const c = copy();
    const sha = rewriteCommit(c, "feat: Do T01", (x) => {
      appendFileSync(
        path.join(x.dir, ".specfuse/verification.yml"),
        "# graded by itself\n",
      );
      x.git("commit", "-q", "--amend", "--no-edit", "-a");
    });
    const r = await c.verify();
    expect(r.exitCode).toBe(1);
    expect(violations(r.stdout).map((v) => [v.kind, v.at])).toStrictEqual([
      ["oracle_modified", sha.slice(0, 12)],
    ]);
  });

  it("AU-VER-2 outside a git repository: exit 1 not_git_repo", async () => {
    const dir = tempDir("specfuse-nogit-");
    writeTree(dir, featureTree(SPEC).tree);
    const r = await runCli(["log", "--verify"], { cwd: dir, env: gitEnv });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error\[not_git_repo\]/m);
  });
});

describe("specfuse log --export (AU-VER-3)", () => {
  it("csv: the header, RFC 4180 records and a commit per committed line; an uncommitted line has none", async () => {
    const c = copy();
    appendFileSync(path.join(c.dir, EVENTS), `${c.events()[0] ?? ""}\n`);
    const r = await runCli(["log", "--export", "csv"], {
      cwd: c.dir,
      env: gitEnv,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    const records = r.stdout.split("\r\n").filter((l) => l !== "");
    expect(records[0]).toBe(
      "file,line,commit,timestamp,correlation_id,event_type,actor,trigger,source_version,payload",
    );
    expect(records).toHaveLength(c.events().length + 1);
    const last =
      records.find((l) => l.startsWith(`${EVENTS},${c.events().length},`)) ??
      "";
    expect(last).toMatch(
      new RegExp(`^${EVENTS.replace(/\./g, "\\.")},${c.events().length},,`),
    );
    expect(records[1]).toMatch(/^[^,]+,1,[0-9a-f]{40},2\d{3}-/);
    expect(records[1]).toMatch(/,"\{""type"": ""implementation""/);
  });

  it("jsonl: one {file, line, commit, event} per line, the event byte for byte; a broken history warns and still exports", async () => {
    const c = copy();
    const lines = c.events();
    c.setEvents(lines.slice(1));
    const r = await runCli(
      ["log", "--export", "jsonl", "--type", "task_completed"],
      { cwd: c.dir, env: gitEnv },
    );
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(
      /warning\[log_not_verified\]: .*not append-only.*specfuse log --verify/,
    );
    const out = r.stdout.split("\n").filter((l) => l !== "");
    expect(out.length).toBeGreaterThan(0);
    for (const l of out) {
      const row = JSON.parse(l) as {
        file: string;
        line: number;
        commit: string | null;
        event: { event_type: string };
      };
      expect(row.event.event_type).toBe("task_completed");
      expect(l.endsWith(`"event":${lines[row.line] ?? "?"}}`)).toBe(true);
    }
  });

  it("--verify, --export and --follow exclude one another; --export --json is a usage error (64)", async () => {
    const c = copy();
    for (const args of [
      ["--verify", "--export", "csv"],
      ["--export", "csv", "--follow"],
      ["--export", "jsonl", "--json"],
      ["--verify", "--wu", "T01"],
      ["--export", "xml"],
    ]) {
      const r = await runCli(["log", ...args], { cwd: c.dir, env: gitEnv });
      expect(r.exitCode, args.join(" ")).toBe(64);
    }
  });
});
