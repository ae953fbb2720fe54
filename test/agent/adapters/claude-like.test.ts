import { describe, expect, it } from "vitest";
import {
  createAmpBackend,
  finishAmp,
} from "../../../src/agent/adapters/amp.js";
import { resolveBackendSettings } from "../../../src/agent/adapters/backend-settings.js";
import { createClaudeLikeReader } from "../../../src/agent/adapters/claude-like-stream.js";
import {
  createCursorBackend,
  finishCursor,
} from "../../../src/agent/adapters/cursor.js";
import { ARG_PROMPT_MAX_BYTES } from "../../../src/agent/adapters/prompt-delivery.js";
import { defaultConfig } from "../../../src/config/normalize-config.js";
import { lines, PLACE, UNIT } from "./place.js";

// cursor-agent stream-json as docs.cursor.com/en/cli/reference/output-format documents it.
const C_INIT = {
  type: "system",
  subtype: "init",
  apiKeySource: "login",
  cwd: "/repo",
  session_id: "c-1",
  model: "GPT-5",
  permissionMode: "default",
};
const C_TOOL = {
  type: "tool_call",
  subtype: "started",
  call_id: "t1",
  tool_call: { writeToolCall: { args: { path: "/repo/a.ts", fileText: "x" } } },
  session_id: "c-1",
};
const C_TEXT = {
  type: "assistant",
  message: {
    role: "assistant",
    content: [
      { type: "text", text: "Done.\n```result\nstatus: complete\n```" },
    ],
  },
  session_id: "c-1",
};
const C_RESULT = {
  type: "result",
  subtype: "success",
  duration_ms: 1234,
  duration_api_ms: 1234,
  is_error: false,
  result: "Done.\n```result\nstatus: complete\n```",
  session_id: "c-1",
  request_id: "r",
};

// amp --stream-json, Claude Code-compatible (ampcode.com/news/streaming-json).
const A_INIT = {
  type: "system",
  subtype: "init",
  cwd: "/repo",
  session_id: "T-1",
  tools: ["Bash"],
  mcp_servers: [],
};
const a_msg = (id: string, text: string, output: number) => ({
  type: "assistant",
  message: {
    type: "message",
    role: "assistant",
    id,
    model: "claude-sonnet-4",
    content: [{ type: "text", text }],
    usage: {
      input_tokens: 10,
      cache_creation_input_tokens: 5,
      cache_read_input_tokens: 100,
      output_tokens: output,
    },
  },
  parent_tool_use_id: null,
  session_id: "T-1",
});
const A_RESULT = {
  type: "result",
  subtype: "success",
  duration_ms: 9,
  is_error: false,
  num_turns: 2,
  result: "Done.",
  session_id: "T-1",
};

const common = (name: "cursor" | "amp") =>
  resolveBackendSettings(defaultConfig().agent, name);

