import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  agentCommandOf,
  findExecutable,
  resolveAgentExecutable,
} from "../../src/workspace/find-executable.js";
import { tempDir } from "../helpers/temp-dir.js";

function exe(dir: string, name: string, mode = 0o755): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, "#!/bin/sh\n");
  chmodSync(file, mode);
  return file;
}

describe("agentCommandOf (D-DISP-7)", () => {
  it.each([
    [{ SPECFUSE_AGENT_CMD: "/x/agent" }, "cfg", "/x/agent"],
    [{ SPECFUSE_AGENT_CMD: "" }, "cfg", "cfg"],
    [{ SPECFUSE_AGENT_CMD: "  " }, "cfg", "cfg"],
    [{}, null, "claude"],
    [{}, "", "claude"],
    [{ SPECFUSE_AGENT_CMD: "my agent" }, null, "my agent"],
  ])("%o with config %s → %s", (env, cfg, expected) => {
    expect(agentCommandOf(env, cfg)).toBe(expected);
  });
});

describe("findExecutable / resolveAgentExecutable", () => {
  it("looks a bare name up on PATH, in order, skipping non-executable files", () => {
    const root = tempDir();
    exe(path.join(root, "a"), "claude", 0o644);
    const wanted = exe(path.join(root, "b"), "claude");
    exe(path.join(root, "c"), "claude");
    const env = {
      PATH: ["a", "b", "c"].map((d) => path.join(root, d)).join(":"),
    };
    expect(findExecutable("claude", env, root)).toBe(wanted);
    expect(resolveAgentExecutable(env, null, root)).toBe(wanted);
    expect(findExecutable("missing", env, root)).toBeNull();
    expect(findExecutable("claude", {}, root)).toBeNull();
  });

  it("takes a path as is, relative to cwd, and never searches PATH for it", () => {
    const root = tempDir();
    const file = exe(path.join(root, "tools"), "agent");
    expect(
      resolveAgentExecutable({ SPECFUSE_AGENT_CMD: "tools/agent" }, null, root),
    ).toBe(file);
    expect(
      resolveAgentExecutable({ SPECFUSE_AGENT_CMD: file }, null, "/"),
    ).toBe(file);
    expect(
      resolveAgentExecutable({ SPECFUSE_AGENT_CMD: "./nope" }, null, root),
    ).toBeNull();
    expect(findExecutable("tools", { PATH: root }, root)).toBeNull();
  });

  it("does not split a command with spaces into words", () => {
    const root = tempDir();
    const file = exe(root, "my agent");
    expect(resolveAgentExecutable({ PATH: root }, "my agent", root)).toBe(file);
    expect(
      resolveAgentExecutable({ PATH: root }, "my agent --flag", root),
    ).toBeNull();
  });
});
