import { describe, expect, it } from "vitest";
import { resolveBackendSettings } from "../../../src/agent/adapters/backend-settings.js";
import {
  createOpencodeBackend,
  createOpencodeReader,
  finishOpencode,
  opencodePermission,
} from "../../../src/agent/adapters/opencode.js";
import { defaultConfig } from "../../../src/config/normalize-config.js";
import { lines, PLACE, UNIT } from "./place.js";

// Lines captured from opencode 1.18.33 (`run --format json`) against the scripted model server.
const S = "ses_db1713254ffeTqI3U9eOjhiHpk";
const step = (reason: string, cost = 0) => ({
  type: "step_finish",
  timestamp: 1,
  sessionID: S,
  part: {
    type: "step-finish",
    reason,
    tokens: {
      total: 120,
      input: 100,
      output: 20,
      reasoning: 2,
      cache: { write: 3, read: 4 },
    },
    cost,
  },
});
const WRITE = {
  type: "tool_use",
  timestamp: 1,
  sessionID: S,
  part: {
    type: "tool",
    tool: "write",
    callID: "c",
    state: {
      status: "completed",
      input: { filePath: "/repo/hello.txt", content: "hi\n" },
      output: "Wrote file successfully.",
      title: "hello.txt",
    },
  },
};
const DENIED = {
  type: "tool_use",
  timestamp: 1,
  sessionID: S,
  part: {
    type: "tool",
    tool: "bash",
    callID: "d",
    state: {
      status: "error",
      input: { command: "git commit -am x", description: "commit" },
      error:
        "The user has specified a rule which prevents you from using this specific tool call. Here are some of the relevant rules [...]",
    },
  },
};
const TEXT = {
  type: "text",
  timestamp: 1,
  sessionID: S,
  part: { type: "text", text: "Done.\n```result\nstatus: complete\n```" },
};
const RATE = {
  type: "error",
  timestamp: 1,
  sessionID: S,
  error: {
    name: "APIError",
    data: {
      message: "Rate limit reached",
      statusCode: 429,
      isRetryable: true,
      responseHeaders: { "retry-after": "7" },
    },
  },
};

const settings = () =>
  resolveBackendSettings(defaultConfig().agent, "opencode");

describe("opencode adapter (AG-BE-4)", () => {
  it("builds `opencode run --format json -m <m>`, prompt on stdin, OPENCODE_PERMISSION pinned", () => {
    const backend = createOpencodeBackend({
      ...settings(),
      env: { OPENCODE_PERMISSION: "{}", X: "1" },
    });
    const invocation = backend.buildInvocation(
      { ...UNIT, model: "local/m" },
      "PROMPT",
      PLACE,
    );
    expect(invocation.args).toStrictEqual([
      "run",
      "--format",
      "json",
      "-m",
      "local/m",
    ]);
    expect(invocation.stdin).toBe("PROMPT");
    expect(invocation.env.X).toBe("1");
    expect(JSON.parse(invocation.env.OPENCODE_PERMISSION ?? "")).toStrictEqual(
      opencodePermission(null),
    );
  });

  it("AG-GIT-1 the permission block is the user's, then a bash deny for `git <sub>` and `git <sub> *` last", () => {
    const permission = opencodePermission({ bash: "ask", edit: "allow" });
    expect(permission.edit).toBe("allow");
    const bash = permission.bash as Record<string, string>;
    expect(Object.entries(bash).slice(0, 3)).toStrictEqual([
      ["*", "ask"],
      ["git add", "deny"],
      ["git add *", "deny"],
    ]);
    expect(bash["git config *"]).toBe("deny");
    expect(
      Object.keys(
        opencodePermission({ bash: { "npm *": "allow" } }).bash as object,
      )[0],
    ).toBe("npm *");
  });

  it("AG-VOC provider/model ids", () => {
    const backend = createOpencodeBackend(settings());
    expect(backend.validateModel("anthropic/claude-sonnet-4-5").isValid).toBe(
      true,
    );
    expect(backend.validateModel("sonnet").isValid).toBe(false);
  });

  it("sums step_finish tokens and cost; text parts are the final text; deny-rule refusals are denials", () => {
    const result = finishOpencode(
      lines(WRITE, step("tool-calls", 0.25), DENIED, TEXT, step("stop", 0.5)),
      "",
      0,
    );
    expect(result).toStrictEqual({
      finalText: "Done.\n```result\nstatus: complete\n```",
      isError: false,
      terminal: "success",
      usage: {
        input: 200,
        output: 40,
        reasoning: 4,
        cacheRead: 8,
        cacheWrite: 6,
      },
      costUsd: 0.75,
      costSource: "reported",
      sessionId: S,
      isRateLimited: false,
      permissionDenials: ["bash: git commit -am x"],
    });
  });

  it("a `done` event ends it (newer CLIs) and carries the auto-rejected asks", () => {
    const done = {
      type: "done",
      timestamp: 1,
      sessionID: S,
      reason: "idle",
      rejected: ["external_directory"],
    };
    expect(
      finishOpencode(lines(WRITE, step("tool-calls"), done), "", 0),
    ).toMatchObject({
      terminal: "success",
      permissionDenials: ["external_directory"],
    });
  });

  it("without `done`: a last step ending in tool-calls is no terminal; an error event is an error", () => {
    expect(
      finishOpencode(lines(WRITE, step("tool-calls")), "", 0),
    ).toMatchObject({ terminal: "none", isError: false });
    expect(
      finishOpencode(lines(WRITE, step("tool-calls")), "", null),
    ).toMatchObject({ terminal: "none", isError: true });
    expect(finishOpencode("", "", 1)).toMatchObject({
      terminal: "none",
      isError: true,
      finalText: "",
    });
  });

  it("AG-RL-1 APIError 429 is a rate limit with the server's retry-after", () => {
    expect(finishOpencode(lines(RATE), "", 1)).toMatchObject({
      terminal: "error",
      isRateLimited: true,
      retryAfterSeconds: 7,
      errorText: "Rate limit reached",
    });
    const server = {
      ...RATE,
      error: {
        name: "APIError",
        data: { message: "bad gateway", statusCode: 502 },
      },
    };
    expect(finishOpencode(lines(server), "", 1).isRateLimited).toBe(false);
  });

  it("the reader shows tools and text; only `done` is terminal", () => {
    const reader = createOpencodeReader();
    expect(reader.push(JSON.stringify(WRITE))).toStrictEqual({
      activity: "write /repo/hello.txt",
      isTerminal: false,
    });
    expect(reader.push(JSON.stringify(TEXT)).activity).toBe("Done.");
    expect(reader.push(JSON.stringify(step("stop"))).isTerminal).toBe(false);
    expect(reader.push(JSON.stringify({ type: "done" })).isTerminal).toBe(true);
  });
});
