// JSON Schema of the `agent.<name>` blocks and `agent.prices` (agents.md AG-CFG-1, AG-COST-3), joined into CONFIG_SCHEMA.
// The blocks carry no `default`: they are absent from a config that does not set them, and
// defaults apply when a backend's settings are resolved (so a tree without them normalizes as before).

const NOT_SEEDED = { "x-seed": false } as const;

// The keys every backend block has (AG-CFG-1).
function commonKeys(modelExample: string, commandExample: string) {
  return {
    command: {
      type: "string",
      minLength: 1,
      examples: [commandExample],
      "x-default": "the backend's executable on PATH",
      description:
        "This backend's executable, run without a shell; SPECFUSE_AGENT_CMD overrides it.",
      ...NOT_SEEDED,
    },
    args_extra: {
      type: "array",
      items: { type: "string" },
      examples: [["--verbose"]],
      "x-default": "`[]`",
      description:
        "Extra arguments, never shell-parsed: before the prompt argument, else last.",
      ...NOT_SEEDED,
    },
    env: {
      type: "object",
      additionalProperties: { type: ["string", "null"] },
      propertyNames: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
      "x-type": "mapping of names to strings (null removes)",
      examples: [{ EXAMPLE_FLAG: "1" }],
      "x-default": "—",
      description:
        "Environment for the agent: a string sets the variable, null removes it.",
      ...NOT_SEEDED,
    },
    model: {
      type: "string",
      minLength: 1,
      examples: [modelExample],
      "x-default": "the CLI's own",
      description:
        "The model of units that name none; this backend's vocabulary checks it.",
      ...NOT_SEEDED,
    },
    inactivity_minutes: {
      type: "number",
      minimum: 0,
      examples: [30],
      "x-default": "`agent.inactivity_minutes`",
      description: "This backend's inactivity limit; 0 turns it off.",
      ...NOT_SEEDED,
    },
    report_cost: {
      type: "boolean",
      examples: [false],
      "x-default": "`true`",
      description:
        "false drops the cost the CLI reports (a local model priced at hosted rates).",
      ...NOT_SEEDED,
    },
  } as const;
}

// A backend block: a mapping of its keys, left out of the config.yml seed.
function block(description: string, properties: Record<string, unknown>) {
  return { type: "object", description, properties, ...NOT_SEEDED } as const;
}

const DOTTED_PATH = {
  type: "string",
  minLength: 1,
  pattern: "^[^.]+(\\.[^.]+)*$",
} as const;

// The `command` backend's own keys (AG-BE-8): a template, not a known CLI.
const COMMAND_KEYS = {
  args: {
    type: "array",
    items: { type: "string" },
    examples: [["--model", "{model}", "--prompt-file", "{prompt_file}"]],
    "x-default": "`[]`",
    description:
      "argv template: {model} {effort} {prompt_file} {cwd} {unit_id}, {{ }} for braces; agent.args is the old name.",
    ...NOT_SEEDED,
  },
  prompt: {
    enum: ["stdin", "file", "arg"],
    examples: ["file"],
    "x-default": "`stdin`",
    description:
      "How the prompt is passed: on stdin, as a file ({prompt_file}), or as the last argument.",
    ...NOT_SEEDED,
  },
  output: {
    enum: ["text", "jsonl"],
    examples: ["jsonl"],
    "x-default": "`text`",
    description:
      "text: stdout is the final text and the exit code the ending; jsonl: read with the paths below.",
    ...NOT_SEEDED,
  },
  terminal: {
    type: "object",
    additionalProperties: { type: ["string", "number", "boolean"] },
    "x-type": "mapping of field to value",
    examples: [{ type: "result" }],
    "x-default": "—",
    description: "jsonl: the field values that mark the terminal event.",
    ...NOT_SEEDED,
  },
  error_path: {
    ...DOTTED_PATH,
    examples: ["is_error"],
    "x-default": "—",
    description:
      "jsonl: dotted path in the terminal event whose truthy value is an error.",
    ...NOT_SEEDED,
  },
  text_path: {
    ...DOTTED_PATH,
    examples: ["result"],
    "x-default": "all of stdout",
    description:
      "jsonl: dotted path of the final text in the terminal event (`a.0.b`, -1 is the last).",
    ...NOT_SEEDED,
  },
  session_path: {
    ...DOTTED_PATH,
    examples: ["session_id"],
    "x-default": "—",
    description: "jsonl: dotted path of the session id in the terminal event.",
    ...NOT_SEEDED,
  },
  cost_path: {
    ...DOTTED_PATH,
    examples: ["total_cost_usd"],
    "x-default": "—",
    description:
      "jsonl: dotted path of the reported USD cost in the terminal event.",
    ...NOT_SEEDED,
  },
  usage_paths: {
    type: "object",
    propertyNames: {
      enum: ["input", "output", "cache_read", "cache_write", "reasoning"],
    },
    additionalProperties: DOTTED_PATH,
    "x-type":
      "mapping of input, output, cache_read, cache_write, reasoning to paths",
    examples: [{ input: "usage.input_tokens", output: "usage.output_tokens" }],
    "x-default": "—",
    description:
      "jsonl: dotted paths of the token counts in the terminal event.",
    ...NOT_SEEDED,
  },
  rate_limit_pattern: {
    type: "string",
    minLength: 1,
    examples: ["rate.?limit|429"],
    "x-default": "the shared pattern P",
    description:
      "Regular expression (case-insensitive) that marks error text as a rate limit.",
    ...NOT_SEEDED,
  },
  version_args: {
    type: "array",
    items: { type: "string" },
    minItems: 1,
    examples: [["--version"]],
    "x-default": '`["--version"]`',
    description: "Arguments that print the version, for doctor.",
    ...NOT_SEEDED,
  },
} as const;

