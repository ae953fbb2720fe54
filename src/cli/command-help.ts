import type { CommandName } from "./program.js";

// The text `--help` adds after a command's options: examples and the exit codes that command uses, laid out
// for a terminal (issue 17 point 11). cli.md §8 stays the single table for every command (README, exit-codes.ts);
// these are its rows narrowed to one command, in that command's words. A test keeps both in step.

/** What one command's help adds: examples and its own exit codes. */
export interface CommandHelp {
  /** `[arguments after the command name, what it does]`. */
  examples: ReadonlyArray<readonly [args: string, what: string]>;
  exitCodes: ReadonlyArray<readonly [code: number, meaning: string]>;
}

/** The commands that have help pages (every subcommand). */
export type HelpTopic = CommandName;

const INTERNAL = [70, "a bug in specfuse: please report it"] as const;
const INTERRUPTED = [130, "interrupted (SIGINT, SIGTERM or SIGHUP)"] as const;

// Examples and exit codes per command; codes from cli.md §3 and §8, init.md I-INIT-8 and I-UPG-12.
export const COMMAND_HELP: Readonly<Record<HelpTopic, CommandHelp>> = {
  init: {
    examples: [
      ["", "set up the current repository"],
      [
        "--example",
        "also add a small example feature to try `run --dry-run` on",
      ],
      ["--dry-run ../other-repo", "show what would be written there"],
    ],
    exitCodes: [
      [0, "created, or a dry run"],
      [
        1,
        "refused: .specfuse/ already exists (use upgrade), or a wiring conflict",
      ],
      [64, "usage error, or the target is not a directory"],
      [65, "invalid .claude/settings.json"],
      INTERNAL,
      INTERRUPTED,
    ],
  },
  upgrade: {
    examples: [
      ["", "bring .specfuse/ up to this version"],
      ["--dry-run", "show what would change"],
    ],
    exitCodes: [
      [0, "upgraded, repaired, or a dry run"],
      [1, "refused: the tree is newer than this CLI, or a wiring conflict"],
      [3, "another specfuse command holds the lock"],
      [64, "usage error"],
      [65, "no workspace, or an invalid VERSION, manifest or settings.json"],
      INTERNAL,
      INTERRUPTED,
    ],
  },
  lint: {
    examples: [
      ["", "lint every feature under .specfuse/features/"],
      [
        ".specfuse/features/FEAT-2026-0042-rate-limits --strict",
        "one feature; warnings fail too",
      ],
      ["--format github", "annotations for a GitHub Actions log"],
      ["--just-closed-gate 1", "also check the drafts of gate 2"],
    ],
    exitCodes: [
      [0, "no errors (warnings allowed)"],
      [1, "errors found, or an internal failure"],
      [2, "usage error"],
    ],
  },
  run: {
    examples: [
      ["--dry-run", "show the walk of the current gate; no agent, no writes"],
      ["", "run the active feature's current gate"],
      [
        "--feature FEAT-2026-0042 --max-attempts 2",
        "one feature, at most 2 attempts per unit",
      ],
    ],
    exitCodes: [
      [
        0,
        "clean stop: gate awaiting review, feature complete, nothing to do, dry run",
      ],
      [
        1,
        "halted for a human: escalation, budget brake, no active feature, unmet git or agent preconditions",
      ],
      [2, "the current gate has draft units: review them, then `specfuse arm`"],
      [3, "another run holds the lock, or the lock was lost"],
      [
        64,
        "usage error: bad flag, unknown or ambiguous feature, --force-full-close mismatch",
      ],
      [
        65,
        "no workspace, or an invalid plan, config, verification.yml or run state",
      ],
      INTERNAL,
      INTERRUPTED,
    ],
  },
  status: {
    examples: [
      ["", "features in progress, their gates and units, the next step"],
      ["--all", "also done, complete and abandoned features"],
      [
        "--graph mermaid --feature FEAT-2026-0042",
        "the current gate's dependency graph",
      ],
    ],
    exitCodes: [
      [0, "shown"],
      [64, "usage error"],
      [
        65,
        "no workspace, or a file that cannot be parsed (the rest is still shown)",
      ],
      INTERNAL,
      INTERRUPTED,
    ],
  },
  arm: {
    examples: [
      ["--dry-run", "show the flips and the lint result; write nothing"],
      ["", "accept the reviewed gate and arm the next one"],
      [
        "--wu T03 --wu T04 --abandon-rest",
        "arm two drafts, abandon the others",
      ],
    ],
    exitCodes: [
      [0, "armed, or already armed"],
      [
        1,
        "refused: lint errors, an earlier gate not finished, nothing to arm, a --wu that is not a draft",
      ],
      [3, "another specfuse command holds the lock"],
      [64, "usage error, or an unknown --wu"],
      [65, "no workspace, or invalid input"],
      INTERNAL,
      INTERRUPTED,
    ],
  },
  unblock: {
    examples: [
      [
        'T02 --reason "the API key is now in .env.test"',
        "re-arm a blocked unit",
      ],
      ['T02 --reason "…" --dry-run', "show the writes; write nothing"],
    ],
    exitCodes: [
      [0, "re-armed"],
      [1, "refused: the unit is not blocked_human"],
      [3, "another specfuse command holds the lock"],
      [64, "usage error (--reason is required), or an unknown unit"],
      [65, "no workspace, or invalid input"],
      INTERNAL,
      INTERRUPTED,
    ],
  },
  log: {
    examples: [
      ["--since 2h", "the last two hours, every feature"],
      ["--wu T02 --type attempt_outcome", "one unit's attempts"],
      ["--follow", "keep printing new events (Ctrl-C stops, exit 0)"],
    ],
    exitCodes: [
      [0, "printed (also after --follow is stopped)"],
      [64, "usage error, or an unknown feature"],
      [65, "no workspace"],
      INTERNAL,
    ],
  },
  doctor: {
    examples: [
      ["", "check the setup"],
      ["--json", "the same, for a bug report"],
    ],
    exitCodes: [
      [0, "no check failed (warnings allowed)"],
      [1, "at least one check failed"],
      [64, "usage error"],
      INTERNAL,
    ],
  },
  new: {
    examples: [
      [
        '"Rate limits for the public API"',
        "a feature folder with one draft unit",
      ],
      ['"Billing export" --units 3 --gates 2', "three draft units, two gates"],
      ['"Billing export" --dry-run', "show the files; write nothing"],
    ],
    exitCodes: [
      [0, "created, or a dry run"],
      [1, "refused: the feature id or folder is taken"],
      [3, "another specfuse command holds the lock"],
      [64, "usage error, or a title with nothing to make a slug of"],
      [65, "no workspace"],
      INTERNAL,
      INTERRUPTED,
    ],
  },
  adopt: {
    examples: [
      [
        "https://github.com/acme/shop/issues/42",
        "draft a feature from an issue",
      ],
      ["42 --repo acme/shop", "the same, by number"],
      ["42 --dry-run", "show the files; no lock, no writes"],
    ],
    exitCodes: [
      [0, "adopted, or a dry run"],
      [
        1,
        "refused: gh missing or not logged in, a closed or already adopted issue, a taken id or folder",
      ],
      [3, "another specfuse command holds the lock"],
      [
        64,
        "usage error, an issue URL of another host, or a conflicting --repo",
      ],
      [65, "no workspace, or an issue title whose bracketed id is invalid"],
      INTERNAL,
      INTERRUPTED,
    ],
  },
  features: {
    examples: [
      ["", "the local features"],
      ["--github", "also the open specfuse:feature issues, adopted or not"],
    ],
    exitCodes: [
      [0, "printed"],
      [1, "gh missing, not logged in or failing (--github)"],
      [64, "usage error"],
      [65, "no workspace"],
      INTERNAL,
    ],
  },
  abandon: {
    examples: [
      [
        'FEAT-2026-0042 --reason "superseded by FEAT-2026-0051"',
        "defer a feature",
      ],
      ['FEAT-2026-0042 --reason "on hold" --dry-run', "show the writes"],
    ],
    exitCodes: [
      [0, "deferred, or a dry run"],
      [1, "refused: the feature is not planned or active"],
      [3, "another specfuse command holds the lock"],
      [64, "usage error, or an unknown feature"],
      [65, "no workspace, or an unreadable PLAN"],
      INTERNAL,
      INTERRUPTED,
    ],
  },
  pr: {
    examples: [
      ["", "push the feature branch, open or update its pull request"],
      ["--dry-run", "show the action and the body; push nothing"],
    ],
    exitCodes: [
      [0, "created, updated or already current, or a dry run"],
      [
        1,
        "gh missing or not logged in, no remote, a rejected push, or gh failing",
      ],
      [3, "another specfuse command holds the lock"],
      [64, "usage error, or an unknown feature"],
      [65, "no workspace, or an invalid plan"],
      INTERNAL,
      INTERRUPTED,
    ],
  },
  show: {
    examples: [
      ["FEAT-2026-0042/T02", "one unit's whole history"],
      ["T02", "the same, by a short id unique in the workspace"],
      ["T02 --json", "as JSON (specfuse.show/1)"],
    ],
    exitCodes: [
      [0, "printed"],
      [64, "usage error, or an unknown or ambiguous unit"],
      [65, "no workspace, or a file that does not parse (the rest is printed)"],
      INTERNAL,
    ],
  },
  report: {
    examples: [
      ["", "the page of the active feature, under its work/"],
      ["FEAT-2026-0042 --open", "a feature's page, opened in the browser"],
    ],
    exitCodes: [
      [0, "written"],
      [64, "usage error, or an unknown or ambiguous feature"],
      [
        65,
        "no workspace, or a file that does not parse (the page is still written)",
      ],
      INTERNAL,
    ],
  },
  completion: {
    examples: [
      ["bash >> ~/.bashrc", "tab completion in bash"],
      ["zsh > ~/.zfunc/_specfuse", "in zsh (with ~/.zfunc on fpath)"],
      ["fish > ~/.config/fish/completions/specfuse.fish", "in fish"],
    ],
    exitCodes: [
      [0, "printed"],
      [64, "usage error, or an unknown shell"],
    ],
  },
};

const WIDTH = 80;

// Words of `text` in lines of at most `width` characters (a longer word gets a line of its own).
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

// Exit codes as a two-column list, meanings wrapped under themselves to fit 80 columns.
function codeLines(codes: CommandHelp["exitCodes"]): string[] {
  const gutter = 2 + Math.max(...codes.map(([c]) => String(c).length)) + 2;
  return codes.flatMap(([code, meaning]) =>
    wrap(meaning, WIDTH - gutter).map((text, i) =>
      i === 0
        ? `  ${String(code).padEnd(gutter - 4)}  ${text}`
        : `${" ".repeat(gutter)}${text}`,
    ),
  );
}

// The examples and exit codes of one command, as `--help` prints them after the options (pure).
export function renderCommandHelp(
  topic: HelpTopic,
  invocation: string,
): string {
  const help = COMMAND_HELP[topic];
  const examples = help.examples.flatMap(([args, what], i) => [
    ...(i === 0 ? [] : [""]),
    `  # ${what}`,
    `  ${invocation}${args === "" ? "" : ` ${args}`}`,
  ]);
  return [
    "",
    "Examples:",
    ...examples,
    "",
    "Exit codes:",
    ...codeLines(help.exitCodes),
    "",
  ].join("\n");
}
