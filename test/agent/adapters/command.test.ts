import { describe, expect, it } from "vitest";
import {
  resolveBackendSettings,
  type CommandBackendSettings,
} from "../../../src/agent/adapters/backend-settings.js";
import {
  createCommandBackend,
  finishCommand,
} from "../../../src/agent/adapters/command.js";
import { normalizeConfig } from "../../../src/config/normalize-config.js";
import { dedent } from "../../helpers/dedent.js";
import { lines, PLACE, UNIT } from "./place.js";

function settingsFrom(yaml: string): CommandBackendSettings {
  return resolveBackendSettings(
    normalizeConfig(yaml, "c.yml").config.agent,
    "command",
  );
}

const JSONL = dedent`
  agent:
    name: command
    command:
      command: /opt/llm-agent
      args: ["--model", "{model}", "--effort", "{effort}", "--cwd", "{cwd}", "--unit", "{unit_id}"]
      prompt: file
      output: jsonl
      terminal: {type: final}
      error_path: failed
      text_path: out.-1.text
      session_path: meta.id
      cost_path: cost
      usage_paths: {input: usage.in, output: usage.out}
`;

describe("command adapter (AG-BE-8)", () => {
  it("fills the template; a `file` prompt is written and stdin ignored", () => {
    const backend = createCommandBackend(settingsFrom(JSONL));
    expect(backend.buildInvocation(UNIT, "PROMPT", PLACE)).toStrictEqual({
      file: "/opt/llm-agent",
      args: [
        "--model",
        "m-1",
        "--effort",
        "high",
        "--cwd",
        "/repo",
        "--unit",
        "f/T01",
      ],
      env: {},
      envRemove: [],
      stdin: null,
      files: [
        { path: `${PLACE.workDir}/attempt-2.prompt.md`, content: "PROMPT" },
      ],
    });
    expect([
      backend.ignoresModel,
      backend.validateEffort("turbo").isValid,
      backend.validateEffort("").isValid,
    ]).toStrictEqual([false, true, false]);
  });

  it("AG-CFG-2 the old keys: a string agent.command and agent.args; stdin prompt; text output", () => {
    const settings = settingsFrom(
      'agent:\n  name: command\n  command: /bin/agent\n  args: ["-m", "{model}"]\n',
    );
    const backend = createCommandBackend(settings);
    expect(
      backend.buildInvocation({ ...UNIT, model: null }, "P", PLACE),
    ).toMatchObject({ file: "/bin/agent", args: [], stdin: "P", files: [] });
    expect(
      finishCommand(settings, "```result\nstatus: complete\n```", "", 0),
    ).toMatchObject({
      terminal: "success",
      finalText: "```result\nstatus: complete\n```",
    });
    expect(finishCommand(settings, "", "rate limit hit", 3)).toMatchObject({
      terminal: "error",
      isRateLimited: true,
    });
  });

  it("`arg` prompts go last, after args_extra; {prompt_file} writes the file too", () => {
    const settings = settingsFrom(
      'agent:\n  command:\n    command: x\n    args: ["--ctx", "{prompt_file}"]\n    prompt: arg\n    args_extra: ["--fast"]\n',
    );
    const invocation = createCommandBackend(settings).buildInvocation(
      UNIT,
      "P",
      PLACE,
    );
    expect(invocation.args).toStrictEqual([
      "--ctx",
      `${PLACE.workDir}/attempt-2.prompt.md`,
      "--fast",
      "P",
    ]);
    expect(invocation.files).toHaveLength(1);
  });

  it("jsonl: the last terminal event gives text, ids, cost and usage by dotted path", () => {
    const settings = settingsFrom(JSONL);
    const stdout = lines(
      { type: "step" },
      {
        type: "final",
        failed: false,
        out: [{ text: "old" }, { text: "new" }],
        meta: { id: "s9" },
        cost: 0.02,
        usage: { in: 9, out: 4 },
      },
    );
    expect(finishCommand(settings, stdout, "", 0)).toStrictEqual({
      finalText: "new",
      isError: false,
      terminal: "success",
      usage: { input: 9, output: 4 },
      costUsd: 0.02,
      costSource: "reported",
      sessionId: "s9",
      isRateLimited: false,
      permissionDenials: [],
    });
    expect(createCommandBackend(settings).reportsTokens).toBe(true);
  });

  it("jsonl: error_path marks errors; no terminal event is none; the reader arms at the terminal event", () => {
    const settings = settingsFrom(JSONL);
    expect(
      finishCommand(
        settings,
        lines({
          type: "final",
          failed: true,
          out: [{ text: "quota exceeded" }],
        }),
        "",
        0,
      ),
    ).toMatchObject({ terminal: "error", isRateLimited: true });
    expect(
      finishCommand(settings, lines({ type: "step" }), "", 0),
    ).toMatchObject({ terminal: "none", isError: false });
    const reader = createCommandBackend(settings).createReader();
    expect(reader.push(JSON.stringify({ type: "final" })).isTerminal).toBe(
      true,
    );
    expect(reader.push("plain progress")).toStrictEqual({
      activity: "plain progress",
      isTerminal: false,
    });
  });

  it("rate_limit_pattern replaces P; version_args feed the probe", () => {
    const settings = settingsFrom(
      'agent:\n  command:\n    command: x\n    rate_limit_pattern: "slow down"\n    version_args: ["-V"]\n',
    );
    expect(
      finishCommand(settings, "", "please SLOW DOWN", 1).isRateLimited,
    ).toBe(true);
    expect(finishCommand(settings, "", "429", 1).isRateLimited).toBe(false);
    expect(createCommandBackend(settings).probe.versionArgs).toStrictEqual([
      "-V",
    ]);
  });
});
