import { describe, expect, it } from "vitest";
import {
  defaultConfig,
  normalizeConfig,
} from "../../src/config/normalize-config.js";
import { closestName } from "../../src/config/closest-name.js";
import {
  isSpecfuseError,
  type SpecfuseError,
} from "../../src/errors/specfuse-error.js";
import { renderError } from "../../src/errors/render-error.js";
import { dedent } from "../helpers/dedent.js";

const FILE = ".specfuse/config.yml";

function failure(text: string): SpecfuseError {
  try {
    normalizeConfig(text, FILE);
  } catch (error) {
    if (isSpecfuseError(error)) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("normalizeConfig defaults (formats.md F-CFG-1)", () => {
  it.each<[string, string | null]>([
    ["no file", null],
    ["an empty file", ""],
    ["a comment-only file", "# nothing here\n"],
    ["only version", "version: 1\n"],
    ["empty values, which count as unset", "version:\nagent:\nmax_attempts:\n"],
    [
      "an agent section of empty values",
      "agent:\n  name:\n  timeout_minutes:\n",
    ],
  ])("%s gives the defaults", (_name, text) => {
    expect(normalizeConfig(text, FILE)).toStrictEqual({
      config: defaultConfig(),
      warnings: [],
    });
  });

  it("defaults: claude, adapter command, acceptEdits, no extra rules, 45 and 20 minutes, 3 attempts", () => {
    expect(defaultConfig()).toStrictEqual({
      version: 1,
      agent: {
        name: "claude",
        command: null,
        args: null,
        permission_mode: "acceptEdits",
        disallowed_tools: [],
        timeout_minutes: 45,
        inactivity_minutes: 20,
      },
      max_attempts: 3,
      github: { pr: false, issue_sync: true, remote: "origin" },
      hooks: [],
    });
  });

  it("reads every key", () => {
    const text = dedent`
      version: 1
      agent:
        name: command
        command: /usr/local/bin/my-agent
        args: ["--model", "{model}"]
        permission_mode: bypassPermissions
        disallowed_tools: ["Bash(rm:*)"]
        timeout_minutes: 2.5
        inactivity_minutes: 0
      max_attempts: 10
      github:
        pr: true
        issue_sync: false
        remote: upstream
      hooks:
        - name: chat
          preset: notify
          webhook: \${CHAT_URL}
          format: slack
          secret_env: HOOK_KEY
          timeout_seconds: 5
    `;
    expect(normalizeConfig(text, FILE)).toStrictEqual({
      config: {
        version: 1,
        agent: {
          name: "command",
          command: "/usr/local/bin/my-agent",
          args: ["--model", "{model}"],
          permission_mode: "bypassPermissions",
          disallowed_tools: ["Bash(rm:*)"],
          timeout_minutes: 2.5,
          inactivity_minutes: 0,
        },
        max_attempts: 10,
        github: { pr: true, issue_sync: false, remote: "upstream" },
        hooks: [
          {
            name: "chat",
            on: ["human_escalation", "gate_reached"],
            run: null,
            webhook: "\${CHAT_URL}",
            format: "slack",
            secret_env: "HOOK_KEY",
            timeout_seconds: 5,
            preset: "notify",
            line: 16,
          },
        ],
      },
      warnings: [],
    });
  });

  it("returns agent names other than claude: the driver refuses them later (64 agent_unavailable)", () => {
    expect(
      normalizeConfig("agent:\n  name: codex\n", FILE).config.agent.name,
    ).toBe("codex");
  });
});

describe("normalizeConfig errors (F-CFG-2: config_invalid with path:line)", () => {
  it.each<[string, string, number, RegExp, RegExp]>([
    ["version 2", "version: 2\n", 1, /expected `1`;/, /found 2/],
    ["a string version", 'version: "1"\n', 1, /`1`/, /found "1"/],
    [
      "an unknown adapter",
      "agent:\n  name: openai\n",
      2,
      /`claude`, `codex`, `gemini`, `opencode`, `cursor`, `amp`, `aider`, `command`/,
      /found "openai"/,
    ],
    [
      "a zero timeout",
      "agent:\n  timeout_minutes: 0\n",
      2,
      /number > 0/,
      /found 0/,
    ],
    [
      "a negative timeout",
      "agent:\n  timeout_minutes: -5\n",
      2,
      /number > 0/,
      /found -5/,
    ],
    [
      "a string timeout",
      'agent:\n  timeout_minutes: "45"\n',
      2,
      /number > 0/,
      /found "45"/,
    ],
    [
      "an infinite timeout",
      "agent:\n  timeout_minutes: .inf\n",
      2,
      /finite number > 0/,
      /found \.inf/,
    ],
    [
      "a negative inactivity",
      "agent:\n  inactivity_minutes: -1\n",
      2,
      /number ≥ 0/,
      /found -1/,
    ],
    ["max_attempts 0", "max_attempts: 0\n", 1, /integer 1–10/, /found 0/],
    ["max_attempts 11", "max_attempts: 11\n", 1, /integer 1–10/, /found 11/],
    [
      "max_attempts 2.5",
      "version: 1\nmax_attempts: 2.5\n",
      2,
      /integer 1–10/,
      /found 2.5/,
    ],
    ["an empty command", 'agent:\n  command: ""\n', 2, /string/, /found ""/],
    [
      "args not a list",
      "agent:\n  args: --fast\n",
      2,
      /list of strings/,
      /found "--fast"/,
    ],
    [
      "a non-string rule",
      "agent:\n  disallowed_tools:\n    - Bash\n    - 5\n",
      4,
      /a string \(in agent.disallowed_tools/,
      /found 5/,
    ],
    [
      "agent not a mapping",
      "agent: claude\n",
      1,
      /mapping of agent/,
      /found "claude"/,
    ],
  ])("%s", (_name, text, line, expected, found) => {
    const error = failure(text);
    expect(error.code).toBe("config_invalid");
    expect(error.file).toBe(FILE);
    expect(error.line).toBe(line);
    expect(error.detail).toMatch(expected);
    expect(error.detail).toMatch(found);
    expect(error.hint).toMatch(/for example/);
    expect(error.excerpt).toBe(text.split("\n")[line - 1]);
  });

  it("renders with a location, the quoted line and a nested valid example", () => {
    const text = "version: 1\nagent:\n  timeout_minutes: -5\n";
    expect(renderError(failure(text))).toBe(
      [
        "error[config_invalid]: .specfuse/config.yml: invalid value for agent.timeout_minutes",
        "  --> .specfuse/config.yml:3",
        "    3 |   timeout_minutes: -5",
        "  expected a finite number > 0; found -5",
        "  hint: write it like this, for example:",
        "        agent:",
        "          timeout_minutes: 45",
        "",
      ].join("\n"),
    );
  });

  it("reports the first problem and lists the others", () => {
    const error = failure("max_attempts: 0\nagent:\n  name: x\n");
    expect(error.line).toBe(1);
    expect(error.detail).toMatch(/also \.specfuse\/config\.yml:3: agent\.name/);
  });

  it("a non-mapping root is config_invalid", () => {
    const error = failure("- a\n- b\n");
    expect(error.code).toBe("config_invalid");
    expect(error.line).toBe(1);
    expect(error.hint).toMatch(/version: 1/);
  });

  it("a YAML syntax error is yaml_error (65) at its line", () => {
    const error = failure("version: 1\nagent: [\n");
    expect(error.code).toBe("yaml_error");
    expect(error.file).toBe(FILE);
    expect(error.line).toBeGreaterThanOrEqual(2);
  });

  it("a duplicate key is a YAML error", () => {
    expect(failure("max_attempts: 2\nmax_attempts: 3\n").code).toBe(
      "yaml_error",
    );
  });
});

describe("normalizeConfig unknown keys (F-CFG-2: a warning, then ignored)", () => {
  it("warns about unknown top-level and agent keys, with their line and a suggestion", () => {
    const text =
      "version: 1\nmax_attempt: 4\nagent:\n  timout_minutes: 5\n  flavour: x\ntheme: dark\n";
    const { config, warnings } = normalizeConfig(text, FILE);
    expect(config).toStrictEqual(defaultConfig());
    expect(warnings.map((w) => [w.key, w.line])).toStrictEqual([
      ["max_attempt", 2],
      ["agent.timout_minutes", 4],
      ["agent.flavour", 5],
      ["theme", 6],
    ]);
    expect(warnings[0]?.message).toBe(
      "unknown key max_attempt in .specfuse/config.yml is ignored (did you mean max_attempts?)",
    );
    expect(warnings[1]?.message).toMatch(
      /did you mean agent\.timeout_minutes\?/,
    );
    expect(warnings[2]?.message).not.toMatch(/did you mean/);
    expect(warnings.every((w) => w.code === "config_unknown_key")).toBe(true);
  });
});

describe("closestName", () => {
  it.each<[string, string[], string | null]>([
    ["max_attempt", ["max_attempts", "version"], "max_attempts"],
    ["VERSION", ["version"], "version"],
    ["zzz", ["version"], null],
    ["", [], null],
  ])("%s", (name, known, expected) => {
    expect(closestName(name, known)).toBe(expected);
  });
});

describe("normalizeConfig agent backends (agents.md AG-CFG-1, AG-CFG-2, AG-COST-3, AG-BE-8)", () => {
  it("AG-COMPAT-1 old keys normalize exactly as before: no backends or prices appear", () => {
    const { config } = normalizeConfig(
      "agent:\n  name: command\n  command: /bin/x\n  args: ['{model}']\n",
      FILE,
    );
    expect(Object.keys(config.agent)).toStrictEqual(
      Object.keys(defaultConfig().agent),
    );
  });

  it("keeps the blocks as written, a mapping agent.command as the command block, and prices", () => {
    const text = dedent`
      agent:
        name: opencode
        opencode:
          model: local/qwen
          permission: {webfetch: deny}
          env: {OPENCODE_X: null}
        command:
          command: /bin/llm
          prompt: arg
        prices:
          local-qwen: {input: 0, output: 0.5}
    `;
    const { config, warnings } = normalizeConfig(text, FILE);
    expect(warnings).toStrictEqual([]);
    expect(config.agent.command).toBeNull();
    expect(config.agent.backends).toStrictEqual({
      opencode: {
        model: "local/qwen",
        permission: { webfetch: "deny" },
        env: { OPENCODE_X: null },
      },
      command: { command: "/bin/llm", prompt: "arg" },
    });
    expect(config.agent.prices).toStrictEqual({
      "local-qwen": { input: 0, output: 0.5 },
    });
  });

  it.each<[string, string, number, RegExp]>([
    [
      "an unknown placeholder in agent.args",
      "agent:\n  args:\n    - --model\n    - '{prompt}'\n",
      4,
      /unknown placeholder \{prompt\}/,
    ],
    [
      "an unknown placeholder in agent.command.args",
      "agent:\n  command:\n    command: x\n    args: ['--m={mdl}']\n",
      4,
      /unknown placeholder \{mdl\}/,
    ],
    [
      "a lone brace",
      "agent:\n  command:\n    args:\n      - '{'\n",
      4,
      /a lone "\{"/,
    ],
    [
      "a rate_limit_pattern that does not compile",
      "agent:\n  command:\n    rate_limit_pattern: '(('\n",
      3,
      /regular expression/,
    ],
    [
      "a codex sandbox outside the enum",
      "agent:\n  codex:\n    sandbox: none\n",
      3,
      /workspace-write/,
    ],
    [
      "a price without output",
      "agent:\n  prices:\n    m: {input: 1}\n",
      3,
      /a valid entry of agent\.prices/,
    ],
    [
      "a non-string env value",
      "agent:\n  amp:\n    env: {A: 5}\n",
      3,
      /a valid entry of agent\.amp\.env/,
    ],
    [
      "an unknown usage key",
      "agent:\n  command:\n    usage_paths: {tokens: a}\n",
      3,
      /a mapping of input, output, cache_read/,
    ],
  ])(
    "%s is config_invalid at its line, with the fix",
    (_name, text, line, expected) => {
      const error = failure(text);
      expect([error.code, error.file, error.line]).toStrictEqual([
        "config_invalid",
        FILE,
        line,
      ]);
      expect(error.detail).toMatch(expected);
      expect(error.hint).toMatch(/for example/);
    },
  );

  it("warns about unknown keys inside backend blocks and the command block", () => {
    const { warnings } = normalizeConfig(
      "agent:\n  codex:\n    sandbx: x\n  command:\n    comand: y\n",
      FILE,
    );
    expect(warnings.map((w) => [w.key, w.line])).toStrictEqual([
      ["agent.codex.sandbx", 3],
      ["agent.command.comand", 5],
    ]);
    expect(warnings[0]?.message).toMatch(/did you mean agent\.codex\.sandbox/);
  });
});
