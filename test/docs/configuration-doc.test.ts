import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchemaDocs } from "../../src/schemas/config.js";
import { DEFAULT_TIMINGS } from "../../src/types/context.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

const doc = readFileSync(
  path.join(PROJECT_ROOT, "docs", "configuration.md"),
  "utf8",
);

describe("docs/configuration.md (init.md I-CFG-1: one source of truth)", () => {
  it("its config.yml table is exactly the schema's key, type, default and meaning", () => {
    const table =
      /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(
        doc,
      )?.[1];
    const expected = [
      "| Key | Type | Default | Meaning |",
      "|---|---|---|---|",
      ...configSchemaDocs().map(
        (d) =>
          `| \`${d.key}\` | ${d.type} | ${d.defaultText} | ${d.description} |`,
      ),
    ].join("\n");
    expect(table).toBe(expected);
  });

  it("documents every environment variable the CLI reads", () => {
    for (const name of [
      "SPECFUSE_AGENT_CMD",
      "NO_COLOR",
      "FORCE_COLOR",
      "CI",
      "SPECFUSE_TEST_TIMINGS",
    ])
      expect(doc).toContain(`| \`${name}\` |`);
  });

  it("names every timing key of SPECFUSE_TEST_TIMINGS with its default", () => {
    for (const [key, value] of Object.entries(DEFAULT_TIMINGS))
      expect(doc).toMatch(new RegExp(`\`${key}\` \\([^)]*\\b${value}\\)`));
  });
});
