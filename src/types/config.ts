// Every agent backend (agents.md AG-SEL-1), in the order the docs list them.
export const BACKEND_NAMES = [
  "claude",
  "codex",
  "gemini",
  "opencode",
  "cursor",
  "amp",
  "aider",
  "command",
] as const;

/** One agent backend's name (agents.md AG-SEL-1). */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** The AG-RES-1 usage keys a `command` backend maps to dotted paths (agents.md AG-BE-8). */
export type UsagePathKey =
  "input" | "output" | "cache_read" | "cache_write" | "reasoning";

/** One `agent.<name>` block as written (agents.md AG-CFG-1); absent keys stay absent, defaults apply at resolution. */
export interface BackendConfig {
  /** The executable (AG-SEL-3). */
  command?: string;
  /** Extra arguments, never shell-parsed: before the prompt argument, else last. */
  args_extra?: string[];
  /** Environment set for the agent; `null` removes a variable. */
  env?: Record<string, string | null>;
  /** The model when a unit names none (AG-VOC-2). */
  model?: string;
  /** This backend's inactivity limit, minutes. */
  inactivity_minutes?: number;
  /** `false` drops a reported cost (local models priced at hosted rates, AG-COST-2). @default true */
  report_cost?: boolean;
  /** claude: --permission-mode. @default "acceptEdits" */
  permission_mode?: string;
  /** claude: rules added to the built-in git write rules. @default [] */
  disallowed_tools?: string[];
  /** codex: -s. @default "workspace-write" */
  sandbox?: string;
  /** gemini: --approval-mode. @default "yolo" */
  approval_mode?: string;
  /** opencode: the permission block sent as OPENCODE_PERMISSION. */
  permission?: Record<string, unknown>;
  /** command: argv template with {model} {effort} {prompt_file} {cwd} {unit_id}. */
  args?: string[];
  /** command: how the prompt is passed. @default "stdin" */
  prompt?: "stdin" | "file" | "arg";
  /** command: how stdout is read. @default "text" */
  output?: "text" | "jsonl";
  /** command jsonl: field → value map selecting the terminal event. */
  terminal?: Record<string, string | number | boolean>;
  /** command jsonl: dotted path whose truthy value marks an error. */
  error_path?: string;
  text_path?: string;
  session_path?: string;
  cost_path?: string;
  usage_paths?: Partial<Record<UsagePathKey, string>>;
  /** command: a regular expression replacing `P` (AG-RL-1). */
  rate_limit_pattern?: string;
  /** command: the version probe. @default ["--version"] */
  version_args?: string[];
}

/** USD per million tokens of one model (agents.md AG-COST-3). */
export interface ModelPrice {
  input: number;
  output: number;
  cache_read?: number;
  cache_write?: number;
  reasoning?: number;
}

/** Agent settings of `.specfuse/config.yml` after defaults (formats.md §8). */
export interface AgentConfig {
  /** The backend. @default "claude" */
  name: BackendName;
  /** A string `agent.command`: the executable; SPECFUSE_AGENT_CMD overrides it. @default "claude" (the adapter default) */
  command: string | null;
  /** `command` adapter only: argument templates using {model} and {effort}. */
  args: string[] | null;
  /** Passed as --permission-mode. @default "acceptEdits" */
  permission_mode: string;
  /** Added to the built-in denied git write commands. @default [] */
  disallowed_tools: string[];
  /** Wall-clock limit per attempt, minutes. @default 45 */
  timeout_minutes: number;
  /** Inactivity limit, minutes; 0 turns it off. @default 20 */
  inactivity_minutes: number;
  /** The `agent.<name>` blocks that are set (a mapping `agent.command` is the `command` block); absent when none is. */
  backends?: Partial<Record<BackendName, BackendConfig>>;
  /** `agent.prices`: model id → USD per million tokens (AG-COST-3); absent when unset. */
  prices?: Record<string, ModelPrice>;
}

/** GitHub settings of `.specfuse/config.yml` after defaults (github.md GH-GH-5). */
export interface GithubConfig {
  /** Open or update the pull request at feature completion. @default false */
  pr: boolean;
  /** Move `state:*` labels on the source issue. @default true */
  issue_sync: boolean;
  /** The remote to push to and to read the repository from. @default "origin" */
  remote: string;
}

/** One `hooks:` entry of config.yml after defaults (audit.md AU-HOOK-1). */
export interface HookConfig {
  /** `[a-z0-9_-]+`, unique. @default `h-` + 8 hex of the entry's SHA-256 */
  name: string;
  /** Event types or `*` globs; the `notify` preset gives `human_escalation`, `gate_reached`. */
  on: string[];
  /** A `sh -c` command that gets the event line on stdin; null for a webhook. */
  run: string | null;
  /** A URL, possibly holding `${NAME}` read from the environment; null for a command. */
  webhook: string | null;
  /** The webhook body. @default "json" */
  format: "json" | "slack" | "discord";
  /** The variable holding the HMAC-SHA256 key; null: unsigned. */
  secret_env: string | null;
  /** Per try, in (0, 600]. @default 30 */
  timeout_seconds: number;
  preset: "notify" | null;
  /** The entry's line in config.yml, or null. */
  line: number | null;
}

/** `.specfuse/config.yml`, fully defaulted (formats.md F-CFG-1). */
export interface Config {
  /** Schema version. @default 1 */
  version: 1;
  agent: AgentConfig;
  /** Attempts per dispatch cycle, 1-10. @default 3 */
  max_attempts: number;
  github: GithubConfig;
  /** Commands and webhooks called on events (audit.md AU-HOOK-1). @default [] */
  hooks: HookConfig[];
}

/** One verification command (formats.md F-VER-2). */
export interface VerificationCheck {
  name: string;
  command: string;
  /** Seconds. @default 900 */
  timeout_seconds: number;
}

/** `.specfuse/verification.yml` after validation (formats.md §7). */
export interface Verification {
  /** On unless the file says `cost_tracking: false`. */
  cost_tracking: boolean;
  /** Set name → checks, in file order. */
  sets: Map<string, VerificationCheck[]>;
}
