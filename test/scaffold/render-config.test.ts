import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS } from "../../src/scaffold/config-keys.js";
import { renderConfigSeed } from "../../src/scaffold/render-config.js";
import { subsetViolations } from "./support/yaml-subset.js";

const seed = renderConfigSeed(CONFIG_KEYS);

function valueAt(object: unknown, dotted: string): unknown {
  return dotted
    .split(".")
    .reduce<unknown>(
      (o, k) => (o !== null && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined),
      object,
    );
}

describe("config.yml seed (init.md I-CFG-1)", () => {
  it("I-CFG-1 the only active line is `version: 1`", () => {
    const active = seed.split("\n").filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
    expect(active).toEqual(["version: 1"]);
    expect(parse(seed)).toEqual({ version: 1 });
  });

  it("I-CFG-1 every key appears, nested as written, at its default, with a one-line description", () => {
    const uncommented = seed.replace(/^# ( *[a-z_]+:( |$))/gm, "$1");
    const parsed = parse(uncommented) as unknown;
    for (const key of CONFIG_KEYS) {
      const expected = key.default !== undefined ? key.default : key.example;
      expect(valueAt(parsed, key.path), key.path).toEqual(expected);
      expect(seed.split(key.description), `description of ${key.path}`).toHaveLength(2);
    }
    expect(subsetViolations(uncommented)).toEqual([]);
  });
});
