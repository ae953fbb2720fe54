// The exit-code table of cli.md §8; README, `--help` and this file must agree (C-EXIT-2).
export const EXIT_CODE_ROWS: ReadonlyArray<
  readonly [code: string, klass: string, meaning: string, commands: string]
> = [
  [
    "0",
    "clean",
    "Success or clean stop: gate awaiting review, feature complete, nothing to do, dry run",
    "all",
  ],
  [
    "1",
    "halted",
    "A human must act. This covers: escalation, budget brake, invariant failure; lint errors; a `doctor` failure; refusals (`init` over an existing scaffold, downgrade, `arm` on a failing lint, `unblock` of a unit that is not blocked); unmet git or agent preconditions",
    "all",
  ],
  [
    "2",
    "not armed",
    "`run`: the current gate has `draft` units. `lint`: usage error (compatibility)",
    "`run`, `lint`",
  ],
  [
    "3",
    "locked",
    "Another driver holds the lock, or the lock was lost",
    "`run`, `upgrade`, `arm`, `unblock`, `new`, `adopt`, `abandon`, `pr`",
  ],
  [
    "64",
    "usage",
    "Bad command, flag, argument or reference (unknown feature or unit, ambiguous feature)",
    "all except `lint`",
  ],
  [
    "65",
    "data",
    "No workspace, or an invalid plan, config, `verification.yml`, state file, VERSION, manifest or `settings.json`",
    "all except `lint`",
  ],
  [
    "70",
    "internal",
    "A bug (`lint` reports its internal failures as 1)",
    "all except `lint`",
  ],
  ["130", "interrupted", "SIGINT, SIGTERM or SIGHUP", "all"],
];

// The table as Markdown, exactly as the README shows it.
export function renderExitCodeTable(): string {
  const lines = ["| Code | Class | Meaning | Commands |", "|---|---|---|---|"];
  for (const [code, klass, meaning, commands] of EXIT_CODE_ROWS)
    lines.push(`| ${code} | ${klass} | ${meaning} | ${commands} |`);
  return lines.join("\n");
}

// Named exit codes used by cli/main.
export const EXIT = {
  ok: 0,
  halted: 1,
  notArmed: 2,
  locked: 3,
  usage: 64,
  data: 65,
  internal: 70,
  interrupted: 130,
} as const;
