import { SpecfuseError } from "../errors/specfuse-error.js";
import type { AgentConfig } from "../types/config.js";
import type { Usage } from "../types/outcome.js";
import { createClaudeAdapter } from "./adapters/claude.js";

/** What an adapter needs to know about the unit it dispatches. */
export interface AgentUnit {
  /** The unit's graph id. */
  id: string;
  /** Passed to the agent verbatim (formats.md F-WU-2). */
  model: string;
  effort: string;
  /** `unsandboxed: true` in the WU frontmatter. */
  isUnsandboxed: boolean;
}

/** The limits of one attempt, in milliseconds (0 turns a limit off). */
export interface AgentLimits {
  wallClockMs: number;
  inactivityMs: number;
}

/** How to start the agent: no shell, argv as is. */
export interface AgentInvocation {
  file: string;
  args: string[];
  /** Adapter-specific variables merged over the dispatch environment; undefined removes a key. */
  env: Record<string, string | undefined>;
  /** Written to stdin, which is then closed. */
  stdin: string;
}

/** What the agent reported, as far as its output could be read (driver D-DISP-5, D-DISP-6). */
export interface AgentOutput {
  /** The final text the RESULT block is read from. */
  text: string;
  /** A `"type":"result"` object was found. */
  hasResult: boolean;
  /** Cost and tokens; absent without a result object. */
  usage?: Usage;
  isError?: boolean;
  subtype?: string;
  sessionId?: string;
  model?: string;
  /** Tool names only. */
  permissionDenials?: string[];
}

/** Reads an agent's output line by line, as it arrives. */
export interface OutputReader {
  /** Feeds one stdout line; returns a short activity summary (`Edit src/a.ts`) or null. */
  push(line: string): string | null;
  /** The parse of everything pushed so far. */
  finish(stderr: string, exitCode: number | null): AgentOutput;
}

/** The adapter seam of driver D-DISP-8. Limits, killing and classification are shared. */
export interface AgentAdapter {
  name: string;
  buildInvocation(
    unit: AgentUnit,
    prompt: string,
    limits: AgentLimits,
  ): AgentInvocation;
  parseResult(
    stdout: string,
    stderr: string,
    exitCode: number | null,
  ): AgentOutput;
  /** An incremental reader for live activity; `finish` equals `parseResult` on the same input. */
  createReader(): OutputReader;
}

// Adapter names reserved by formats.md F-CFG-1; only `claude` ships.
export const ADAPTER_NAMES = ["claude", "codex", "gemini", "command"] as const;

// The command each adapter looks up on PATH when neither SPECFUSE_AGENT_CMD nor `agent.command` is set (D-DISP-7).
export const DEFAULT_AGENT_COMMAND = "claude";

// The adapter for the configured agent, bound to its resolved executable, or 64 agent_unavailable (D-DISP-8).
export function getAdapter(
  agent: Pick<AgentConfig, "name" | "permission_mode" | "disallowed_tools">,
  executable: string,
): AgentAdapter {
  if (agent.name === "claude")
    return createClaudeAdapter({
      executable,
      permissionMode: agent.permission_mode,
      disallowedTools: agent.disallowed_tools,
    });
  throw new SpecfuseError({
    code: "agent_unavailable",
    message: `agent adapter "${agent.name}" is not available in this version`,
    detail: `The names ${ADAPTER_NAMES.join(", ")} are reserved; only "claude" ships.`,
    hint: "Set `agent.name: claude` in .specfuse/config.yml (or remove the key), and point `agent.command` or SPECFUSE_AGENT_CMD at a Claude-compatible executable.",
    file: ".specfuse/config.yml",
  });
}
