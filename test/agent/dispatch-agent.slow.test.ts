import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BackendUnit } from "../../src/agent/backend.js";
import { getBackend } from "../../src/agent/backends.js";
import { BUILT_IN_DISALLOWED_TOOLS } from "../../src/agent/adapters/claude.js";
import {
  buildAgentEnv,
  dispatchAgent,
  type DispatchRequest,
} from "../../src/agent/dispatch-agent.js";
import { testContext } from "../helpers/context.js";
import { fixtureBin, PROJECT_ROOT } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { isDead } from "../helpers/process-state.js";

const UNIT: BackendUnit = {
  id: "2026-11-limits/T01",
  model: "sonnet",
  effort: "medium",
  isUnsandboxed: false,
};

interface LogEntry {
  name: string;
  argv: string[];
  envKeys: string[];
  env: Record<string, string>;
  stdin: string;
  stdinClosed: boolean;
  cwd: string;
  grandchildPid: number | null;
}

function setup(agent: string, extraEnv: Record<string, string> = {}) {
  const repo = tempDir("specfuse-dispatch-");
  const log = path.join(repo, "..", `${path.basename(repo)}.agent-log.jsonl`);
  const ctx = testContext({
    env: {
      PATH: process.env.PATH,
      HOME: "/nonexistent-home",
      CLAUDECODE: "1",
      SPECFUSE_FAKE_AGENT_LOG: log,
      ...extraEnv,
    },
  });
  const backend = getBackend("claude", {
    executable: fixtureBin(agent),
    permissionMode: "acceptEdits",
    disallowedTools: ["WebFetch"],
  });
  const request = (over: Partial<DispatchRequest> = {}): DispatchRequest => ({
    backend,
    unit: UNIT,
    prompt: "Build the token bucket.\nThen stop.",
    limits: { wallClockMs: 20_000, inactivityMs: 0 },
    cwd: repo,
    featureDir: ".specfuse/features/2026-11-limits",
    workDir: path.join(repo, ".specfuse/features/2026-11-limits/work/x"),
    attempt: 2,
    ...over,
  });
  const entries = (): LogEntry[] =>
    readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as LogEntry);
  return { repo, ctx, request, entries };
}

