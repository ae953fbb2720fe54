import type {
  AgentConfig,
  BackendConfig,
  BackendName,
  UsagePathKey,
} from "../../types/config.js";

/** What every backend's settings hold (agents.md AG-CFG-1), fully defaulted. */
export interface CommonBackendSettings {
  /** The resolved executable (AG-SEL-3); null: the adapter's default on PATH. */
  executable: string | null;
  /** Never shell-parsed; before the prompt argument, else last. @default [] */
  argsExtra: string[];
  /** A string sets a variable, null removes it. @default {} */
  env: Record<string, string | null>;
  /** The model of units naming none (AG-VOC-2). @default null */
  model: string | null;
  /** This backend's inactivity limit; null: `agent.inactivity_minutes`. @default null */
  inactivityMinutes: number | null;
  /** false drops a reported cost (AG-COST-2). @default true */
  reportCost: boolean;
}

/** claude's settings: `agent.claude`, else the old `agent.permission_mode` / `agent.disallowed_tools` (AG-CFG-2). */
export interface ClaudeBackendSettings extends CommonBackendSettings {
  /** @default "acceptEdits" */
  permissionMode: string;
  /** @default [] */
  disallowedTools: string[];
}

/** codex's settings. */
export interface CodexBackendSettings extends CommonBackendSettings {
  /** -s value. @default "workspace-write" */
  sandbox: string;
}

/** gemini's settings. */
export interface GeminiBackendSettings extends CommonBackendSettings {
  /** --approval-mode value. @default "yolo" */
  approvalMode: string;
}

/** opencode's settings. */
export interface OpencodeBackendSettings extends CommonBackendSettings {
  /** The user's permission rules, before the git deny rules. @default null */
  permission: Record<string, unknown> | null;
}

/** The `command` backend's settings (AG-BE-8). */
export interface CommandBackendSettings extends CommonBackendSettings {
  /** The argv template (`agent.command.args`, else `agent.args`). @default [] */
  args: string[];
  /** @default "stdin" */
  prompt: "stdin" | "file" | "arg";
  /** @default "text" */
  output: "text" | "jsonl";
  /** Field → value of the terminal event; null: any line matches none. @default null */
  terminal: Record<string, string | number | boolean> | null;
  errorPath: string | null;
  textPath: string | null;
  sessionPath: string | null;
  costPath: string | null;
  usagePaths: Partial<Record<UsagePathKey, string>>;
  /** Source of the rate-limit regular expression; null: `P`. */
  rateLimitPattern: string | null;
  /** @default ["--version"] */
  versionArgs: string[];
}

/** Each backend's settings type. */
export interface BackendSettingsMap {
  claude: ClaudeBackendSettings;
  codex: CodexBackendSettings;
  gemini: GeminiBackendSettings;
  opencode: OpencodeBackendSettings;
  cursor: CommonBackendSettings;
  amp: CommonBackendSettings;
  aider: CommonBackendSettings;
  command: CommandBackendSettings;
}

// The common settings of a block, defaulted; `executable` from the block, else a string agent.command of the selected backend.
function commonSettings(
  agent: AgentConfig,
  name: BackendName,
  block: BackendConfig,
): CommonBackendSettings {
  const legacyCommand = agent.name === name ? agent.command : null;
  return {
    executable: block.command ?? legacyCommand,
    argsExtra: [...(block.args_extra ?? [])],
    env: { ...(block.env ?? {}) },
    model: block.model ?? null,
    inactivityMinutes: block.inactivity_minutes ?? null,
    reportCost: block.report_cost ?? true,
  };
}

// The settings of one backend from the normalized config, every default applied (AG-CFG-1, AG-CFG-2).
// SPECFUSE_AGENT_CMD is not seen here: the driver puts it in `executable` (AG-SEL-3).
export function resolveBackendSettings<N extends BackendName>(
  agent: AgentConfig,
  name: N,
): BackendSettingsMap[N] {
  const block: BackendConfig = agent.backends?.[name] ?? {};
  const common = commonSettings(agent, name, block);
  const byName: { [K in BackendName]: () => BackendSettingsMap[K] } = {
    claude: () => ({
      ...common,
      permissionMode: block.permission_mode ?? agent.permission_mode,
      disallowedTools: [...(block.disallowed_tools ?? agent.disallowed_tools)],
    }),
    codex: () => ({ ...common, sandbox: block.sandbox ?? "workspace-write" }),
    gemini: () => ({ ...common, approvalMode: block.approval_mode ?? "yolo" }),
    opencode: () => ({ ...common, permission: block.permission ?? null }),
    cursor: () => common,
    amp: () => common,
    aider: () => common,
    command: () => commandSettings(agent, common, block),
  };
  return byName[name]();
}

function commandSettings(
  agent: AgentConfig,
  common: CommonBackendSettings,
  block: BackendConfig,
): CommandBackendSettings {
  return {
    ...common,
    args: [...(block.args ?? agent.args ?? [])],
    prompt: block.prompt ?? "stdin",
    output: block.output ?? "text",
    terminal: block.terminal === undefined ? null : { ...block.terminal },
    errorPath: block.error_path ?? null,
    textPath: block.text_path ?? null,
    sessionPath: block.session_path ?? null,
    costPath: block.cost_path ?? null,
    usagePaths: { ...(block.usage_paths ?? {}) },
    rateLimitPattern: block.rate_limit_pattern ?? null,
    versionArgs: [...(block.version_args ?? ["--version"])],
  };
}

// Old keys an `agent.claude` key shadows, for doctor's warning (AG-CFG-2): `agent.permission_mode` and so on.
export function shadowedLegacyKeys(agent: AgentConfig): string[] {
  const claude: BackendConfig = agent.backends?.claude ?? {};
  const command: BackendConfig = agent.backends?.command ?? {};
  const shadowed: string[] = [];
  if (
    claude.permission_mode !== undefined &&
    agent.permission_mode !== "acceptEdits"
  )
    shadowed.push("agent.permission_mode");
  if (
    claude.disallowed_tools !== undefined &&
    agent.disallowed_tools.length > 0
  )
    shadowed.push("agent.disallowed_tools");
  if (command.args !== undefined && agent.args !== null)
    shadowed.push("agent.args");
  return shadowed;
}
