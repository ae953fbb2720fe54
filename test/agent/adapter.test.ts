import { describe, expect, it } from "vitest";
import { getAdapter } from "../../src/agent/adapter.js";
import { exitCodeFor } from "../../src/errors/codes.js";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";

const agent = (name: "claude" | "codex" | "gemini" | "command") => ({
  name,
  permission_mode: "acceptEdits",
  disallowed_tools: [],
});

describe("adapter registry (D-DISP-8)", () => {
  it("ships claude", () => {
    expect(getAdapter(agent("claude"), "/bin/claude").name).toBe("claude");
  });

  it.each(["codex", "gemini", "command"] as const)(
    "%s is reserved: agent_unavailable, exit 64",
    (name) => {
      let caught: unknown;
      try {
        getAdapter(agent(name), "/bin/x");
      } catch (error) {
        caught = error;
      }
      expect(isSpecfuseError(caught)).toBe(true);
      if (!isSpecfuseError(caught)) return;
      expect(caught.code).toBe("agent_unavailable");
      expect(exitCodeFor(caught.code)).toBe(64);
      expect(caught.message).toContain(name);
      expect(caught.hint).toMatch(/agent\.name: claude/);
    },
  );
});
