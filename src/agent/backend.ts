// The agent-backend seam of agents.md AG-ADP-1 and AG-RES-1. Every backend (claude, codex, gemini,
// opencode, cursor, amp, aider, command) is a pure adapter implementing `AgentBackend`; limits,
// killing, the git guard and classification stay shared in the driver.

/** Token counts as the backend reported them (AG-RES-1); `input` excludes cache reads. */
export interface BackendUsage {
  input?: number;
  output?: number;
  cacheRead?: number;
  cacheWrite?: number;
  reasoning?: number;
}

/** How the agent's run ended, from its event stream, else its exit code (AG-RES-2). */
export type BackendTerminal = "success" | "error" | "none";

/** Where a cost figure came from (AG-COST-1). */
export type CostSource = "reported" | "estimated" | "none";

/** The normalized result of one agent run (AG-RES-1). */
export interface AgentResult {
  /** The final text the RESULT block is read from (AG-RES-3). */
  finalText: string;
  isError: boolean;
  terminal: BackendTerminal;
  usage: BackendUsage;
  /** Present only when reported by the backend (or priced by the user's table, AG-COST-3). */
  costUsd?: number;
  costSource: CostSource;
  sessionId?: string;
  /** The model the CLI says it used, if it says (AG-VOC-3). */
  model?: string;
  /** A backend-specific ending detail (claude's result `subtype`, gemini's `error.type`). */
  subtype?: string;
  /** Error text from error events or the error terminal, for rate-limit and refusal reasons. */
  errorText?: string;
  isRateLimited: boolean;
  retryAfterSeconds?: number;
  /** Tool names (or commands) the backend refused. */
  permissionDenials: string[];
  /**
   * A terminal event was read from the stream (claude: a `result` object). Without one the final text is a
   * fallback and no usage is taken (D-DISP-5). @default terminal !== "none"
   */
  hasTerminalEvent?: boolean;
  /** The stream carried an explicit error flag (claude's `is_error`); only then is `agent_is_error` recorded (D-DISP-6). @default true */
  isErrorReported?: boolean;
}

/** What an adapter needs to know about the unit it dispatches. */
export interface BackendUnit {
  /** The unit's graph id. */
  id: string;
  /** The unit's model, else the backend's configured model, else null: no model flag (AG-VOC-2). */
  model: string | null;
  effort: string;
  /** `unsandboxed: true` in the WU frontmatter. */
  isUnsandboxed: boolean;
}

/** Where one attempt runs, for argv and files that must name paths. */
export interface BackendPlace {
  /** Absolute working directory of the agent (the repository, or a lane's worktree). */
  cwd: string;
  /** Absolute `<F>/work/<key>/` of the unit, where prompt files, policies and histories go. */
  workDir: string;
  attempt: number;
  /** The user's home directory, for backends that must name their own config folders. */
  home: string;
}

/** A file the driver writes (atomically) before spawning the agent. */
export interface BackendFile {
  /** Absolute path. */
  path: string;
  content: string;
}

/** How to start the agent: no shell, argv as is, a prompt that can never wait on stdin (AG-PROC-1). */
export interface BackendInvocation {
  file: string;
  args: string[];
  /** Added over the dispatch environment (after `envRemove`). */
  env: Record<string, string>;
  /** Variable names removed from the dispatch environment (claude: `CLAUDECODE`). */
  envRemove: string[];
  /** Written to stdin, which is then closed; null: stdin is ignored. */
  stdin: string | null;
  /** Written before the spawn (a prompt file, gemini's policy). */
  files: BackendFile[];
}

/** The backend's settings from config.yml and the resolved executable (AG-CFG-1, AG-SEL-3). */
export interface BackendSettings {
  /** The resolved executable; null before resolution (the dry run, lint): the adapter's default. */
  executable: string | null;
  /** claude: passed as --permission-mode. @default "acceptEdits" */
  permissionMode: string;
  /** claude: added after the built-in deny rules. @default [] */
  disallowedTools: readonly string[];
}

/** One stdout line, as the live reader sees it. */
export interface BackendLine {
  /** A short activity summary (`Edit src/a.ts`) for the status line, or null. */
  activity: string | null;
  /** The line is the run's terminal event: the linger kill is armed (AG-RES-4). */
  isTerminal: boolean;
}

/** Reads an agent's stdout line by line, as it arrives. */
export interface BackendReader {
  push(line: string): BackendLine;
}

/** How `doctor` and the driver's preflight check an installed CLI (AG-DOC-1). */
export interface BackendProbe {
  /** Arguments that print the version and exit 0. */
  versionArgs: string[];
  /** Arguments that print the help listing `flags` (codex `exec --help`). */
  helpArgs: string[];
  /** Every flag the adapter can emit, as it appears in the help. */
  flags: string[];
}

/** A model or effort value an adapter rejects: the reason, for lint and the load check. */
export type VocabularyVerdict =
  { isValid: true } | { isValid: false; expected: string };

/** A pure backend adapter (AG-ADP-1). */
export interface AgentBackend {
  name: string;
  /** The executable looked up on PATH when nothing else names one (AG-SEL-3). */
  defaultExecutable: string;
  validateModel(model: string): VocabularyVerdict;
  validateEffort(effort: string): VocabularyVerdict;
  /** The backend takes no model / no effort flag: the driver says so once per run (AG-VOC-3). */
  ignoresModel: boolean;
  ignoresEffort: boolean;
  /** The backend reports token counts, so the zero-token guard applies (AG-COST-4). */
  reportsTokens: boolean;
  /** Environment names (`*` suffix globs) holding the backend's credentials, kept from hooks (AU-HOOK-3). */
  credentialEnv: string[];
  buildInvocation(
    unit: BackendUnit,
    prompt: string,
    place: BackendPlace,
  ): BackendInvocation;
  createReader(): BackendReader;
  finish(stdout: string, stderr: string, exitCode: number | null): AgentResult;
  probe: BackendProbe;
  /** Globs (repo-relative) of the backend's scratch files: kept out of the squash, deleted on restore. */
  scratchPaths: string[];
  /** Where the user allows tools the agent was denied, for the denial warning (claude: `.claude/settings.json`). */
  permissionHint?: string;
  /** How to install the CLI, for `agent_not_found` (claude: `npm i -g @anthropic-ai/claude-code`). */
  installHint?: string;
}
