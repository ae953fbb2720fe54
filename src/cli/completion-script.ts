// Shell completion scripts for bash, zsh and fish, generated from the command registry so they never drift
// (`specfuse completion <shell>`, issue 17 point 11). Pure: the model comes from cli/completion-model.ts.

/** One option as completion sees it. */
export interface CompletionOption {
  /** `-C`, or null. */
  short: string | null;
  /** `--cwd`, or null. */
  long: string | null;
  takesValue: boolean;
  /** Fixed values (`--format`), or null. */
  choices: readonly string[] | null;
  /** The value is a directory (`-C <dir>`). */
  isDirectory: boolean;
  description: string;
}

/** What a command's positional arguments complete to. */
export type PositionalKind =
  "directories" | "none" | { choices: readonly string[] };

/** One subcommand. */
export interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
  positional: PositionalKind;
}

/** Everything the scripts complete. */
export interface CompletionModel {
  globals: CompletionOption[];
  commands: CompletionCommand[];
}

/** The shells `specfuse completion` writes for. */
export const SHELLS = ["bash", "zsh", "fish"] as const;
/** One of SHELLS. */
export type Shell = (typeof SHELLS)[number];

// The alias bins and the command each stands for (cli.md C-BIN-1).
const ALIASES: ReadonlyArray<readonly [bin: string, command: string]> = [
  ["specfuse-loop", "run"],
  ["specfuse-lint", "lint"],
];

const flagsOf = (o: CompletionOption) =>
  [o.short, o.long].filter((f): f is string => f !== null);

