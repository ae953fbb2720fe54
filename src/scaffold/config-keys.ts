/** One configuration key, as the config.yml seed documents it (init.md I-CFG-1). */
export interface ConfigKeyDoc {
  /** Dotted path, e.g. `agent.timeout_minutes`. */
  path: string;
  /** The default, or undefined when the key has none. */
  default?: unknown;
  /** Shown instead of a default for keys that have none. */
  example?: unknown;
  /** One line. */
  description: string;
}

// TODO(merge): replace this local copy of formats.md §8 F-CFG-1 with the metadata exported by
// the config schema (src/schemas/config.ts / src/config/), so the seed is generated from the
// schema itself. Until then this table is the single source the seed and its test read.
export const CONFIG_KEYS: ReadonlyArray<ConfigKeyDoc> = [
  {
    path: "version",
    default: 1,
    description: "format version of this file; must be 1",
  },
  {
    path: "agent.name",
    default: "claude",
    description:
      "agent adapter: claude (codex, gemini and command are reserved names)",
  },
  {
    path: "agent.command",
    default: "claude",
    description: "agent executable; SPECFUSE_AGENT_CMD overrides it",
  },
  {
    path: "agent.args",
    example: ["--model", "{model}"],
    description:
      "command adapter only: argument templates using {model} and {effort}; no default",
  },
  {
    path: "agent.permission_mode",
    default: "acceptEdits",
    description: "passed to the agent as --permission-mode",
  },
  {
    path: "agent.disallowed_tools",
    default: [],
    description:
      "deny rules added to the built-in git write denials (which always apply)",
  },
  {
    path: "agent.timeout_minutes",
    default: 45,
    description:
      "wall-clock limit per attempt; a unit's timeout_minutes and --timeout-minutes win",
  },
  {
    path: "agent.inactivity_minutes",
    default: 20,
    description: "stop an attempt after this long without output; 0 turns it off",
  },
  {
    path: "max_attempts",
    default: 3,
    description:
      "attempts per dispatch cycle, 1 to 10; a unit's max_attempts and --max-attempts win",
  },
];
