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

/** GitHub settings of `.specfuse/config.yml` after defaults (github.md GH-GH-5). */
export interface GithubConfig {
  /** Open or update the pull request at feature completion. @default false */
  pr: boolean;
  /** Move `state:*` labels on the source issue. @default true */
  issue_sync: boolean;
  /** The remote to push to and to read the repository from. @default "origin" */
  remote: string;
}

/** `.specfuse/config.yml`, fully defaulted (formats.md F-CFG-1). */
export interface Config {
  /** Schema version. @default 1 */
  version: 1;
  agent: AgentConfig;
  /** Attempts per dispatch cycle, 1-10. @default 3 */
  max_attempts: number;
  github: GithubConfig;
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
