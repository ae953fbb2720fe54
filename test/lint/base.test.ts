import { describe, expect, it } from "vitest";
import { base, brief, lintTree } from "./helpers.js";

describe("the base fixture", () => {
  it("lints clean, so every other test's findings come from its own edit", () => {
    const report = lintTree(base());
    expect(brief(report)).toStrictEqual([]);
    expect(report).toMatchObject({
      dir: "feat",
      ok: true,
      errors: 0,
      warnings: 0,
    });
  });
});
