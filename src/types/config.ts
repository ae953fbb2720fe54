/** Agent settings of `.specfuse/config.yml` after defaults (formats.md §8). */
export interface AgentConfig {
  /** The adapter. @default "claude" */
  name: "claude" | "codex" | "gemini" | "command";
  /** The executable; SPECFUSE_AGENT_CMD overrides it. @default "claude" (the adapter default) */
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
