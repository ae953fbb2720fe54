import { describe, expect, it } from "vitest";
import {
  backendVocabulary,
  getBackend,
  isBackendName,
} from "../../src/agent/backends.js";
import { exitCodeFor } from "../../src/errors/codes.js";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";

const SETTINGS = {
  executable: "/bin/claude",
  permissionMode: "acceptEdits",
  disallowedTools: [],
};

describe("backend registry (D-DISP-8, agents.md AG-SEL-1)", () => {
  it("ships claude", () => {
    expect(getBackend("claude", SETTINGS).name).toBe("claude");
    expect(isBackendName("claude")).toBe(true);
  });

  it.each(["codex", "gemini", "command"] as const)(
    "%s is reserved: agent_unavailable, exit 64",
    (name) => {
      let caught: unknown;
      try {
        getBackend(name, { ...SETTINGS, executable: "/bin/x" });
      } catch (error) {
        caught = error;
      }
      expect(isBackendName(name)).toBe(false);
      expect(isSpecfuseError(caught)).toBe(true);
      if (!isSpecfuseError(caught)) return;
      expect(caught.code).toBe("agent_unavailable");
      expect(exitCodeFor(caught.code)).toBe(64);
      expect(caught.message).toContain(name);
      expect(caught.hint).toMatch(/agent\.name: claude/);
    },
  );

  it("AG-VOC-1: the vocabulary of an absent or unknown backend name is claude's", () => {
    for (const name of [null, undefined, "codex", "claude"]) {
      const vocab = backendVocabulary(name);
      expect(vocab.name).toBe("claude");
      expect(vocab.validateModel("opus")).toStrictEqual({ isValid: true });
      expect(vocab.validateModel("gpt-5")).toStrictEqual({
        isValid: false,
        expected: "sonnet, opus, haiku or a claude-… model id",
      });
      expect(vocab.validateEffort("xhigh")).toStrictEqual({ isValid: true });
      expect(vocab.validateEffort("huge").isValid).toBe(false);
    }
  });
});
