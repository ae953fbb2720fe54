import { describe, expect, it } from "vitest";
import { resolveBackendSettings } from "../../../src/agent/adapters/backend-settings.js";
import {
  createGeminiBackend,
  createGeminiReader,
  finishGemini,
} from "../../../src/agent/adapters/gemini.js";
import { geminiPolicyToml } from "../../../src/agent/adapters/gemini-policy.js";
import { defaultConfig } from "../../../src/config/normalize-config.js";
import { lines, PLACE, UNIT } from "./place.js";

// Lines captured from gemini-cli 0.61.0 (`-o stream-json`) against the scripted model server.
const INIT = {
  type: "init",
  timestamp: "t",
  session_id: "59c8a662",
  model: "gemini-2.5-flash",
};
const USER = {
  type: "message",
  timestamp: "t",
  role: "user",
  content: "P\n\nFollow the instructions above.",
};
const TOOL = {
  type: "tool_use",
  timestamp: "t",
  tool_name: "write_file",
  tool_id: "write_file_1",
  parameters: { file_path: "/repo/hello.txt", content: "hi\n" },
};
const DENIED = {
  type: "tool_result",
  timestamp: "t",
  tool_id: "run_shell_command_1",
  status: "error",
  output: "Tool execution denied by policy.",
  error: {
    type: "policy_violation",
    message: "Tool execution denied by policy.",
  },
};
const ANSWER = (content: string) => ({
  type: "message",
  timestamp: "t",
  role: "assistant",
  content,
  delta: true,
});
const STATS = {
  total_tokens: 240,
  input_tokens: 230,
  output_tokens: 40,
  cached: 30,
  input: 200,
  duration_ms: 1773,
  tool_calls: 1,
};
const SUCCESS = {
  type: "result",
  timestamp: "t",
  status: "success",
  stats: STATS,
};
const QUOTA = {
  type: "result",
  timestamp: "t",
  status: "error",
  error: {
    type: "unknown",
    message:
      "[API Error: You have exhausted your daily quota on this model.]\nPlease wait and try again later. To increase your limits, request a quota increase through AI Studio, or switch to another /auth method",
  },
  stats: {
    ...STATS,
    total_tokens: 0,
    input_tokens: 0,
    output_tokens: 0,
    cached: 0,
    input: 0,
  },
};

const settings = () => resolveBackendSettings(defaultConfig().agent, "gemini");

describe("gemini adapter (AG-BE-3)", () => {
  it("builds the argv with both --policy flags, writes the deny policy, prompt on stdin, trusted workspace", () => {
    const invocation = createGeminiBackend(settings()).buildInvocation(
      UNIT,
      "PROMPT",
      PLACE,
    );
    expect(invocation).toStrictEqual({
      file: "gemini",
      args: [
        "-o",
        "stream-json",
        "--approval-mode",
        "yolo",
        "--policy",
        `${PLACE.workDir}/gemini-policy.toml`,
        "--policy",
        "/home/u/.gemini/policies",
        "-m",
        "m-1",
        "-p",
        "Follow the instructions above.",
      ],
      env: { GEMINI_CLI_TRUST_WORKSPACE: "true" },
      envRemove: [],
      stdin: "PROMPT",
      files: [
        {
          path: `${PLACE.workDir}/gemini-policy.toml`,
          content: geminiPolicyToml(),
        },
      ],
    });
  });

  it("AG-GIT-1 the policy denies every git write subcommand to run_shell_command at priority 999", () => {
    const toml = geminiPolicyToml();
    expect(toml).toMatch(/toolName = "run_shell_command"/);
    expect(toml).toMatch(/decision = "deny"\npriority = 999/);
    for (const sub of [
      "add",
      "commit",
      "push",
      "reset",
      "update-ref",
      "worktree",
      "config",
    ])
      expect(toml).toContain(`  "git ${sub}",\n`);
  });

  it("AG-VOC gemini-* models only; effort ignored but checked", () => {
    const backend = createGeminiBackend(settings());
    expect(backend.validateModel("gemini-2.5-pro").isValid).toBe(true);
    expect(backend.validateModel("sonnet")).toMatchObject({
      isValid: false,
      expected: "a `gemini-…` model id",
    });
    expect([
      backend.ignoresEffort,
      backend.validateEffort("max").isValid,
    ]).toStrictEqual([true, true]);
  });

  it("concatenates assistant deltas; result.stats gives input, cached and output tokens", () => {
    const result = finishGemini(
      lines(
        INIT,
        USER,
        TOOL,
        ANSWER("Done.\n"),
        ANSWER("```result\nstatus: complete\n```"),
        SUCCESS,
      ),
      "",
      0,
    );
    expect(result).toStrictEqual({
      finalText: "Done.\n```result\nstatus: complete\n```",
      isError: false,
      terminal: "success",
      usage: { input: 200, cacheRead: 30, output: 40 },
      costSource: "none",
      sessionId: "59c8a662",
      model: "gemini-2.5-flash",
      isRateLimited: false,
      permissionDenials: [],
    });
    expect(finishGemini(lines(INIT, DENIED, SUCCESS), "", 0).isError).toBe(
      false,
    );
  });

  it("AG-RL-1 the real quota result (type unknown, exit 173) is rate-limited; so are the quota error types", () => {
    expect(finishGemini(lines(INIT, USER, QUOTA), "", 173)).toMatchObject({
      terminal: "error",
      isRateLimited: true,
    });
    const typed = {
      ...QUOTA,
      error: { type: "RetryableQuotaError", message: "try later" },
    };
    expect(finishGemini(lines(typed), "", 1)).toMatchObject({
      isRateLimited: true,
      subtype: "RetryableQuotaError",
    });
    const other = {
      ...QUOTA,
      error: { type: "FatalToolExecutionError", message: "disk full" },
    };
    expect(finishGemini(lines(other), "", 1)).toMatchObject({
      isRateLimited: false,
      errorText: "disk full",
    });
  });

  it("exits without a result: the exit code decides (41 auth, 0 ok)", () => {
    expect(finishGemini("", "Invalid auth method selected.", 41)).toMatchObject(
      { terminal: "none", isError: true },
    );
    expect(finishGemini(lines(INIT, ANSWER("hi")), "", 0)).toMatchObject({
      terminal: "none",
      isError: false,
      finalText: "hi",
    });
  });

  it("the reader shows tool calls and ends at `result`", () => {
    const reader = createGeminiReader();
    expect(reader.push(JSON.stringify(TOOL))).toStrictEqual({
      activity: "write_file /repo/hello.txt",
      isTerminal: false,
    });
    expect(
      reader.push(JSON.stringify({ ...ANSWER("whole"), delta: false }))
        .activity,
    ).toBe("whole");
    expect(reader.push(JSON.stringify(ANSWER("part"))).activity).toBeNull();
    expect(reader.push(JSON.stringify(SUCCESS)).isTerminal).toBe(true);
  });
});
