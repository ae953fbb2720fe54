import { describe, expect, it } from "vitest";
import { normalizeConfig } from "../../src/config/normalize-config.js";
import { defaultHookName } from "../../src/config/normalize-hooks.js";
import {
  isSpecfuseError,
  type SpecfuseError,
} from "../../src/errors/specfuse-error.js";
import { dedent } from "../helpers/dedent.js";

const FILE = ".specfuse/config.yml";

function failure(text: string): SpecfuseError {
  try {
    normalizeConfig(text, FILE);
  } catch (error) {
    if (isSpecfuseError(error)) return error;
    throw error;
  }
  throw new Error("expected config_invalid");
}

describe("hooks in config.yml (AU-HOOK-1)", () => {
  it("reads commands and webhooks with their defaults, the notify preset and the entry's line", () => {
    const { config, warnings } = normalizeConfig(
      dedent`
        version: 1
        hooks:
          - run: ./scripts/on-event.sh
            on: task_*
          - name: chat
            preset: notify
            webhook: https://hooks.example.com/services/T0/B0/x
            format: discord
      `,
      FILE,
    );
    expect(warnings).toStrictEqual([]);
    expect(config.hooks).toStrictEqual([
      {
        name: defaultHookName({ run: "./scripts/on-event.sh", on: "task_*" }),
        on: ["task_*"],
        run: "./scripts/on-event.sh",
        webhook: null,
        format: "json",
        secret_env: null,
        timeout_seconds: 30,
        preset: null,
        line: 3,
      },
      {
        name: "chat",
        on: ["human_escalation", "gate_reached"],
        run: null,
        webhook: "https://hooks.example.com/services/T0/B0/x",
        format: "discord",
        secret_env: null,
        timeout_seconds: 30,
        preset: "notify",
        line: 5,
      },
    ]);
    expect(config.hooks[0]?.name).toMatch(/^h-[0-9a-f]{8}$/);
  });

  it("the default name depends on the entry only, not on its key order", () => {
    expect(defaultHookName({ a: 1, b: [1, { c: 2 }] })).toBe(
      defaultHookName({ b: [1, { c: 2 }], a: 1 }),
    );
    expect(defaultHookName({ a: 1 })).not.toBe(defaultHookName({ a: 2 }));
  });

  it.each<[string, string, number, RegExp]>([
    [
      "hooks that is not a list",
      "hooks: {run: x}\n",
      1,
      /expected a list of hooks/,
    ],
    [
      "an entry that is not a mapping",
      "hooks:\n  - just a string\n",
      2,
      /a mapping with `run` or `webhook`/,
    ],
    [
      "neither run nor webhook",
      "hooks:\n  - on: [gate_reached]\n",
      2,
      /exactly one of `run`/,
    ],
    [
      "both run and webhook",
      "hooks:\n  - on: [gate_reached]\n    run: x\n    webhook: https://a.example\n",
      4,
      /exactly one of `run`/,
    ],
    [
      "a malformed URL",
      "hooks:\n  - on: [gate_reached]\n    webhook: hooks.example.com/x\n",
      3,
      /an http\(s\) URL/,
    ],
    [
      "a non-http scheme",
      "hooks:\n  - on: [gate_reached]\n    webhook: ftp://a.example/x\n",
      3,
      /an http\(s\) URL/,
    ],
    [
      "a bad variable name",
      "hooks:\n  - on: [gate_reached]\n    webhook: ${NOT-A-NAME}\n",
      3,
      /variable name/,
    ],
    [
      "no on and no preset",
      "hooks:\n  - run: x\n",
      2,
      /the event types to deliver/,
    ],
    [
      "an on that is not a type or glob",
      "hooks:\n  - run: x\n    on: [Task Done]\n",
      3,
      /event types or `\*` globs/,
    ],
    [
      "an unknown preset",
      "hooks:\n  - run: x\n    preset: loud\n",
      3,
      /notify/,
    ],
    [
      "a bad name",
      "hooks:\n  - name: Team Chat\n    run: x\n    on: ['*']\n",
      2,
      /lower-case/,
    ],
    [
      "a duplicate name",
      "hooks:\n  - {name: a, run: x, on: ['*']}\n  - {name: a, run: y, on: ['*']}\n",
      3,
      /already used/,
    ],
    [
      "an unknown format",
      "hooks:\n  - on: ['*']\n    webhook: https://a.example\n    format: teams\n",
      4,
      /json, slack, discord/,
    ],
    [
      "a format on a command",
      "hooks:\n  - on: ['*']\n    run: x\n    format: slack\n",
      4,
      /no format/,
    ],
    [
      "a secret_env on a command",
      "hooks:\n  - on: ['*']\n    run: x\n    secret_env: KEY\n",
      4,
      /only webhooks are signed/,
    ],
    [
      "a secret_env that is no variable name",
      "hooks:\n  - on: ['*']\n    webhook: https://a.example\n    secret_env: my key\n",
      4,
      /environment variable/,
    ],
    [
      "a zero timeout",
      "hooks:\n  - on: ['*']\n    run: x\n    timeout_seconds: 0\n",
      4,
      /\(0, 600\]/,
    ],
    [
      "a timeout over 600",
      "hooks:\n  - on: ['*']\n    run: x\n    timeout_seconds: 601\n",
      4,
      /\(0, 600\]/,
    ],
  ])(
    "%s is 65 config_invalid at its config.yml line",
    (_name, text, line, detail) => {
      const e = failure(text);
      expect(e.code).toBe("config_invalid");
      expect(e.file).toBe(FILE);
      expect(e.line).toBe(line);
      expect(e.detail).toMatch(detail);
      expect(e.hint).toBeTruthy();
    },
  );

  it("an `on` matching no event type, and an unknown key, are warnings naming the line and a guess", () => {
    const { config, warnings } = normalizeConfig(
      "hooks:\n  - run: x\n    on: [task_compleeted, gate_*]\n    timout_seconds: 5\n",
      FILE,
    );
    expect(config.hooks).toHaveLength(1);
    expect(warnings).toStrictEqual([
      {
        code: "config_unknown_key",
        key: "hooks[0].timout_seconds",
        line: 4,
        file: FILE,
        message:
          "unknown key hooks[0].timout_seconds is ignored (did you mean timeout_seconds?)",
      },
      {
        code: "hook_event_unknown",
        key: "hooks[0].on",
        line: 3,
        file: FILE,
        message:
          'hooks[0].on: "task_compleeted" matches no event type, so the hook never runs (did you mean task_completed?)',
      },
    ]);
  });

  it("`hooks:` empty or absent is no hooks", () => {
    expect(normalizeConfig("hooks:\n", FILE).config.hooks).toStrictEqual([]);
    expect(normalizeConfig("hooks: []\n", FILE).config.hooks).toStrictEqual([]);
  });
});