// `agent.command`: a string is the executable of the selected backend (AG-CFG-2), a mapping the `command` block.
export const AGENT_COMMAND_SCHEMA = {
  type: ["string", "object"],
  minLength: 1,
  "x-type": "string, or a mapping (the `command` backend)",
  examples: ["claude"],
  "x-default": "adapter default (`claude`)",
  description:
    "The agent executable, run without a shell; SPECFUSE_AGENT_CMD overrides it.",
  properties: {
    ...commonKeys("local-model", "/usr/local/bin/my-agent"),
    ...COMMAND_KEYS,
  },
} as const;

const PRICE = {
  type: "object",
  required: ["input", "output"],
  additionalProperties: false,
  properties: {
    input: { type: "number", minimum: 0 },
    output: { type: "number", minimum: 0 },
    cache_read: { type: "number", minimum: 0 },
    cache_write: { type: "number", minimum: 0 },
    reasoning: { type: "number", minimum: 0 },
  },
} as const;

// `agent.prices` and the named backend blocks, in the order of AG-SEL-1 (`command` is `agent.command`).
export const AGENT_BACKEND_PROPERTIES = {
  prices: {
    type: "object",
    additionalProperties: PRICE,
    "x-type":
      "mapping of model id to {input, output, cache_read, cache_write, reasoning}",
    examples: [{ "gpt-5-codex": { input: 1.25, output: 10 } }],
    "x-default": "—",
    description:
      "USD per million tokens, used only when a backend reports tokens but no cost.",
    ...NOT_SEEDED,
  },
  claude: block(
    "Claude Code (claude): executable, model, limits and permissions.",
    {
      ...commonKeys("sonnet", "claude"),
      permission_mode: {
        type: "string",
        minLength: 1,
        examples: ["acceptEdits"],
        "x-default": "`agent.permission_mode`",
        description:
          "Passed as --permission-mode; wins over agent.permission_mode.",
        ...NOT_SEEDED,
      },
      disallowed_tools: {
        type: "array",
        items: { type: "string", minLength: 1 },
        examples: [["WebFetch"]],
        "x-default": "`agent.disallowed_tools`",
        description:
          "Tool rules added to the built-in git write rules; wins over agent.disallowed_tools.",
        ...NOT_SEEDED,
      },
    },
  ),
  codex: block("OpenAI Codex CLI (codex exec).", {
    ...commonKeys("gpt-5.5", "codex"),
    sandbox: {
      enum: ["read-only", "workspace-write", "danger-full-access"],
      examples: ["workspace-write"],
      "x-default": "`workspace-write`",
      description: "Passed as -s; workspace-write keeps .git read-only.",
      ...NOT_SEEDED,
    },
  }),
  gemini: block("Google Gemini CLI (gemini).", {
    ...commonKeys("gemini-2.5-pro", "gemini"),
    approval_mode: {
      enum: ["default", "auto_edit", "yolo", "plan"],
      examples: ["yolo"],
      "x-default": "`yolo`",
      description:
        "Passed as --approval-mode; the git deny policy applies in every mode.",
      ...NOT_SEEDED,
    },
  }),
  opencode: block("opencode (opencode run).", {
    ...commonKeys("anthropic/claude-sonnet-4-5", "opencode"),
    permission: {
      type: "object",
      "x-type": "mapping (opencode permission rules)",
      examples: [{ webfetch: "deny" }],
      "x-default": "—",
      description:
        "opencode permission rules, sent as OPENCODE_PERMISSION before the git deny rules.",
      ...NOT_SEEDED,
    },
  }),
  cursor: block(
    "Cursor CLI (cursor-agent).",
    commonKeys("gpt-5", "cursor-agent"),
  ),
  amp: block(
    "Amp (amp -x); it takes no model or effort.",
    commonKeys("default", "amp"),
  ),
  aider: block("aider.", commonKeys("openai/gpt-4.1", "aider")),
} as const;
