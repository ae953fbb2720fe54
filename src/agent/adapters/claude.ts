import type {
  AgentBackend,
  AgentResult,
  BackendSettings,
  BackendUnit,
} from "../backend.js";
import { createClaudeReader } from "./claude-stream.js";
import {
  validateClaudeEffort,
  validateClaudeModel,
} from "./claude-vocabulary.js";

// The git write commands every agent is denied, in the order of driver D-DISP-1; config can only add to them.
export const BUILT_IN_DISALLOWED_TOOLS: readonly string[] = [
  "Bash(git add:*)",
  "Bash(git commit:*)",
  "Bash(git push:*)",
  "Bash(git pull:*)",
  "Bash(git fetch:*)",
  "Bash(git merge:*)",
  "Bash(git rebase:*)",
  "Bash(git reset:*)",
  "Bash(git checkout:*)",
  "Bash(git switch:*)",
  "Bash(git restore:*)",
  "Bash(git stash:*)",
  "Bash(git clean:*)",
  "Bash(git branch:*)",
  "Bash(git tag:*)",
  "Bash(git cherry-pick:*)",
  "Bash(git revert:*)",
  "Bash(git am:*)",
  "Bash(git rm:*)",
  "Bash(git mv:*)",
  "Bash(git update-ref:*)",
  "Bash(git worktree:*)",
  "Bash(git config:*)",
];

// The executable looked up on PATH when neither SPECFUSE_AGENT_CMD nor `agent.command` names one (D-DISP-7).
export const CLAUDE_EXECUTABLE = "claude";

// The exact argv of driver D-DISP-1 (without the executable); one element per deny rule.
export function claudeArgs(
  unit: Pick<BackendUnit, "model" | "effort" | "isUnsandboxed">,
  settings: Pick<BackendSettings, "permissionMode" | "disallowedTools">,
): string[] {
  return [
    "-p",
    ...(unit.model === null ? [] : ["--model", unit.model]),
    "--effort",
    unit.effort,
    "--output-format",
    "stream-json",
    "--verbose",
    ...(unit.isUnsandboxed
      ? ["--dangerously-skip-permissions"]
      : ["--permission-mode", settings.permissionMode]),
    "--disallowedTools",
    ...BUILT_IN_DISALLOWED_TOOLS,
    ...settings.disallowedTools,
  ];
}

// Parses a whole stdout (stream-json NDJSON, or plain json) the same way the live reader does (D-DISP-5).
export function parseClaudeOutput(
  stdout: string,
  _stderr: string,
  exitCode: number | null,
): AgentResult {
  const reader = createClaudeReader();
  for (const line of stdout.split("\n")) reader.push(line.replace(/\r$/, ""));
  return reader.result(exitCode);
}

// The Claude Code backend (agents.md AG-BE-1): argv in, parsed stream-json out. Pure.
export function createClaudeBackend(settings: BackendSettings): AgentBackend {
  return {
    name: "claude",
    defaultExecutable: CLAUDE_EXECUTABLE,
    validateModel: validateClaudeModel,
    validateEffort: validateClaudeEffort,
    ignoresModel: false,
    ignoresEffort: false,
    reportsTokens: true,
    credentialEnv: ["ANTHROPIC_*", "CLAUDE_CODE_OAUTH_TOKEN"],
    buildInvocation(unit, prompt) {
      return {
        file: settings.executable ?? CLAUDE_EXECUTABLE,
        args: claudeArgs(unit, settings),
        env: {},
        // A nested Claude Code session refuses to start while CLAUDECODE is set (D-DISP-2).
        envRemove: ["CLAUDECODE"],
        stdin: prompt,
        files: [],
      };
    },
    createReader: createClaudeReader,
    finish: parseClaudeOutput,
    probe: {
      versionArgs: ["--version"],
      helpArgs: ["--help"],
      flags: [
        "--model",
        "--effort",
        "--output-format",
        "--verbose",
        "--permission-mode",
        "--dangerously-skip-permissions",
        "--disallowedTools",
      ],
    },
    scratchPaths: [],
    permissionHint: ".claude/settings.json",
    installHint:
      "install the Claude Code CLI (`npm i -g @anthropic-ai/claude-code`)",
  };
}