describe("dispatchAgent: the dispatch contract (D-DISP-1, D-DISP-2)", () => {
  it("runs the exact argv, writes the prompt to stdin and closes it, and sets the environment", async () => {
    const { repo, ctx, request, entries } = setup("agent-pass");
    const activity: string[] = [];
    let spawnedPid: number | null = null;
    const result = await dispatchAgent(
      request({
        onActivity: (a) => activity.push(a),
        onSpawn: (pid) => (spawnedPid = pid),
      }),
      ctx,
    );
    const [entry] = entries();
    expect(entry?.argv).toStrictEqual([
      "-p",
      "--model",
      "sonnet",
      "--effort",
      "medium",
      "--output-format",
      "stream-json",
      "--verbose",
      "--permission-mode",
      "acceptEdits",
      "--disallowedTools",
      ...BUILT_IN_DISALLOWED_TOOLS,
      "WebFetch",
    ]);
    expect(result.file).toBe(fixtureBin("agent-pass"));
    expect(result.args).toStrictEqual(entry?.argv);
    expect(entry?.stdin).toBe("Build the token bucket.\nThen stop.");
    expect(entry?.stdinClosed).toBe(true);
    expect(entry?.cwd).toBe(repo);
    expect(entry?.envKeys).not.toContain("CLAUDECODE");
    expect(entry?.envKeys).toContain("HOME");
    expect(entry?.env.SPECFUSE_WORK_UNIT).toBe("2026-11-limits/T01");
    expect(entry?.env.SPECFUSE_ATTEMPT).toBe("2");
    expect(entry?.env.SPECFUSE_FEATURE_DIR).toBe(
      ".specfuse/features/2026-11-limits",
    );
    expect(entry?.env.PATH?.split(":").slice(0, 2)).toStrictEqual([
      path.join(PROJECT_ROOT, "bin"),
      path.join(repo, "node_modules", ".bin"),
    ]);
    expect(spawnedPid).toBe(result.process.pid);
    expect(activity).toContain("Write fake-agent/2026-11-limits_T01.txt");
    expect(result).toMatchObject({
      timeout: null,
      isInterrupted: false,
      spawnError: null,
      warnings: [],
      usage: {
        cost_usd: 0.0125,
        input_tokens: 1200,
        output_tokens: 340,
        cache_read_input_tokens: 5000,
        cache_creation_input_tokens: 0,
      },
      result: {
        hasTerminalEvent: true,
        isError: false,
        subtype: "success",
        model: "sonnet",
      },
      resultBlock: {
        agentStatus: "complete",
        filesChanged: ["fake-agent/2026-11-limits_T01.txt"],
        summary: "Wrote the fake deliverable.",
      },
    });
    expect(result.result.sessionId).toMatch(/^fake-session-/);
    expect(
      readFileSync(
        path.join(repo, "fake-agent", "2026-11-limits_T01.txt"),
        "utf8",
      ),
    ).toBe("ok attempt 2\n");
  });

  it("unsandboxed units get --dangerously-skip-permissions instead of --permission-mode", async () => {
    const { ctx, request, entries } = setup("agent-pass");
    await dispatchAgent(
      request({ unit: { ...UNIT, isUnsandboxed: true } }),
      ctx,
    );
    const argv = entries()[0]?.argv ?? [];
    expect(argv).toContain("--dangerously-skip-permissions");
    expect(argv).not.toContain("--permission-mode");
  });

  it("buildAgentEnv drops the backend's removals (CLAUDECODE) and keeps everything else", () => {
    const env = buildAgentEnv({
      env: { CLAUDECODE: "1", FOO: "bar", PATH: "/usr/bin" },
      envRemove: ["CLAUDECODE"],
      packageRoot: "/pkg",
      cwd: "/repo",
      unitId: "f/T01",
      attempt: 3,
      featureDir: "f",
      platform: "linux",
    });
    expect(env).toStrictEqual({
      FOO: "bar",
      PATH: "/pkg/bin:/repo/node_modules/.bin:/usr/bin",
      SPECFUSE_WORK_UNIT: "f/T01",
      SPECFUSE_ATTEMPT: "3",
      SPECFUSE_FEATURE_DIR: "f",
    });
  });
});

