import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isValidModel,
  MODEL_ALIASES,
  MODEL_ID_PATTERN,
} from "../../src/plan/vocabulary.js";

describe("model values (formats.md F-WU-2)", () => {
  it("accepts the aliases and claude- ids, in any script", () => {
    expect(isValidModel("sonnet")).toBe(true);
    expect(isValidModel("claude-opus-4.1")).toBe(true);
    expect(isValidModel("claude-ünï_2")).toBe(true);
    expect(isValidModel("claude-")).toBe(false);
    expect(isValidModel("claude-.x")).toBe(false);
    expect(isValidModel("gpt-4")).toBe(false);
    expect(isValidModel(4)).toBe(false);
  });

  it("answers ASCII values exactly as the Unicode pattern does (property)", () => {
    const tail = fc.string({
      unit: fc.constantFrom(
        "a",
        "Z",
        "0",
        "_",
        ".",
        "-",
        " ",
        "ü",
        "ж",
        "٣",
        "/",
      ),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.constantFrom("claude-", "claude", "Claude-", ""),
        tail,
        (head, rest) => {
          const value = head + rest;
          expect(isValidModel(value)).toBe(
            (MODEL_ALIASES as readonly string[]).includes(value) ||
              MODEL_ID_PATTERN.test(value),
          );
        },
      ),
    );
  });
});
