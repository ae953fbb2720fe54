import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseClaudeOutput } from "../../src/agent/adapters/claude.js";
import { parseResultBlock } from "../../src/agent/result-block.js";
import { runProcess } from "../../src/exec/run-process.js";
import { gitRepo } from "../helpers/git-repo.js";
import { fixtureBin } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const TIMINGS = {
  killGraceMs: 200,
  pipeWaitMs: 200,
  orphanPipeMs: 300,
  resultLingerMs: 300,
};

async function runAgent(
  name: string,
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
) {
  return runProcess(
    {
      file: fixtureBin(name),
      args,
      cwd,
      env: { PATH: process.env.PATH, SPECFUSE_WORK_UNIT: "f/T01", ...env },
      stdin: "prompt",
    },
    { timings: TIMINGS, wallClockMs: 15_000 },
  );
}

describe("fake agents (A-TEST-3): they answer like the real CLI", () => {
  it("answer in the --output-format their argv names", async () => {
    const dir = tempDir();
    const stream = await runAgent("agent-pass", dir, [
      "--output-format",
      "stream-json",
    ]);
    const types = stream.stdout
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types).toStrictEqual(["system", "assistant", "assistant", "result"]);
    const json = await runAgent("agent-pass", dir, ["--output-format", "json"]);
    expect(json.stdout.trim().split("\n")).toHaveLength(1);
    expect(parseClaudeOutput(json.stdout, "", 0).hasTerminalEvent).toBe(true);
    const text = await runAgent("agent-pass", dir, []);
    expect(parseResultBlock(text.stdout).agentStatus).toBe("complete");
  });

  it("agent-commits moves HEAD with its own commit", async () => {
    const repo = gitRepo();
    const before = repo.head();
    const result = await runAgent(
      "agent-commits",
      repo.dir,
      ["--output-format", "stream-json"],
      repo.env,
    );
    expect(result.exitCode).toBe(0);
    expect(repo.head()).not.toBe(before);
    expect(repo.log()[0]).toBe("agent: commit f_T01 attempt 1");
  });

  it("agent-touches-oracle edits the protected paths it is given", async () => {
    const repo = gitRepo({
      ".specfuse/verification.yml": "code: []\n",
      ".specfuse/config.yml": "version: 1\n",
    });
    await runAgent("agent-touches-oracle", repo.dir, [], {
      SPECFUSE_FAKE_ORACLE_PATHS:
        ".specfuse/verification.yml,.specfuse/config.yml",
    });
    expect(
      readFileSync(path.join(repo.dir, ".specfuse/verification.yml"), "utf8"),
    ).toMatch(/edited by the agent/);
    expect(
      readFileSync(path.join(repo.dir, ".specfuse/config.yml"), "utf8"),
    ).toMatch(/edited by the agent/);
  });

  it("agent-script replays the step of $SPECFUSE_ATTEMPT and repeats the last one", async () => {
    const dir = tempDir();
    const script = path.join(dir, "script.json");
    writeFileSync(
      script,
      JSON.stringify([
        {
          write: { "a.txt": "one {attempt}" },
          result: { status: "blocked", blocked_reason: "why" },
        },
        {
          delete: ["a.txt"],
          write: { "b.txt": "two" },
          exit_code: 4,
          cost_usd: 0.5,
          usage: { input_tokens: 9 },
        },
      ]),
    );
    const env = { SPECFUSE_FAKE_AGENT_SCRIPT: script };
    const first = await runAgent(
      "agent-script",
      dir,
      ["--output-format", "stream-json"],
      { ...env, SPECFUSE_ATTEMPT: "1" },
    );
    expect(readFileSync(path.join(dir, "a.txt"), "utf8")).toBe("one 1");
    expect(
      parseResultBlock(parseClaudeOutput(first.stdout, "", 0).finalText)
        .blockedReason,
    ).toBe("why");
    const third = await runAgent(
      "agent-script",
      dir,
      ["--output-format", "stream-json"],
      { ...env, SPECFUSE_ATTEMPT: "3" },
    );
    expect(third.exitCode).toBe(4);
    expect(() => readFileSync(path.join(dir, "a.txt"))).toThrow();
    expect(parseClaudeOutput(third.stdout, "", 4)).toMatchObject({
      costUsd: 0.5,
      usage: { input: 9 },
    });
    expect(parseClaudeOutput(third.stdout, "", 4).usage).toStrictEqual({
      input: 9,
    });
  });

  it("agent-fail writes a broken deliverable but still claims success", async () => {
    const dir = tempDir();
    const result = await runAgent("agent-fail", dir, [
      "--output-format",
      "stream-json",
    ]);
    expect(
      readFileSync(path.join(dir, "fake-agent", "f_T01.txt"), "utf8"),
    ).toBe("broken attempt 1\n");
    expect(
      parseResultBlock(parseClaudeOutput(result.stdout, "", 0).finalText)
        .agentStatus,
    ).toBe("complete");
  });
});
