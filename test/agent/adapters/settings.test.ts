import { describe, expect, it } from "vitest";
import {
  resolveBackendSettings,
  shadowedLegacyKeys,
} from "../../../src/agent/adapters/backend-settings.js";
import {
  ADAPTER_BACKEND_NAMES,
  createBackend,
} from "../../../src/agent/adapters/index.js";
import {
  defaultConfig,
  normalizeConfig,
} from "../../../src/config/normalize-config.js";
import { dedent } from "../../helpers/dedent.js";

const agentOf = (yaml: string) => normalizeConfig(yaml, "c.yml").config.agent;

describe("backend settings (AG-CFG-1, AG-CFG-2)", () => {
  it("defaults for a tree with no agent key", () => {
    const agent = defaultConfig().agent;
    expect(resolveBackendSettings(agent, "codex")).toStrictEqual({
      executable: null,
      argsExtra: [],
      env: {},
      model: null,
      inactivityMinutes: null,
      reportCost: true,
      sandbox: "workspace-write",
    });
    expect(resolveBackendSettings(agent, "gemini").approvalMode).toBe("yolo");
    expect(resolveBackendSettings(agent, "claude")).toMatchObject({
      permissionMode: "acceptEdits",
      disallowedTools: [],
    });
  });

  it("a block's keys, with env nulls kept as removals", () => {
    const agent = agentOf(dedent`
      agent:
        codex:
          command: /opt/codex
          args_extra: ["-c", "model_provider=local"]
          env: {OPENAI_API_KEY: null, HTTPS_PROXY: "http://p"}
          model: gpt-5.5
          inactivity_minutes: 5
          report_cost: false
          sandbox: read-only
    `);
    expect(resolveBackendSettings(agent, "codex")).toStrictEqual({
      executable: "/opt/codex",
      argsExtra: ["-c", "model_provider=local"],
      env: { OPENAI_API_KEY: null, HTTPS_PROXY: "http://p" },
      model: "gpt-5.5",
      inactivityMinutes: 5,
      reportCost: false,
      sandbox: "read-only",
    });
  });

  it("AG-CFG-2 a string agent.command is the selected backend's executable only", () => {
    const agent = agentOf("agent:\n  name: gemini\n  command: /x/gemini\n");
    expect(resolveBackendSettings(agent, "gemini").executable).toBe(
      "/x/gemini",
    );
    expect(resolveBackendSettings(agent, "codex").executable).toBeNull();
  });

  it("AG-CFG-2 agent.claude wins over the old keys, which are then reported as shadowed", () => {
    const agent = agentOf(dedent`
      agent:
        permission_mode: plan
        disallowed_tools: ["WebFetch"]
        args: ["{model}"]
        claude: {permission_mode: acceptEdits, disallowed_tools: ["Bash(rm:*)"]}
        command: {command: x, args: ["{effort}"]}
    `);
    expect(resolveBackendSettings(agent, "claude")).toMatchObject({
      permissionMode: "acceptEdits",
      disallowedTools: ["Bash(rm:*)"],
    });
    expect(resolveBackendSettings(agent, "command").args).toStrictEqual([
      "{effort}",
    ]);
    expect(shadowedLegacyKeys(agent)).toStrictEqual([
      "agent.permission_mode",
      "agent.disallowed_tools",
      "agent.args",
    ]);
    expect(
      shadowedLegacyKeys(agentOf("agent:\n  permission_mode: plan\n")),
    ).toStrictEqual([]);
  });

  it("createBackend builds every non-claude backend by name", () => {
    const agent = defaultConfig().agent;
    for (const name of ADAPTER_BACKEND_NAMES) {
      const backend = createBackend(name, resolveBackendSettings(agent, name));
      expect(backend.name).toBe(name);
      expect(backend.validateEffort("medium").isValid).toBe(true);
    }
    expect(ADAPTER_BACKEND_NAMES).toStrictEqual([
      "codex",
      "gemini",
      "opencode",
      "cursor",
      "amp",
      "aider",
      "command",
    ]);
  });
});
