import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveGraphFile } from "../../src/workspace/read-feature.js";

describe("resolveGraphFile", () => {
  it("joins any graph file to the folder exactly as path.join does (property)", () => {
    const segment = fc.constantFrom(
      "a",
      "WU-01.md",
      ".",
      "..",
      "...",
      "",
      "x y",
      "é",
      "C:",
    );
    const dir = fc
      .array(segment, { maxLength: 4 })
      .map((s) => `/${s.join("/")}`);
    const file = fc.oneof(
      fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join("/")),
      fc.constantFrom("WU-01.md", "a\\b", "/abs/x.md", "./x", "x/"),
    );
    fc.assert(
      fc.property(dir, file, (d, f) => {
        const expected = path.isAbsolute(f) ? f : path.join(d, f);
        expect(resolveGraphFile(".", d, f).abs).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
