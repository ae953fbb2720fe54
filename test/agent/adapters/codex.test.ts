import { describe, expect, it } from "vitest";
import {
  codexArgs,
  createCodexBackend,
  createCodexReader,
  finishCodex,
} from "../../../src/agent/adapters/codex.js";
import { resolveBackendSettings } from "../../../src/agent/adapters/backend-settings.js";
import { defaultConfig } from "../../../src/config/normalize-config.js";
import { lines, PLACE, UNIT } from "./place.js";

// Lines captured from codex-cli 0.171.0 (`codex exec --json`) against the scripted model server.
const STARTED = {
  type: "thread.started",
  thread_id: "01a24e8d-da38-7042-8f6c-2935829b441f",
};
const FILE_CHANGE = {
  type: "item.completed",
  item: {
    id: "item_0",
    type: "file_change",
    changes: [{ path: "/repo/hello.txt", kind: "add" }],
    status: "completed",
  },
};
const MESSAGE = {
  type: "item.completed",
  item: {
    id: "item_1",
    type: "agent_message",
    text: "Done.\n```result\nstatus: complete\n```",
  },
};
const COMPLETED = {
  type: "turn.completed",
  usage: {
    input_tokens: 200,
    cached_input_tokens: 50,
    cache_write_input_tokens: 7,
    output_tokens: 40,
    reasoning_output_tokens: 3,
  },
};
const RATE_LIMITED = [
  {
    type: "error",
    message: "exceeded retry limit, last status: 429 Too Many Requests",
  },
  {
    type: "turn.failed",
    error: {
      message: "exceeded retry limit, last status: 429 Too Many Requests",
    },
  },
];

const settings = () => resolveBackendSettings(defaultConfig().agent, "codex");

describe("codex adapter (AG-BE-2)", () => {
  it("builds `codex exec --json -s workspace-write -m <m> -c model_reasoning_effort=<e> [extra] -`, prompt on stdin", () => {
    const backend = createCodexBackend({
      ...settings(),
      argsExtra: ["-c", "x=1"],
    });
    const invocation = backend.buildInvocation(UNIT, "PROMPT", PLACE);
    expect(invocation).toStrictEqual({
      file: "codex",
      args: [
        "exec",
        "--json",
        "-s",
        "workspace-write",
        "-m",
        "m-1",
        "-c",
        "model_reasoning_effort=high",
        "-c",
        "x=1",
        "-",
      ],
      env: {},
      envRemove: [],
      stdin: "PROMPT",
      files: [],
    });
  });

  it("AG-VOC max effort is xhigh; no model flag without a model; unsandboxed is danger-full-access", () => {
    expect(
      codexArgs(
        { model: null, effort: "max", isUnsandboxed: true },
        settings(),
      ),
    ).toStrictEqual([
      "exec",
      "--json",
      "-s",
      "danger-full-access",
      "-c",
      "model_reasoning_effort=xhigh",
      "-",
    ]);
    const backend = createCodexBackend(settings());
    expect(backend.validateModel("gpt-5.5").isValid).toBe(true);
    expect(backend.validateModel("").isValid).toBe(false);
    expect(backend.validateEffort("xhigh").isValid).toBe(true);
    expect(backend.validateEffort("extreme")).toMatchObject({ isValid: false });
  });

  it("reads the last agent_message, turn.completed usage (input without cache reads) and the thread id", () => {
    const result = finishCodex(
      lines(STARTED, { type: "turn.started" }, FILE_CHANGE, MESSAGE, COMPLETED),
      "",
      0,
    );
    expect(result).toStrictEqual({
      finalText: "Done.\n```result\nstatus: complete\n```",
      isError: false,
      terminal: "success",
      usage: {
        input: 150,
        cacheRead: 50,
        output: 40,
        reasoning: 3,
        cacheWrite: 7,
      },
      costSource: "none",
      sessionId: STARTED.thread_id,
      isRateLimited: false,
      permissionDenials: [],
    });
  });

  it("AG-RL-1 turn.failed with `last status: 429` is a rate-limited error; a bare error line is not terminal", () => {
    const result = finishCodex(lines(STARTED, ...RATE_LIMITED), "", 1);
    expect(result).toMatchObject({
      terminal: "error",
      isError: true,
      isRateLimited: true,
    });
    const bare = finishCodex(lines(STARTED, RATE_LIMITED[0]), "", 1);
    expect(bare).toMatchObject({
      terminal: "none",
      isError: true,
      isRateLimited: true,
    });
    expect(
      finishCodex(
        lines({
          type: "turn.failed",
          error: { message: "We're experiencing high demand" },
        }),
        "",
        1,
      ).isRateLimited,
    ).toBe(true);
  });

  it("declined commands are denials; a refused write fails inside the sandbox and is no denial", () => {
    const declined = {
      type: "item.completed",
      item: {
        id: "i",
        type: "command_execution",
        command: "git push",
        aggregated_output: "",
        exit_code: null,
        status: "declined",
      },
    };
    const readOnly = {
      type: "item.completed",
      item: {
        id: "j",
        type: "command_execution",
        command: "/bin/bash -lc 'git commit -m x'",
        aggregated_output:
          "fatal: Unable to create '.git/index.lock': Read-only file system\n",
        exit_code: 128,
        status: "failed",
      },
    };
    expect(
      finishCodex(lines(declined, readOnly, MESSAGE, COMPLETED), "", 0)
        .permissionDenials,
    ).toStrictEqual(["git push"]);
  });

  it("no terminal event: the exit code decides; text output (no JSON) stands as the final text", () => {
    expect(finishCodex(lines(STARTED, MESSAGE), "", 0)).toMatchObject({
      terminal: "none",
      isError: false,
    });
    expect(finishCodex("plain words", "", 1)).toMatchObject({
      finalText: "plain words",
      isError: true,
    });
  });

  it("AG-RES-4 the reader marks turn.completed and turn.failed terminal and shows items as activity", () => {
    const reader = createCodexReader();
    expect(reader.push(JSON.stringify(FILE_CHANGE))).toStrictEqual({
      activity: "Edit /repo/hello.txt",
      isTerminal: false,
    });
    expect(
      reader.push(
        JSON.stringify({
          type: "item.started",
          item: { type: "command_execution", command: "npm test" },
        }),
      ),
    ).toStrictEqual({ activity: "Bash npm test", isTerminal: false });
    expect(reader.push(JSON.stringify(MESSAGE)).activity).toBe("Done.");
    expect(reader.push(JSON.stringify(COMPLETED)).isTerminal).toBe(true);
    expect(reader.push(JSON.stringify(RATE_LIMITED[1])).isTerminal).toBe(true);
    expect(reader.push(JSON.stringify(RATE_LIMITED[0])).isTerminal).toBe(false);
    expect(reader.push("not json")).toStrictEqual({
      activity: null,
      isTerminal: false,
    });
  });

  it("AG-DOC-1 probes `exec --help` for the flags it emits", () => {
    expect(createCodexBackend(settings()).probe).toStrictEqual({
      versionArgs: ["--version"],
      helpArgs: ["exec", "--help"],
      flags: ["--json", "--sandbox", "--model", "--config"],
    });
  });
});
