import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { substituteFeatureDir } from "../../src/verify/substitute-placeholders.js";
import { tempDir } from "../helpers/temp-dir.js";

// Hostile folder names: shell syntax of every kind around a command that would leave a trace.
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "$(touch pwned)",
        "`touch pwned`",
        ";touch pwned;",
        "'",
        '"',
        "\\",
        "$HOME",
        "*",
        " ",
        "&&touch pwned",
        "|touch pwned",
        ">pwned",
        "\n",
        "${IFS}",
      ),
      fc.string({ unit: "grapheme-ascii", maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join("").replace(/\0/g, ""));

// Each context a check command may put the placeholder in, and how the shell should then see the value.
const TEMPLATES: Array<[string, (v: string) => string]> = [
  ["printf '%s' {feature_dir}", (v) => v],
  ["printf '%s' \"{feature_dir}\"", (v) => v],
  ["printf '%s' '{feature_dir}'", (v) => v],
  ["printf '%s' \"pre-{feature_dir}-post\"", (v) => `pre-${v}-post`],
];

describe("substituted commands under a real /bin/sh (issue 9: shell injection through {feature_dir})", () => {
  it("property: the shell receives the folder as one literal argument and runs nothing from it", () => {
    const dir = tempDir();
    fc.assert(
      fc.property(hostile, fc.nat(TEMPLATES.length - 1), (name, k) => {
        const [template, expected] = TEMPLATES[k] as [
          string,
          (v: string) => string,
        ];
        const value = `.specfuse/features/${name}`.replace(/\/+$/, "");
        const command = substituteFeatureDir(template, value);
        const out = execFileSync("/bin/sh", ["-c", command], {
          cwd: dir,
          env: {
            PATH: process.env.PATH ?? "/usr/bin:/bin",
            HOME: "/nonexistent-home",
          },
          encoding: "utf8",
        });
        expect(out).toBe(expected(value));
        expect(existsSync(path.join(dir, "pwned"))).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
