import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveBackendSettings } from "../../src/agent/adapters/backend-settings.js";
import {
  createBackend,
  type AdapterBackendName,
} from "../../src/agent/adapters/index.js";
import type { AgentBackend, BackendPlace } from "../../src/agent/backend.js";
import { normalizeConfig } from "../../src/config/normalize-config.js";
import { runProcess } from "../../src/exec/run-process.js";
import { gitRepo } from "../helpers/git-repo.js";
import { fixtureBin } from "../helpers/run-cli.js";

const TIMINGS = {
  killGraceMs: 200,
  pipeWaitMs: 200,
  orphanPipeMs: 300,
  resultLingerMs: 300,
};
const PROMPT = "Do the unit.\n";
// The command backend as a user would configure it for the jsonl stand-in.
const CONFIG = `agent:
  command:
    command: x
    args: ["--jsonl", "--prompt-file", "{prompt_file}", "--unit", "{unit_id}"]
    output: jsonl
    terminal: {type: final}
    error_path: is_error
    text_path: text
    session_path: session.id
    usage_paths: {input: usage.in, output: usage.out}
`;

interface LogLine {
  argv: string[];
  envKeys: string[];
  env: Record<string, string>;
  stdin: string;
  stdinClosed: boolean;
}

function backendFor(name: AdapterBackendName): AgentBackend {
  const agent = normalizeConfig(CONFIG, "c.yml").config.agent;
  return createBackend(name, resolveBackendSettings(agent, name));
}

// Runs a backend's stand-in exactly as the adapter's invocation says, through the real process layer.
async function runStandIn(
  name: AdapterBackendName,
  mode: string,
  extra: { inactivityMs?: number } = {},
) {
  const repo = gitRepo();
  const workDir = path.join(repo.dir, ".specfuse", "work", "f_T01");
  const place: BackendPlace = {
    cwd: repo.dir,
    workDir,
    attempt: 1,
    home: repo.dir,
  };
  const backend = backendFor(name);
  const invocation = backend.buildInvocation(
    {
      id: "f/T01",
      model: name === "gemini" ? "gemini-2.5-flash" : null,
      effort: "medium",
      isUnsandboxed: false,
    },
    PROMPT,
    place,
  );
  for (const file of invocation.files) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
  }
  const log = path.join(workDir, "log.jsonl");
  mkdirSync(workDir, { recursive: true });
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: repo.dir,
    SPECFUSE_WORK_UNIT: "f/T01",
    SPECFUSE_FAKE_MODE: mode,
    SPECFUSE_FAKE_AGENT_LOG: log,
    SPECFUSE_FAKE_STDIN_WAIT_MS: "10000",
    ...invocation.env,
  };
  for (const key of invocation.envRemove) delete env[key];
  const reader = backend.createReader();
  const terminalLines: string[] = [];
  const result = await runProcess(
    {
      file: fixtureBin(`agent-${name}`),
      args: invocation.args,
      cwd: repo.dir,
      env,
      stdin: invocation.stdin,
    },
    {
      timings: TIMINGS,
      wallClockMs: 15_000,
      inactivityMs: extra.inactivityMs ?? 0,
      isResultWatched: true,
      onStdoutLine: (line) => {
        if (reader.push(line).isTerminal) terminalLines.push(line);
      },
    },
  );
  const records = existsSync(log)
    ? readFileSync(log, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as LogLine)
    : [];
  return {
    repo,
    invocation,
    result,
    records,
    terminalLines,
    agent: backend.finish(result.stdout, result.stderr, result.exitCode),
  };
}

const NAMES: AdapterBackendName[] = [
  "codex",
  "gemini",
  "opencode",
  "cursor",
  "amp",
  "aider",
  "command",
];

describe("stand-ins (AG-TEST-1): each adapter reads its CLI's output format end to end", () => {
  it.concurrent.each(NAMES)(
    "%s success: argv, stdin and env as built; a RESULT block and the deliverable",
    async (name) => {
      const run = await runStandIn(name, "success");
      expect(run.result.exitCode).toBe(0);
      expect(run.records).toHaveLength(1);
      const record = run.records[0] as LogLine;
      expect(record.argv).toStrictEqual(run.invocation.args);
      // AG-PROC-1: the prompt never waits on stdin: written then closed, or not offered at all.
      expect(record.stdinClosed).toBe(true);
      expect(record.stdin).toBe(run.invocation.stdin ?? "");
      for (const key of Object.keys(run.invocation.env))
        expect(record.envKeys).toContain(key);
      expect(run.agent).toMatchObject({
        terminal:
          name === "aider" || name === "opencode" ? "success" : "success",
        isError: false,
        isRateLimited: false,
      });
      expect(run.agent.finalText).toMatch(/```result\nstatus: complete/);
      expect(
        readFileSync(path.join(run.repo.dir, "stand-in", "f_T01.txt"), "utf8"),
      ).toMatch(`agent-${name}`);
    },
  );

  it.concurrent.each(NAMES)(
    "%s error: an error, not a rate limit",
    async (name) => {
      const run = await runStandIn(name, "error");
      expect(run.agent).toMatchObject({ isError: true, isRateLimited: false });
    },
  );

  it.concurrent.each(NAMES)(
    "%s rate limit (AG-RL-1): recognized from its own error shape",
    async (name) => {
      const run = await runStandIn(name, "rate-limit");
      expect(run.agent).toMatchObject({ isError: true, isRateLimited: true });
    },
  );

  it.concurrent.each(NAMES.filter((n) => n !== "aider"))(
    "%s no terminal event: terminal none, the exit code decides",
    async (name) => {
      const run = await runStandIn(name, "no-terminal");
      expect(run.terminalLines).toStrictEqual([]);
      expect(run.agent.terminal).toBe("none");
    },
  );

  it.concurrent.each(NAMES)(
    "%s hang: the inactivity limit stops it",
    async (name) => {
      const run = await runStandIn(name, "hang", { inactivityMs: 400 });
      expect(run.result.inactive).toBe(true);
      expect(run.agent.isError).toBe(true);
    },
  );

  it("cursor lingers after its result (AG-RES-4): killed after the grace, and the result is used", async () => {
    const run = await runStandIn("cursor", "linger");
    expect(run.result.hasLingered).toBe(true);
    expect(run.terminalLines).toHaveLength(1);
    expect(run.agent).toMatchObject({ terminal: "success", isError: false });
  });

  it("the opencode stand-in receives the pinned git deny rules; gemini its policy file and trust", async () => {
    const opencode = await runStandIn("opencode", "success");
    const permission = JSON.parse(
      opencode.records[0]?.env.OPENCODE_PERMISSION ?? "{}",
    ) as { bash: Record<string, string> };
    expect(permission.bash["git commit *"]).toBe("deny");
    const gemini = await runStandIn("gemini", "success");
    expect(gemini.records[0]?.env.GEMINI_CLI_TRUST_WORKSPACE).toBe("true");
    const policy =
      gemini.invocation.args[gemini.invocation.args.indexOf("--policy") + 1] ??
      "";
    expect(readFileSync(policy, "utf8")).toMatch(/decision = "deny"/);
  });
});
