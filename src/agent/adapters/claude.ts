import type {
  AgentAdapter,
  AgentInvocation,
  AgentOutput,
  AgentUnit,
} from "../adapter.js";
import { createClaudeReader } from "./claude-stream.js";

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

/** The claude adapter's settings from `.specfuse/config.yml` (formats.md F-CFG-1). */
export interface ClaudeSettings {
  /** The resolved executable (D-DISP-7). */
  executable: string;
  /** Passed as --permission-mode. @default "acceptEdits" */
  permissionMode: string;
  /** Added after the built-in deny rules. @default [] */
  disallowedTools: readonly string[];
}

// The exact argv of driver D-DISP-1 (without the executable); one element per deny rule.
export function claudeArgs(
  unit: Pick<AgentUnit, "model" | "effort" | "isUnsandboxed">,
  settings: Pick<ClaudeSettings, "permissionMode" | "disallowedTools">,
): string[] {
  return [
    "-p",
    "--model",
    unit.model,
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
  stderr: string,
  exitCode: number | null,
): AgentOutput {
  const reader = createClaudeReader();
  for (const line of stdout.split("\n")) reader.push(line.replace(/\r$/, ""));
  return reader.finish(stderr, exitCode);
}

// The Claude Code adapter: argv in, parsed stream-json out. Pure.
export function createClaudeAdapter(settings: ClaudeSettings): AgentAdapter {
  return {
    name: "claude",
    buildInvocation(unit, prompt): AgentInvocation {
      return {
        file: settings.executable,
        args: claudeArgs(unit, settings),
        env: {},
        stdin: prompt,
      };
    },
    parseResult: parseClaudeOutput,
    createReader: createClaudeReader,
  };
}
