import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isValidClaudeModel,
  MODEL_ALIASES,
  MODEL_ID_PATTERN,
} from "../../src/agent/adapters/claude-vocabulary.js";

describe("model values (formats.md F-WU-2)", () => {
  it("accepts the aliases and claude- ids, in any script", () => {
    expect(isValidClaudeModel("sonnet")).toBe(true);
    expect(isValidClaudeModel("claude-opus-4.1")).toBe(true);
    expect(isValidClaudeModel("claude-ünï_2")).toBe(true);
    expect(isValidClaudeModel("claude-")).toBe(false);
    expect(isValidClaudeModel("claude-.x")).toBe(false);
    expect(isValidClaudeModel("gpt-4")).toBe(false);
    expect(isValidClaudeModel(4)).toBe(false);
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
          expect(isValidClaudeModel(value)).toBe(
            (MODEL_ALIASES as readonly string[]).includes(value) ||
              MODEL_ID_PATTERN.test(value),
          );
        },
      ),
    );
  });
});
