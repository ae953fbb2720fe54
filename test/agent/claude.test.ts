import { describe, expect, it } from "vitest";
import {
  BUILT_IN_DISALLOWED_TOOLS,
  claudeArgs,
  createClaudeBackend,
  parseClaudeOutput,
} from "../../src/agent/adapters/claude.js";
import {
  createClaudeReader,
  summarizeToolUse,
  usageOf,
} from "../../src/agent/adapters/claude-stream.js";

const RULES = [
  "Bash(git add:*)",
  "Bash(git commit:*)",
  "Bash(git push:*)",
  "Bash(git pull:*)",
  "Bash(git fetch:*)",
  "Bash(git merge:*)",
  "Bash(git rebase:*)",
  "Bash(git reset:*)",
  "Bash(git checkout:*)",
  "Bash(git switch:*)",
  "Bash(git restore:*)",
  "Bash(git stash:*)",
  "Bash(git clean:*)",
  "Bash(git branch:*)",
  "Bash(git tag:*)",
  "Bash(git cherry-pick:*)",
  "Bash(git revert:*)",
  "Bash(git am:*)",
  "Bash(git rm:*)",
  "Bash(git mv:*)",
  "Bash(git update-ref:*)",
  "Bash(git worktree:*)",
  "Bash(git config:*)",
];
const lines = (...objs: unknown[]) =>
  objs.map((o) => (typeof o === "string" ? o : JSON.stringify(o))).join("\n");

describe("claude argv (D-DISP-1)", () => {
  it("has the 23 built-in deny rules in spec order", () => {
    expect(BUILT_IN_DISALLOWED_TOOLS).toStrictEqual(RULES);
  });

  it("builds the sandboxed argv with --permission-mode, rules last, one element each", () => {
    expect(
      claudeArgs(
        { model: "sonnet", effort: "medium", isUnsandboxed: false },
        {
          permissionMode: "acceptEdits",
          disallowedTools: ["WebFetch", "Bash(rm -rf:*)"],
        },
      ),
    ).toStrictEqual([
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
      ...RULES,
      "WebFetch",
      "Bash(rm -rf:*)",
    ]);
  });

  it("unsandboxed: --dangerously-skip-permissions replaces --permission-mode, and the deny rules stay", () => {
    const args = claudeArgs(
      { model: "claude-opus-4-1", effort: "high", isUnsandboxed: true },
      { permissionMode: "acceptEdits", disallowedTools: [] },
    );
    expect(args.slice(0, 9)).toStrictEqual([
      "-p",
      "--model",
      "claude-opus-4-1",
      "--effort",
      "high",
      "--output-format",
      "stream-json",
      "--verbose",
      "--dangerously-skip-permissions",
    ]);
    expect(args).not.toContain("--permission-mode");
    expect(args.slice(9)).toStrictEqual(["--disallowedTools", ...RULES]);
  });

  it("D-DISP-8, AG-ADP-1: buildInvocation returns file, args, env, CLAUDECODE removed and the prompt as stdin", () => {
    const adapter = createClaudeBackend({
      executable: "/opt/bin/claude",
      permissionMode: "plan",
      disallowedTools: [],
    });
    const inv = adapter.buildInvocation(
      { id: "F/T01", model: "haiku", effort: "low", isUnsandboxed: false },
      "do the thing",
      { cwd: "/repo", workDir: "/repo/w", attempt: 1, home: "/home/u" },
    );
    expect(inv.file).toBe("/opt/bin/claude");
    expect(inv.args.slice(8, 10)).toStrictEqual(["--permission-mode", "plan"]);
    expect(inv.stdin).toBe("do the thing");
    expect(inv.env).toStrictEqual({});
    expect(inv.envRemove).toStrictEqual(["CLAUDECODE"]);
    expect(inv.files).toStrictEqual([]);
    expect(adapter.name).toBe("claude");
    expect(adapter.permissionHint).toBe(".claude/settings.json");
  });

  it("falls back to `claude` on PATH before the executable is resolved", () => {
    const adapter = createClaudeBackend({
      executable: null,
      permissionMode: "acceptEdits",
      disallowedTools: [],
    });
    expect(adapter.defaultExecutable).toBe("claude");
    expect(
      adapter.buildInvocation(
        { id: "F/T01", model: "opus", effort: "high", isUnsandboxed: false },
        "",
        { cwd: "/r", workDir: "/r/w", attempt: 1, home: "" },
      ).file,
    ).toBe("claude");
  });

  it.each([
    ["sonnet", true],
    ["claude-sonnet-4-6", true],
    ["gpt-5", false],
    ["", false],
    ["claude-", false],
  ])("AG-VOC-1: model %s is valid: %s", (model, isValid) => {
    const adapter = createClaudeBackend({
      executable: null,
      permissionMode: "acceptEdits",
      disallowedTools: [],
    });
    expect(adapter.validateModel(model).isValid).toBe(isValid);
  });
});

