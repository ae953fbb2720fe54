import { describe, expect, it } from "vitest";
import {
  defaultConfig,
  normalizeConfig,
} from "../../src/config/normalize-config.js";
import {
  CONFIG_SCHEMA,
  configKeyDoc,
  configSchemaDocs,
} from "../../src/schemas/config.js";
import { FLOAT_KEYS } from "../../src/yaml/float-keys.js";
import {
  renderEntry,
  type FrontmatterValue,
} from "../../src/yaml/format-yaml-value.js";

describe("configSchemaDocs (init.md I-CFG-1: the schema is the single source)", () => {
  it("lists every seeded key of formats.md F-CFG-1 in schema order, sections before their keys", () => {
    expect(
      configSchemaDocs()
        .filter((d) => d.isSeeded)
        .map((d) => [d.key, d.depth, d.isSection]),
    ).toStrictEqual([
      ["version", 0, false],
      ["agent", 0, true],
      ["agent.name", 1, false],
      ["agent.command", 1, false],
      ["agent.args", 1, false],
      ["agent.permission_mode", 1, false],
      ["agent.disallowed_tools", 1, false],
      ["agent.timeout_minutes", 1, false],
      ["agent.inactivity_minutes", 1, false],
      ["max_attempts", 0, false],
      ["github", 0, true],
      ["github.pr", 1, false],
      ["github.issue_sync", 1, false],
      ["github.remote", 1, false],
      ["hooks", 0, false],
    ]);
  });

  it("gives the F-CFG-1 types and defaults", () => {
    const table = Object.fromEntries(
      configSchemaDocs()
        .filter((d) => d.isSeeded)
        .map((d) => [d.key, [d.type, d.defaultText]]),
    );
    expect(table).toStrictEqual({
      version: ["`1`", "`1`"],
      agent: ["mapping", "—"],
      "agent.name": [
        "`claude`, `codex`, `gemini`, `opencode`, `cursor`, `amp`, `aider`, `command`",
        "`claude`",
      ],
      "agent.command": [
        "string, or a mapping (the `command` backend)",
        "adapter default (`claude`)",
      ],
      "agent.args": ["list of strings", "—"],
      "agent.permission_mode": ["string", "`acceptEdits`"],
      "agent.disallowed_tools": ["list of strings", "`[]`"],
      "agent.timeout_minutes": ["number > 0", "`45`"],
      "agent.inactivity_minutes": ["number ≥ 0", "`20`"],
      max_attempts: ["integer 1–10", "`3`"],
      github: ["mapping", "—"],
      "github.pr": ["boolean", "`false`"],
      "github.issue_sync": ["boolean", "`true`"],
      "github.remote": ["string", "`origin`"],
      hooks: ["list of hooks", "`[]`"],
    });
  });

  it("AG-CFG-1 documents every backend block, unseeded, with its common and own keys", () => {
    const unseeded = configSchemaDocs().filter((d) => !d.isSeeded);
    const keysOf = (prefix: string) =>
      unseeded
        .filter((d) => d.key.startsWith(`${prefix}.`))
        .map((d) => d.key.slice(prefix.length + 1));
    const common = [
      "command",
      "args_extra",
      "env",
      "model",
      "inactivity_minutes",
      "report_cost",
    ];
    expect(keysOf("agent.claude")).toStrictEqual([
      ...common,
      "permission_mode",
      "disallowed_tools",
    ]);
    expect(keysOf("agent.codex")).toStrictEqual([...common, "sandbox"]);
    expect(keysOf("agent.gemini")).toStrictEqual([...common, "approval_mode"]);
    expect(keysOf("agent.opencode")).toStrictEqual([...common, "permission"]);
    for (const name of ["cursor", "amp", "aider"])
      expect(keysOf(`agent.${name}`)).toStrictEqual(common);
    expect(keysOf("agent.command")).toStrictEqual([
      ...common,
      "args",
      "prompt",
      "output",
      "terminal",
      "error_path",
      "text_path",
      "session_path",
      "cost_path",
      "usage_paths",
      "rate_limit_pattern",
      "version_args",
    ]);
    expect(unseeded.map((d) => d.key)).toContain("agent.prices");
    // no default in the schema: a tree without these keys normalizes exactly as before (AG-COMPAT-1)
    expect(unseeded.filter((d) => d.default !== undefined)).toStrictEqual([]);
  });

  it("every schema default equals what normalizeConfig applies", () => {
    const defaults = defaultConfig() as unknown as Record<string, unknown>;
    for (const doc of configSchemaDocs()) {
      if (doc.default === undefined) continue;
      const applied = doc.path.reduce<unknown>(
        (node, step) => (node as Record<string, unknown>)[step],
        defaults,
      );
      expect([doc.key, applied]).toStrictEqual([doc.key, doc.default]);
    }
  });

  it("every key has a one-line description and an example that validates", () => {
    for (const doc of configSchemaDocs()) {
      expect(doc.description).toMatch(/^[^\n]+$/);
      if (doc.isSection) continue;
      expect(doc.example).not.toBeUndefined();
      const lines = [
        ...doc.path.slice(0, -1).map((p, i) => `${"  ".repeat(i)}${p}:`),
        ...renderEntry(
          doc.path.at(-1) ?? "",
          doc.example as FrontmatterValue,
          2 * doc.depth,
          FLOAT_KEYS,
        ),
      ];
      expect(() =>
        normalizeConfig(`${lines.join("\n")}\n`, "c.yml"),
      ).not.toThrow();
    }
  });

  it("finds one key's documentation", () => {
    expect(configKeyDoc("agent.timeout_minutes")?.default).toBe(45);
    expect(configKeyDoc("nope")).toBeUndefined();
  });

  it("is a JSON Schema ajv can compile (draft-07)", () => {
    expect(CONFIG_SCHEMA.$schema).toMatch(/draft-07/);
  });
});