describe("cursor adapter (AG-BE-5)", () => {
  it("builds `cursor-agent -p --output-format stream-json --force --trust --model <m> [extra] <prompt>`, stdin ignored", () => {
    const invocation = createCursorBackend({
      ...common("cursor"),
      argsExtra: ["--x"],
    }).buildInvocation(UNIT, "PROMPT", PLACE);
    expect(invocation).toMatchObject({
      file: "cursor-agent",
      args: [
        "-p",
        "--output-format",
        "stream-json",
        "--force",
        "--trust",
        "--model",
        "m-1",
        "--x",
        "PROMPT",
      ],
      stdin: null,
      files: [],
    });
  });

  it("AG-PROC-1 a prompt over 96 KiB goes as a file the last argument names", () => {
    const big = "y".repeat(ARG_PROMPT_MAX_BYTES + 10);
    const invocation = createCursorBackend(common("cursor")).buildInvocation(
      UNIT,
      big,
      PLACE,
    );
    expect(invocation.args.at(-1)).toBe(
      `Read and carry out the instructions in ${PLACE.workDir}/attempt-2.prompt.md.`,
    );
    expect(invocation.files).toStrictEqual([
      { path: `${PLACE.workDir}/attempt-2.prompt.md`, content: big },
    ]);
  });

  it("takes the result's text and ids, and no usage or cost (AG-COST-4: no zero-token guard)", () => {
    const backend = createCursorBackend(common("cursor"));
    expect(backend.reportsTokens).toBe(false);
    expect(
      finishCursor(
        lines(C_INIT, C_TOOL, C_TEXT, { ...C_RESULT, total_cost_usd: 3 }),
        "",
        0,
      ),
    ).toStrictEqual({
      finalText: "Done.\n```result\nstatus: complete\n```",
      isError: false,
      terminal: "success",
      usage: {},
      costSource: "none",
      sessionId: "c-1",
      model: "GPT-5",
      subtype: "success",
      isRateLimited: false,
      permissionDenials: [],
    });
  });

  it("AG-RL-1 a failure without a result reads the stderr tail; an error result its text", () => {
    expect(
      finishCursor(
        lines(C_INIT, C_TEXT),
        "Error: You've hit your usage limit",
        1,
      ),
    ).toMatchObject({
      terminal: "none",
      isError: true,
      isRateLimited: true,
      finalText: C_TEXT.message.content[0]?.text,
    });
    expect(
      finishCursor(
        lines({
          ...C_RESULT,
          subtype: "error",
          is_error: true,
          result: "429 Too Many Requests",
        }),
        "",
        1,
      ),
    ).toMatchObject({ terminal: "error", isRateLimited: true });
  });

  it("AG-RES-4 the reader arms the linger kill at `result` and names tool calls", () => {
    const reader = createClaudeLikeReader();
    reader.push(JSON.stringify(C_INIT));
    expect(reader.push(JSON.stringify(C_TOOL))).toStrictEqual({
      activity: "Write a.ts",
      isTerminal: false,
    });
    expect(reader.push(JSON.stringify(C_RESULT)).isTerminal).toBe(true);
  });
});

describe("amp adapter (AG-BE-6)", () => {
  it("builds `amp -x --stream-json --dangerously-allow-all`, prompt on stdin, no model or effort flags", () => {
    const backend = createAmpBackend(common("amp"));
    expect(backend.buildInvocation(UNIT, "PROMPT", PLACE)).toMatchObject({
      file: "amp",
      args: ["-x", "--stream-json", "--dangerously-allow-all"],
      stdin: "PROMPT",
    });
    expect([
      backend.ignoresModel,
      backend.ignoresEffort,
      backend.validateModel("anything").isValid,
    ]).toStrictEqual([true, true, true]);
  });

  it("counts each assistant message's Anthropic usage once per message.id", () => {
    const result = finishAmp(
      lines(
        A_INIT,
        a_msg("m1", "a", 3),
        a_msg("m1", "b", 7),
        a_msg("m2", "c", 4),
        A_RESULT,
      ),
      "",
      0,
    );
    expect(result).toMatchObject({
      finalText: "Done.",
      terminal: "success",
      usage: { input: 20, output: 11, cacheRead: 200, cacheWrite: 10 },
      costSource: "none",
      sessionId: "T-1",
    });
  });

  it("error_* subtypes and is_error are errors; the error text is checked for P", () => {
    const failed = {
      ...A_RESULT,
      subtype: "error_during_execution",
      is_error: true,
      error: "529 overloaded_error",
    };
    expect(finishAmp(lines(A_INIT, failed), "", 1)).toMatchObject({
      terminal: "error",
      isRateLimited: true,
      subtype: "error_during_execution",
    });
    expect(
      finishAmp(
        lines(A_INIT, { ...A_RESULT, subtype: "error_max_turns" }),
        "",
        1,
      ),
    ).toMatchObject({ isError: true, isRateLimited: false });
    expect(finishAmp("not json at all", "", 0)).toMatchObject({
      terminal: "none",
      finalText: "not json at all",
    });
  });
});