describe("claude output parsing (D-DISP-5, D-DISP-6)", () => {
  const init = {
    type: "system",
    subtype: "init",
    session_id: "s-init",
    model: "claude-sonnet-4-6",
    cwd: "/repo",
  };
  const assistant = (...content: unknown[]) => ({
    type: "assistant",
    message: { role: "assistant", content },
  });

  it("reads session, model, the last result's text, cost, tokens, is_error, subtype and denials", () => {
    const out = parseClaudeOutput(
      lines(
        init,
        assistant({ type: "text", text: "working" }),
        { type: "result", result: "first", total_cost_usd: 1 },
        "not json at all",
        {
          type: "result",
          subtype: "error_max_turns",
          is_error: true,
          result: "final text",
          session_id: "s-result",
          total_cost_usd: 0.0425,
          usage: {
            input_tokens: 10,
            output_tokens: 20,
            cache_read_input_tokens: 30,
            cache_creation_input_tokens: 40,
            server_tool_use: { web_search_requests: 0 },
          },
          permission_denials: [
            { tool_name: "Bash", tool_use_id: "a", tool_input: {} },
            "WebFetch",
            { nope: 1 },
          ],
        },
      ),
      "",
      0,
    );
    expect(out).toStrictEqual({
      finalText: "final text",
      isError: true,
      isErrorReported: true,
      terminal: "error",
      hasTerminalEvent: true,
      usage: { input: 10, output: 20, cacheRead: 30, cacheWrite: 40 },
      costUsd: 0.0425,
      costSource: "reported",
      subtype: "error_max_turns",
      sessionId: "s-result",
      model: "claude-sonnet-4-6",
      isRateLimited: false,
      permissionDenials: ["Bash", "WebFetch"],
    });
  });

  it.each([
    [
      { total_cost_usd: 0.5, cost_usd: 0.1 },
      { usage: {}, costUsd: 0.5 },
    ],
    [
      { total_cost_usd: null, cost_usd: 0.1 },
      { usage: {}, costUsd: 0.1 },
    ],
    [
      { total_cost_usd: "0.5", cost_usd: 0.1 },
      { usage: {}, costUsd: 0.1 },
    ],
    [{ total_cost_usd: "NaN" }, { usage: {} }],
    [
      {
        usage: {
          input_tokens: -1,
          output_tokens: 2.5,
          cache_read_input_tokens: 0,
        },
      },
      { usage: { cacheRead: 0 } },
    ],
    [{ usage: { input_tokens: "5" } }, { usage: {} }],
    [{ usage: "lots" }, { usage: {} }],
  ])("usage of %o is %o", (result, expected) => {
    expect(usageOf(result)).toStrictEqual(expected);
  });

  it("without a result object: the concatenated assistant text and no usage", () => {
    const out = parseClaudeOutput(
      lines(
        init,
        assistant({ type: "text", text: "part one" }),
        assistant(
          { type: "tool_use", name: "Bash", input: { command: "ls" } },
          { type: "text", text: "part two" },
        ),
      ),
      "boom",
      1,
    );
    expect(out).toStrictEqual({
      finalText: "part one\npart two",
      isError: false,
      isErrorReported: false,
      terminal: "error",
      hasTerminalEvent: false,
      usage: {},
      costSource: "none",
      isRateLimited: false,
      permissionDenials: [],
      sessionId: "s-init",
      model: "claude-sonnet-4-6",
    });
  });

  it("without any assistant text: the raw stdout", () => {
    const raw = "Error: something broke\nsecond line\n";
    expect(parseClaudeOutput(raw, "", 1)).toStrictEqual({
      finalText: raw,
      isError: false,
      isErrorReported: false,
      terminal: "error",
      hasTerminalEvent: false,
      usage: {},
      costSource: "none",
      isRateLimited: false,
      permissionDenials: [],
    });
    expect(parseClaudeOutput(raw, "", 0).terminal).toBe("success");
    expect(parseClaudeOutput(raw, "", null).terminal).toBe("none");
  });

  it("without a result string: falls back to the assistant text but keeps usage", () => {
    const out = parseClaudeOutput(
      lines(assistant({ type: "text", text: "hello" }), {
        type: "result",
        subtype: "error_during_execution",
        is_error: true,
        usage: { input_tokens: 3 },
      }),
      "",
      1,
    );
    expect(out.finalText).toBe("hello");
    expect(out.usage).toStrictEqual({ input: 3 });
  });

  it("accepts plain json output: one object, a json array, or pretty-printed", () => {
    const result = {
      type: "result",
      result: "done",
      total_cost_usd: 0.01,
      session_id: "j",
    };
    expect(parseClaudeOutput(JSON.stringify(result), "", 0)).toMatchObject({
      finalText: "done",
      hasTerminalEvent: true,
      sessionId: "j",
      costUsd: 0.01,
    });
    expect(
      parseClaudeOutput(JSON.stringify([init, result]), "", 0),
    ).toMatchObject({
      finalText: "done",
      model: "claude-sonnet-4-6",
    });
    expect(
      parseClaudeOutput(JSON.stringify(result, null, 2), "", 0),
    ).toMatchObject({
      finalText: "done",
      hasTerminalEvent: true,
    });
  });

  it("an empty denial list stays empty; a result without is_error reports none", () => {
    const out = parseClaudeOutput(
      lines({ type: "result", result: "", permission_denials: [] }),
      "",
      0,
    );
    expect(out.permissionDenials).toStrictEqual([]);
    expect(out.isErrorReported).toBe(false);
    expect(out.terminal).toBe("success");
  });
});