describe("dispatchAgent: what the agent reported", () => {
  it("blocked: the reason comes through the RESULT block", async () => {
    const { ctx, request } = setup("agent-blocked");
    const result = await dispatchAgent(request(), ctx);
    expect(result.resultBlock).toMatchObject({
      agentStatus: "blocked",
      blockedReason:
        "Which currency should the report use? Only a human can decide.",
    });
  });

  it("no RESULT block: agent_status missing with its warning, process warnings empty", async () => {
    const { ctx, request } = setup("agent-no-result");
    const result = await dispatchAgent(request(), ctx);
    expect(result.resultBlock.agentStatus).toBe("missing");
    expect(result.resultBlock.warnings).toHaveLength(1);
    expect(result.warnings).toStrictEqual([]);
  });

  it("zero tokens: usage is reported as zeros", async () => {
    const { ctx, request } = setup("agent-zero-token");
    const result = await dispatchAgent(request(), ctx);
    expect(result.usage).toStrictEqual({
      cost_usd: 0,
      input_tokens: 0,
      output_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
  });

  it("D-DISP-6: warns about is_error, denials and a non-zero exit without a result", async () => {
    const dir = tempDir();
    const script = path.join(dir, "script.json");
    writeFileSync(
      script,
      JSON.stringify({
        attempts: [
          {
            is_error: true,
            subtype: "error_max_turns",
            permission_denials: ["Bash", "Bash", "WebFetch"],
            result: { status: "complete" },
          },
          { result_object: false, exit_code: 3, stderr: "fatal: broke\n" },
        ],
      }),
    );
    const { ctx, request } = setup("agent-script", {
      SPECFUSE_FAKE_AGENT_SCRIPT: script,
    });
    const first = await dispatchAgent(request({ attempt: 1 }), ctx);
    expect(first.warnings).toStrictEqual([
      "the agent reported an error (is_error, subtype error_max_turns)",
      "the agent was denied 3 tool calls (Bash, WebFetch); denying git write commands is by design (specfuse commits the work), so allow only other tools it needs, in .claude/settings.json",
    ]);
    expect(first.result.permissionDenials).toStrictEqual([
      "Bash",
      "Bash",
      "WebFetch",
    ]);
    const second = await dispatchAgent(request({ attempt: 2 }), ctx);
    expect(second.warnings).toStrictEqual([
      "the agent exited with code 3 and printed no result",
    ]);
    expect(second.stderrTail).toBe("fatal: broke\n");
    expect(second.process.exitCode).toBe(3);
  });
});

describe("dispatchAgent: faults (D-DISP-3, D-DISP-4, D-DISP-7)", () => {
  it("wall clock: timeout kind and limit, whole tree killed", async () => {
    const { ctx, request, entries } = setup("agent-grandchild");
    const result = await dispatchAgent(
      request({ limits: { wallClockMs: 700, inactivityMs: 0 } }),
      ctx,
    );
    expect(result.timeout).toStrictEqual({
      kind: "wall_clock",
      limitSeconds: 0.7,
    });
    expect(result.warnings).toStrictEqual([]);
    const grandchild = entries()[0]?.grandchildPid ?? 0;
    expect(grandchild).toBeGreaterThan(1);
    expect(isDead(grandchild)).toBe(true);
  });

  it("inactivity: timeout kind inactivity", async () => {
    const { ctx, request } = setup("agent-silent");
    const result = await dispatchAgent(
      request({ limits: { wallClockMs: 10_000, inactivityMs: 500 } }),
      ctx,
    );
    expect(result.timeout).toStrictEqual({
      kind: "inactivity",
      limitSeconds: 0.5,
    });
    expect(result.result.hasTerminalEvent).toBe(false);
    expect(result.usage).toBeNull();
  });

  it("a stop request interrupts the agent", async () => {
    const { ctx, request } = setup("agent-hang");
    const abort = new AbortController();
    const result = await dispatchAgent(
      request({ signal: abort.signal, onActivity: () => abort.abort() }),
      ctx,
    );
    expect(result.isInterrupted).toBe(true);
    expect(result.timeout).toBeNull();
  });

  it("ctx.signal is the default stop request", async () => {
    const { ctx, request } = setup("agent-hang");
    const result = await dispatchAgent(
      request({ onActivity: () => ctx.abort.abort() }),
      ctx,
    );
    expect(result.isInterrupted).toBe(true);
  });

  it("a lingering agent is cut after its result, which is used; not a timeout", async () => {
    const dir = tempDir();
    const script = path.join(dir, "script.json");
    writeFileSync(
      script,
      JSON.stringify([
        {
          linger_ms: 20_000,
          result: { status: "complete", summary: "Done.", files_changed: [] },
        },
      ]),
    );
    const { ctx, request } = setup("agent-script", {
      SPECFUSE_FAKE_AGENT_SCRIPT: script,
    });
    const result = await dispatchAgent(request(), ctx);
    expect(result.process.hasLingered).toBe(true);
    expect(result.timeout).toBeNull();
    expect(result.warnings).toStrictEqual([]);
    expect(result.resultBlock.agentStatus).toBe("complete");
  });

  it("D-DISP-7: a vanished executable is a spawn error, not a crash", async () => {
    const { ctx } = setup("agent-pass");
    const backend = getBackend("claude", {
      executable: path.join(tempDir(), "gone"),
      permissionMode: "acceptEdits",
      disallowedTools: [],
    });
    const cwd = tempDir();
    const result = await dispatchAgent(
      {
        backend,
        unit: UNIT,
        prompt: "p",
        limits: { wallClockMs: 1000, inactivityMs: 0 },
        cwd,
        featureDir: "f",
        workDir: path.join(cwd, "f", "work", "x"),
        attempt: 1,
      },
      ctx,
    );
    expect(result.spawnError).toBe("ENOENT");
    expect(result.warnings).toStrictEqual([]);
    expect(result.resultBlock.agentStatus).toBe("missing");
  });
});
