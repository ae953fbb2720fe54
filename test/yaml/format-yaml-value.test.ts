import { describe, expect, it } from "vitest";
import { FLOAT_KEYS } from "../../src/yaml/float-keys.js";
import {
  formatString,
  renderEntry,
  type FrontmatterValue,
} from "../../src/yaml/format-yaml-value.js";
import { parseYaml } from "../../src/yaml/parse-yaml.js";

const entry = (key: string, value: FrontmatterValue) =>
  renderEntry(key, value, 0, FLOAT_KEYS).join("\n");

// Reads the written text back with the project's YAML policy (F-WRITE-6).
function readBack(text: string): unknown {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new Error(parsed.issue.reason);
  return parsed.yaml.value;
}

describe("F-WRITE-4 strings (golden)", () => {
  it.each([
    ["pending", "pending"],
    ["feat/FEAT-2026-0042-x.y_z", "feat/FEAT-2026-0042-x.y_z"],
    ["_private", "_private"],
    ["A1", "A1"],
    ["yes", '"yes"'],
    ["No", '"No"'],
    ["ON", '"ON"'],
    ["off", '"off"'],
    ["y", '"y"'],
    ["N", '"N"'],
    ["True", '"True"'],
    ["false", '"false"'],
    ["NULL", '"NULL"'],
    ["", '""'],
    ["123", '"123"'],
    ["1.5", '"1.5"'],
    ["-x", '"-x"'],
    [".hidden", '".hidden"'],
    ["has space", '"has space"'],
    ["a: b", '"a: b"'],
    ["a #b", '"a #b"'],
    ["2026-06-15T02:40:05+00:00", '"2026-06-15T02:40:05+00:00"'],
    ['say "hi"', '"say \\"hi\\""'],
    ["back\\slash", '"back\\\\slash"'],
    ["tab\there\nnewline\r\u0000\u007f\u0085", '"tab here newline    "'],
    ["line\u2028para\u2029", '"line para "'],
    ["café ☕ 😀", '"café ☕ 😀"'],
    ["lone \ud800 surrogate", '"lone \ufffd surrogate"'],
  ])("%j → %s", (value, text) => {
    expect(formatString(value)).toBe(text);
    expect(readBack(`k: ${text}`)).toStrictEqual({
      k: value
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ")
        .replace("\ud800", "\ufffd"),
    });
  });
});

describe("F-WRITE-4 numbers, booleans, null (golden)", () => {
  it.each<[string, FrontmatterValue, string]>([
    ["attempts", 3, "attempts: 3"],
    ["attempts", 0, "attempts: 0"],
    ["re_arm_count", -5, "re_arm_count: -5"],
    ["big", 1e21, "big: 1000000000000000000000"],
    ["cost_usd", 0, "cost_usd: 0.0"],
    ["cost_usd", 1, "cost_usd: 1.0"],
    ["cost_usd", 0.0123, "cost_usd: 0.0123"],
    ["cost_usd", 0.0000001, "cost_usd: 0.0000001"],
    ["cost_usd", 1e-6, "cost_usd: 0.000001"],
    ["duration_seconds", 12, "duration_seconds: 12.0"],
    ["duration_seconds", 84.1, "duration_seconds: 84.1"],
    ["cumulative_cost_usd", 2, "cumulative_cost_usd: 2.0"],
    ["ratio", 0.5, "ratio: 0.5"],
    ["ratio", 1.25e-7, "ratio: 0.000000125"],
    ["auto_close", true, "auto_close: true"],
    ["unsandboxed", false, "unsandboxed: false"],
    ["verdict", null, "verdict:"],
  ])("%s = %j → %s", (key, value, text) => {
    expect(entry(key, value)).toBe(text);
    expect(readBack(text)).toStrictEqual({ [key]: value });
  });

  it("never writes NaN or infinities", () => {
    expect(() => entry("cost_usd", Number.NaN)).toThrow(RangeError);
    expect(() => entry("a", Infinity)).toThrow(RangeError);
  });
});

describe("F-WRITE-5 collections (golden)", () => {
  it("writes scalar lists in flow style", () => {
    expect(entry("auto_close_reasons", [])).toBe("auto_close_reasons: []");
    expect(entry("produces", ["src/a.ts", "docs/b c.md"])).toBe(
      'produces: [src/a.ts, "docs/b c.md"]',
    );
    expect(entry("mixed", ["a", 1, true, "x,y", "[z]"])).toBe(
      'mixed: [a, 1, true, "x,y", "[z]"]',
    );
    expect(
      readBack(entry("mixed", ["a", 1, true, "x,y", "[z]"])),
    ).toStrictEqual({
      mixed: ["a", 1, true, "x,y", "[z]"],
    });
  });

  it("writes a map in block style with 2-space indentation", () => {
    const text = entry("metrics", {
      gate_total_cost: 1,
      gate_budget: null,
      n: 2,
    });
    expect(text).toBe(
      "metrics:\n  gate_total_cost: 1.0\n  gate_budget:\n  n: 2",
    );
    expect(readBack(text)).toStrictEqual({
      metrics: { gate_total_cost: 1, gate_budget: null, n: 2 },
    });
  });

  it("writes a re_arm_history list of maps as `  - k: v` with the following keys aligned (F-WU-4)", () => {
    const history = [
      {
        timestamp: "2026-11-22T02:00:00+00:00",
        prior_status: "blocked_human",
        prior_attempts: 3,
        prior_cost_usd: 0,
        prior_duration_seconds: 12.5,
        reason: "flaky fixture fixed",
      },
      {
        timestamp: "2026-11-23T09:30:00+00:00",
        prior_status: "blocked_human",
        prior_attempts: 1,
        prior_cost_usd: 0.4123,
        prior_duration_seconds: 30,
        reason: "retry",
      },
    ];
    const text = entry("re_arm_history", history);
    expect(text).toBe(
      [
        "re_arm_history:",
        '  - timestamp: "2026-11-22T02:00:00+00:00"',
        "    prior_status: blocked_human",
        "    prior_attempts: 3",
        "    prior_cost_usd: 0.0",
        "    prior_duration_seconds: 12.5",
        '    reason: "flaky fixture fixed"',
        '  - timestamp: "2026-11-23T09:30:00+00:00"',
        "    prior_status: blocked_human",
        "    prior_attempts: 1",
        "    prior_cost_usd: 0.4123",
        "    prior_duration_seconds: 30.0",
        "    reason: retry",
      ].join("\n"),
    );
    expect(readBack(text)).toStrictEqual({ re_arm_history: history });
  });

  it("nests maps and lists inside list items", () => {
    const value = [{ name: "a", tags: ["x", "z"], inner: { k: 1 } }];
    const text = entry("items", value);
    expect(text).toBe(
      "items:\n  - name: a\n    tags: [x, z]\n    inner:\n      k: 1",
    );
    expect(readBack(text)).toStrictEqual({ items: value });
  });

  it("skips undefined map values", () => {
    expect(
      entry("m", { a: 1, b: undefined } as unknown as FrontmatterValue),
    ).toBe("m:\n  a: 1");
  });

  it.each<[string, unknown]>([
    ["an empty map", {}],
    ["null in a list", ["a", null]],
    ["a list of lists", [["a"]]],
    ["a list mixing maps and scalars", [{ a: 1 }, "b"]],
  ])("refuses %s", (_name, value) => {
    expect(() => entry("k", value as FrontmatterValue)).toThrow(TypeError);
  });
});