// Single-quoted for sh/bash/zsh/fish: ' becomes '\''.
function sq(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

function bashValueCases(model: CompletionModel): string[] {
  const all = [...model.globals, ...model.commands.flatMap((c) => c.options)];
  const cases = new Map<string, string>();
  for (const o of all) {
    if (!o.takesValue) continue;
    const reply =
      o.choices !== null
        ? `COMPREPLY=($(compgen -W ${sq(o.choices.join(" "))} -- "$cur"))`
        : o.isDirectory
          ? 'COMPREPLY=($(compgen -d -- "$cur"))'
          : "COMPREPLY=()";
    for (const f of flagsOf(o)) cases.set(f, reply);
  }
  return [...cases].map(
    ([flag, reply]) => `      ${flag}) ${reply}; return ;;`,
  );
}

function bashCommandCases(model: CompletionModel): string[] {
  return model.commands.map((c) => {
    const words = c.options.flatMap(flagsOf).join(" ");
    const extra =
      c.positional === "directories"
        ? '\n        [[ "$cur" != -* ]] && COMPREPLY+=($(compgen -d -- "$cur"))'
        : typeof c.positional === "object"
          ? `\n        [[ "$cur" != -* ]] && COMPREPLY+=($(compgen -W ${sq(c.positional.choices.join(" "))} -- "$cur"))`
          : "";
    return `      ${c.name})\n        COMPREPLY=($(compgen -W ${sq(words)}" $globals" -- "$cur"))${extra}\n        ;;`;
  });
}

function bashScript(model: CompletionModel): string {
  const valueFlags = [
    ...model.globals,
    ...model.commands.flatMap((c) => c.options),
  ]
    .filter((o) => o.takesValue)
    .flatMap(flagsOf);
  return [
    "# specfuse completion for bash. Load it with:",
    "#   source <(specfuse completion bash)     (add the line to ~/.bashrc to keep it)",
    "_specfuse() {",
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
    `  local commands=${sq(model.commands.map((c) => c.name).join(" "))}`,
    `  local globals=${sq(model.globals.flatMap(flagsOf).join(" "))}`,
    '  local cmd="" i',
    '  case "${COMP_WORDS[0]##*/}" in',
    ...ALIASES.map(([bin, command]) => `    ${bin}) cmd=${command} ;;`),
    "  esac",
    '  if [[ -z "$cmd" ]]; then',
    "    for ((i = 1; i < COMP_CWORD; i++)); do",
    '      case "${COMP_WORDS[i]}" in',
    `        ${[...new Set(valueFlags)].join("|")}) ((i++)) ;;`,
    "        -*) ;;",
    '        *) cmd="${COMP_WORDS[i]}"; break ;;',
    "      esac",
    "    done",
    "  fi",
    '  case "$prev" in',
    ...bashValueCases(model),
    "  esac",
    '  case "$cmd" in',
    '    "") COMPREPLY=($(compgen -W "$commands $globals" -- "$cur")) ;;',
    ...bashCommandCases(model),
    "  esac",
    "}",
    `complete -F _specfuse specfuse ${ALIASES.map(([b]) => b).join(" ")}`,
    "",
  ].join("\n");
}

// A zsh `_arguments` spec for one option: exclusive alternatives, description, value action.
function zshSpec(o: CompletionOption): string {
  const desc = o.description.replace(/[[\]:\\]/g, (c) => `\\${c}`);
  const action = !o.takesValue
    ? ""
    : o.choices !== null
      ? `:value:(${o.choices.join(" ")})`
      : o.isDirectory
        ? ":directory:_files -/"
        : ":value: ";
  const flags = flagsOf(o);
  if (flags.length === 1) return sq(`${flags[0] ?? ""}[${desc}]${action}`);
  return `${sq(`(${flags.join(" ")})`)}{${flags.join(",")}}${sq(`[${desc}]${action}`)}`;
}

function zshCommandFunction(c: CompletionCommand): string[] {
  const positional =
    c.positional === "directories"
      ? ["    '*:directory:_files -/'"]
      : typeof c.positional === "object"
        ? [`    '1:value:(${c.positional.choices.join(" ")})'`]
        : [];
  return [
    `_specfuse_${c.name}() {`,
    "  _arguments -s $_specfuse_globals \\",
    ...c.options.map((o) => `    ${zshSpec(o)} \\`),
    ...positional.map((p) => `${p} \\`),
    "    && return 0",
    "}",
  ];
}

function zshScript(model: CompletionModel): string {
  const described = model.commands.map((c) =>
    sq(`${c.name}:${c.description.replace(/:/g, "\\:")}`),
  );
  return [
    `#compdef specfuse ${ALIASES.map(([b]) => b).join(" ")}`,
    "# specfuse completion for zsh. Save it as _specfuse in a directory on $fpath, or load it with:",
    "#   source <(specfuse completion zsh)      (after compinit)",
    "_specfuse_globals=(",
    ...model.globals.map((o) => `  ${zshSpec(o)}`),
    ")",
    ...model.commands.flatMap(zshCommandFunction),
    "_specfuse() {",
    '  case "$service" in',
    ...ALIASES.map(
      ([bin, command]) => `    ${bin}) _specfuse_${command}; return ;;`,
    ),
    "  esac",
    '  local curcontext="$curcontext" state line',
    "  _arguments -C $_specfuse_globals '1:command:->command' '*::argument:->argument'",
    '  case "$state" in',
    "    command)",
    `      local -a commands=(${described.join(" ")})`,
    "      _describe command commands ;;",
    "    argument)",
    '      case "${line[1]}" in',
    ...model.commands.map((c) => `        ${c.name}) _specfuse_${c.name} ;;`),
    "      esac ;;",
    "  esac",
    "}",
    'if [[ "${zsh_eval_context[-1]}" == loadautofunc ]]; then',
    '  _specfuse "$@"',
    "else",
    `  compdef _specfuse specfuse ${ALIASES.map(([b]) => b).join(" ")}`,
    "fi",
    "",
  ].join("\n");
}

// One fish `complete` line for an option, limited by a condition (or none).
function fishOption(
  bin: string,
  o: CompletionOption,
  condition: string | null,
): string {
  const parts = [`complete -c ${bin}`];
  if (condition !== null) parts.push(`-n ${sq(condition)}`);
  if (o.short !== null) parts.push(`-s ${o.short.slice(1)}`);
  if (o.long !== null) parts.push(`-l ${o.long.slice(2)}`);
  if (o.takesValue && o.choices !== null)
    parts.push(`-x -a ${sq(o.choices.join(" "))}`);
  else if (o.takesValue && o.isDirectory)
    parts.push("-x -a '(__fish_complete_directories)'");
  else if (o.takesValue) parts.push("-x");
  parts.push(`-d ${sq(o.description)}`);
  return parts.join(" ");
}

function fishPositional(
  bin: string,
  c: CompletionCommand,
  condition: string | null,
): string[] {
  const n = condition === null ? "" : ` -n ${sq(condition)}`;
  if (c.positional === "directories")
    return [`complete -c ${bin}${n} -a '(__fish_complete_directories)'`];
  if (typeof c.positional === "object")
    return [`complete -c ${bin}${n} -a ${sq(c.positional.choices.join(" "))}`];
  return [];
}

function fishScript(model: CompletionModel): string {
  const lines = [
    "# specfuse completion for fish. Save it as ~/.config/fish/completions/specfuse.fish, or load it with:",
    "#   specfuse completion fish | source",
    "complete -c specfuse -f",
    ...model.globals.map((o) => fishOption("specfuse", o, null)),
    ...model.commands.map(
      (c) =>
        `complete -c specfuse -n __fish_use_subcommand -a ${c.name} -d ${sq(c.description)}`,
    ),
  ];
  for (const c of model.commands) {
    const when = `__fish_seen_subcommand_from ${c.name}`;
    lines.push(
      ...c.options.map((o) => fishOption("specfuse", o, when)),
      ...fishPositional("specfuse", c, when),
    );
  }
  for (const [bin, command] of ALIASES) {
    const c = model.commands.find((x) => x.name === command);
    if (c === undefined) continue;
    lines.push(
      `complete -c ${bin} -f`,
      ...[...model.globals, ...c.options].map((o) => fishOption(bin, o, null)),
      ...fishPositional(bin, c, null),
    );
  }
  return `${lines.join("\n")}\n`;
}

// The completion script for one shell (pure).
export function renderCompletion(shell: Shell, model: CompletionModel): string {
  if (shell === "bash") return bashScript(model);
  if (shell === "zsh") return zshScript(model);
  return fishScript(model);
}