describe("live activity (D-UI-2)", () => {
  it("summarizes tool calls and text as they stream, paths relative to the init cwd", () => {
    const reader = createClaudeReader();
    const seen = [
      { type: "system", subtype: "init", cwd: "/repo" },
      {
        type: "assistant",
        message: { content: [{ type: "text", text: "\nLet me look.\nMore." }] },
      },
      {
        type: "assistant",
        message: {
          content: [
            {
              type: "tool_use",
              name: "Edit",
              input: { file_path: "/repo/src/limiter.ts" },
            },
          ],
        },
      },
      {
        type: "assistant",
        message: {
          content: [
            {
              type: "tool_use",
              name: "Bash",
              input: { command: "npm test\n--silent" },
            },
          ],
        },
      },
      { type: "user", message: { content: [{ type: "tool_result" }] } },
      "garbage",
    ].map(
      (o) =>
        reader.push(typeof o === "string" ? o : JSON.stringify(o)).activity,
    );
    expect(seen).toStrictEqual([
      null,
      "Let me look.",
      "Edit src/limiter.ts",
      "Bash npm test",
      null,
      null,
    ]);
  });

  it.each([
    ["Read", { file_path: "/elsewhere/a.ts" }, "Read /elsewhere/a.ts"],
    ["Grep", { pattern: "TODO" }, "Grep TODO"],
    ["WebFetch", { url: "https://x.test" }, "WebFetch https://x.test"],
    ["Task", { description: "explore the repo" }, "Task explore the repo"],
    ["TodoWrite", { todos: [] }, "TodoWrite"],
    ["Bash", { command: "x".repeat(200) }, `Bash ${"x".repeat(74)}…`],
  ])("%s %o → %s", (name, input, expected) => {
    expect(summarizeToolUse(name, input, "/repo")).toBe(expected);
  });
});

describe("claude terminal line (D-DISP-4 result watch, AG-ADP-1 isTerminal)", () => {
  it.each([
    ['{"type":"result","result":"x"}', true],
    ['{ "type" : "result" }', true],
    ['{"type":"assistant","text":"\\"type\\":\\"result\\""}', false],
    ['{"type":"result"', false],
    ['["type","result"]', false],
    ['[{"type":"result"}]', false],
    ["plain text", false],
  ])("%s → %s", (line, expected) => {
    expect(createClaudeReader().push(line).isTerminal).toBe(expected);
  });
});
