import { describe, expect, it } from "vitest";
import {
  agentCheck,
  gitCheck,
  nodeCheck,
  type AgentFacts,
} from "../../src/doctor/decide-tools.js";
import type { ProcessResult } from "../../src/types/process-result.js";

const run = (over: Partial<ProcessResult> = {}): ProcessResult => ({
  command: "claude --version",
  cwd: "/r",
  durationMs: 20,
  exitCode: 0,
  signal: null,
  failed: false,
  timedOut: false,
  inactive: false,
  canceled: false,
  stdout: "2.1.0 (Claude Code)\n",
  stderr: "",
  all: "",
  shortMessage: "exited with 0",
  pid: 1,
  spawnError: null,
  hasLingered: false,
  hasOrphanPipes: false,
  droppedBytes: 0,
  ...over,
});

const agent = (over: Partial<AgentFacts> = {}): AgentFacts => ({
  command: "claude",
  source: "default",
  path: "/usr/bin/claude",
  probe: run(),
  limitSeconds: 10,
  ...over,
});

describe("doctor tool checks (cli.md C-DOCTOR-1)", () => {
  it.each([
    ["20.19.0", "ok"],
    ["22.1.0", "ok"],
    ["20.18.9", "fail"],
    ["18.20.0", "fail"],
  ])("node %s → %s", (v, status) => {
    expect(nodeCheck(v).status).toBe(status);
  });

  it.each<[Parameters<typeof gitCheck>[0], string, string | null]>([
    [
      {
        versionOutput: "git version 2.43.0\n",
        dir: "/r",
        isRepo: true,
        hasCommits: true,
      },
      "ok",
      null,
    ],
    [
      {
        versionOutput: "git version 2.39.5 (Apple Git-154)",
        dir: "/r",
        isRepo: true,
        hasCommits: true,
      },
      "ok",
      null,
    ],
    [
      {
        versionOutput: "git version 2.27.1",
        dir: "/r",
        isRepo: true,
        hasCommits: true,
      },
      "fail",
      null,
    ],
    [
      { versionOutput: null, dir: "/r", isRepo: null, hasCommits: false },
      "fail",
      null,
    ],
    [
      {
        versionOutput: "git version 2.43.0",
        dir: "/r",
        isRepo: false,
        hasCommits: false,
      },
      "fail",
      "not_git_repo",
    ],
    [
      {
        versionOutput: "git version 2.43.0",
        dir: "/r",
        isRepo: true,
        hasCommits: false,
      },
      "fail",
      "no_commits",
    ],
  ])("git %j", (facts, status, code) => {
    const c = gitCheck(facts);
    expect([c.status, c.code]).toEqual([status, code]);
  });

  it("agent: answers --version → ok with its version and where it came from", () => {
    const c = agentCheck(agent({ source: "SPECFUSE_AGENT_CMD" }));
    expect(c.status).toBe("ok");
    expect(c.summary).toBe(
      "2.1.0 (Claude Code) (/usr/bin/claude, from SPECFUSE_AGENT_CMD)",
    );
  });

  it.each<[string, Partial<AgentFacts>, RegExp]>([
    ["not found", { path: null, probe: null }, /was not found/],
    [
      "too slow",
      { probe: run({ failed: true, timedOut: true, exitCode: null }) },
      /did not answer within 10 s/,
    ],
    [
      "failing",
      {
        probe: run({
          failed: true,
          exitCode: 2,
          stderr: "not logged in\n",
          shortMessage: "exited with 2",
        }),
      },
      /--version failed \(exited with 2\)/,
    ],
  ])("agent: %s → fail", (_name, over, summary) => {
    const c = agentCheck(agent(over));
    expect(c.status).toBe("fail");
    expect(c.summary).toMatch(summary);
    expect(c.hint).not.toBeNull();
  });
});
