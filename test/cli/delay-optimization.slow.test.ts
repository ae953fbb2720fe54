import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { FLAGS_BY_V8_MAJOR } from "../../src/cli/delay-optimization.js";

describe("V8 tiering flags of the lint process (docs/build.md)", () => {
  it("names only flags this Node's V8 knows (V8 prints an error for any other)", () => {
    const major = Number.parseInt(process.versions.v8, 10);
    const options = execFileSync(process.execPath, ["--v8-options"], {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    for (const flag of FLAGS_BY_V8_MAJOR[major] ?? []) {
      const name = flag.replace(/^--/, "").replace(/=.*$/, "");
      expect(options, name).toContain(`--${name} `);
    }
  });
});
