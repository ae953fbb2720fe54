import { describe, expect, it } from "vitest";
import {
  aiderSessionCost,
  createAiderBackend,
  createAiderReader,
  finishAider,
  stripAnsi,
} from "../../../src/agent/adapters/aider.js";
import { resolveBackendSettings } from "../../../src/agent/adapters/backend-settings.js";
import { defaultConfig } from "../../../src/config/normalize-config.js";
import { PLACE, UNIT } from "./place.js";

// aider's report line, as aider/coders/base_coder.py formats it.
const REPORT =
  "Tokens: 2.1k sent, 310 received. Cost: $0.0042 message, $0.01 session.";
const settings = () => resolveBackendSettings(defaultConfig().agent, "aider");

describe("aider adapter (AG-BE-7)", () => {
  it("passes the prompt as a message file, never commits, keeps its histories in the work folder", () => {
    const invocation = createAiderBackend(settings()).buildInvocation(
      UNIT,
      "PROMPT",
      PLACE,
    );
    const file = `${PLACE.workDir}/attempt-2.prompt.md`;
    expect(invocation).toStrictEqual({
      file: "aider",
      args: [
        "--message-file",
        file,
        "--yes-always",
        "--no-auto-commits",
        "--no-dirty-commits",
        "--no-gitignore",
        "--no-pretty",
        "--no-check-update",
        "--analytics-disable",
        "--chat-history-file",
        `${PLACE.workDir}/aider.chat.md`,
        "--input-history-file",
        `${PLACE.workDir}/aider.input`,
        "--model",
        "m-1",
      ],
      env: {},
      envRemove: [],
      stdin: null,
      files: [{ path: file, content: "PROMPT" }],
    });
    expect(createAiderBackend(settings()).scratchPaths).toStrictEqual([
      ".aider*",
    ]);
  });

  it("text without ANSI is the final text; the exit code decides; the last session cost is reported", () => {
    const stdout = `\u001b[32mApplied edit to a.ts\u001b[0m\n${REPORT}\nDone.\nTokens: 1k sent, 20 received. Cost: $0.002 message, $0.012 session.\n`;
    const result = finishAider(stdout, "", 0);
    expect(result).toMatchObject({
      terminal: "success",
      isError: false,
      costUsd: 0.012,
      costSource: "reported",
      usage: {},
    });
    expect(result.finalText).not.toContain("\u001b");
    expect(finishAider("oops", "", 2)).toMatchObject({
      terminal: "error",
      costSource: "none",
    });
  });

  it("AG-RL-1 a RateLimitError after the last Tokens: line ends the run rate-limited, even at exit 0", () => {
    const limited = `${REPORT}\nlitellm.RateLimitError: AnthropicException - rate limit\nThe API provider has rate limited you. Try again later or check your quotas.\n`;
    expect(finishAider(limited, "", 0)).toMatchObject({
      terminal: "error",
      isRateLimited: true,
    });
    const recovered = `litellm.RateLimitError: x\nRetrying in 0.2 seconds...\n${REPORT}\n`;
    expect(finishAider(recovered, "", 0)).toMatchObject({
      terminal: "success",
      isRateLimited: false,
    });
  });

  it("helpers", () => {
    expect(stripAnsi("\u001b]0;title\u0007a\u001b[1mb")).toBe("ab");
    expect(aiderSessionCost("no cost here")).toBeUndefined();
    expect(
      createAiderReader().push("\u001b[33m  Edit a.ts  \u001b[0m"),
    ).toStrictEqual({ activity: "Edit a.ts", isTerminal: false });
  });
});
