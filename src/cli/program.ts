import { Argument, Command, Help, Option } from "commander";
import { renderCommandHelp } from "./command-help.js";
import {
  anyInt,
  intInRange,
  oneOf,
  positiveDecimal,
  positiveInt,
} from "./parse-values.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";

/** Names of every subcommand. */
export type CommandName =
  | "init"
  | "upgrade"
  | "lint"
  | "run"
  | "status"
  | "arm"
  | "unblock"
  | "log"
  | "doctor"
  | "new"
  | "adopt"
  | "features"
  | "abandon"
  | "pr"
  | "completion"
  | "show"
  | "report";

/** A command's entry point: options in, result out; throws SpecfuseError on failure. */
export type CommandFn = (
  options: never,
  ctx: Context,
) => Promise<CommandResult | void>;

// Lazy loaders keep `--version` and `lint` cold starts fast (architecture.md A-BENCH-3).
export const COMMAND_LOADERS: Record<CommandName, () => Promise<CommandFn>> = {
  init: async () => (await import("../commands/init.js")).init as CommandFn,
  upgrade: async () =>
    (await import("../commands/upgrade.js")).upgrade as CommandFn,
  lint: async () => (await import("../commands/lint.js")).lint as CommandFn,
  run: async () => (await import("../commands/run.js")).run as CommandFn,
  status: async () =>
    (await import("../commands/status.js")).status as CommandFn,
  arm: async () => (await import("../commands/arm.js")).arm as CommandFn,
  unblock: async () =>
    (await import("../commands/unblock.js")).unblock as CommandFn,
  log: async () => (await import("../commands/log.js")).log as CommandFn,
  doctor: async () =>
    (await import("../commands/doctor.js")).doctor as CommandFn,
  new: async () => (await import("../commands/new.js")).newFeature as CommandFn,
  adopt: async () => (await import("../commands/adopt.js")).adopt as CommandFn,
  features: async () =>
    (await import("../commands/features.js")).features as CommandFn,
  abandon: async () =>
    (await import("../commands/abandon.js")).abandon as CommandFn,
  pr: async () => (await import("../commands/pr.js")).pr as CommandFn,
  completion: async () =>
    (await import("../commands/completion.js")).completion as CommandFn,
  show: async () => (await import("../commands/show.js")).show as CommandFn,
  report: async () =>
    (await import("../commands/report.js")).report as CommandFn,
};

/** Called by an action with the command's merged options (globals included). */
export type ActionRunner = (
  name: CommandName,
  options: Record<string, unknown>,
) => Promise<void>;

const ROOT_HELP = `
Examples:
  # set up a repository, then walk the example feature without an agent
  specfuse init --example && specfuse run --dry-run

  # what is going on, and what to do next
  specfuse status

Run \`specfuse <command> --help\` for its options, examples and exit codes.
The guides are in .specfuse/docs/ once \`specfuse init\` has run.
`;

const ENV_HELP = `
Environment:
  SPECFUSE_AGENT_CMD     agent executable, used verbatim with no shell
  NO_COLOR, FORCE_COLOR  colour off / on (also --no-color, --color)
  CI                     any value but empty, "false" or "0": line mode`;

/** How a command is invoked in its help's examples: `specfuse lint`, or an alias bin's own name. */
type Invocation = string;

// Marks required options in every help page ("required:" before the description), the rest as commander has it.
function optionDescription(this: Help, option: Option): string {
  const base = Help.prototype.optionDescription.call(this, option);
  return option.mandatory ? `required: ${base}` : base;
}

// Adds the global flags (cli.md §2) to a root command; commander accepts them before or after the subcommand.
function addGlobalOptions(cmd: Command): Command {
  return cmd
    .option("-C, --cwd <dir>", "act as if started in <dir>")
    .option("--json", "machine-readable output on stdout")
    .option("--color", "force colour on")
    .option("--no-color", "force colour off")
    .option("--verbose", "debug detail on stderr, with stack traces")
    .option("-q, --quiet", "no progress and no info lines");
}

function defineInit(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description(
      "create .specfuse/ in a repository and wire git and Claude Code",
    )
    .argument("[dir]", "target directory", ".")
    .option("--dry-run", "print what would be written; write nothing")
    .option("--force-wire", "replace locally changed slash-command files")
    .option("--example", "add the small example feature")
    .addOption(
      new Option("--ci <provider>", "also write CI workflows").choices([
        "github",
      ]),
    )
    .addHelpText("after", renderCommandHelp("init", invocation))
    .action(async (dir: string, _o, c: Command) =>
      run("init", { ...c.optsWithGlobals(), dir }),
    );
}

function defineUpgrade(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description("bring .specfuse/ up to this version; never touches plans")
    .argument("[dir]", "target directory", ".")
    .option("--dry-run", "print what would change; write nothing")
    .option("--force-wire", "replace locally changed slash-command files")
    .addOption(
      new Option(
        "--ci <provider>",
        "also write CI workflows (refreshed anyway once written)",
      ).choices(["github"]),
    )
    .addHelpText("after", renderCommandHelp("upgrade", invocation))
    .action(async (dir: string, _o, c: Command) =>
      run("upgrade", { ...c.optsWithGlobals(), dir }),
    );
}

// The lint command's flags, shared by `specfuse lint` and the `specfuse-lint` bin.
export function defineLint(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation = "specfuse lint",
): Command {
  return cmd
    .description("check feature folders against the planning rules")
    .argument(
      "[dirs...]",
      "feature folders (default: every folder under .specfuse/features/)",
    )
    .addOption(
      new Option("--format <format>", "report format")
        .choices(["text", "json", "github", "sarif"])
        .default("text"),
    )
    .option("--strict", "warnings count as errors")
    .option(
      "--just-closed-gate <n>",
      "also run the plan-next draft pass on gate n+1",
      anyInt,
    )
    .addHelpText("after", renderCommandHelp("lint", invocation))
    .action(async (dirs: string[], _o, c: Command) =>
      run("lint", { ...c.optsWithGlobals(), dirs }),
    );
}

// The run command's flags, shared by `specfuse run` and the `specfuse-loop` bin.
export function defineRun(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation = "specfuse run",
): Command {
  return cmd
    .description(
      "walk the active feature's current gate with fresh agent sessions",
    )
    .option(
      "--feature <name>",
      "feature folder, path or feature id (default: the single active feature)",
    )
    .option("--dry-run", "print the walk; no lock, no writes, no agent")
    .option("--force-full-close <feature-id>", "bypass auto-close for this run")
    .option(
      "--max-attempts <n>",
      "attempts per dispatch cycle (1-10)",
      intInRange(1, 10),
    )
    .option("--agent <name>", "agent adapter (only claude ships)")
    .option(
      "--timeout-minutes <m>",
      "wall-clock limit per attempt, a positive decimal",
      positiveDecimal,
    )
    .addOption(
      new Option(
        "--no-autosync",
        "accepted and ignored (reference compatibility)",
      ).hideHelp(),
    )
    .addHelpText(
      "after",
      `${renderCommandHelp("run", invocation)}${ENV_HELP}\n`,
    )
    .action(async (_o, c: Command) => run("run", c.optsWithGlobals()));
}

function defineStatus(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description("show features, gates, units, cost and the next step")
    .option("--feature <name>", "one feature")
    .option("--all", "include done, complete and abandoned features")
    .addOption(
      new Option(
        "--graph <kind>",
        "print the current gate's dependency graph",
      ).choices(["mermaid", "dot"]),
    )
    .addHelpText("after", renderCommandHelp("status", invocation))
    .action(async (_o, c: Command) => run("status", c.optsWithGlobals()));
}

function defineArm(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description(
      "accept the reviewed gate and arm the next gate (drafts → pending)",
    )
    .option(
      "--feature <name>",
      "feature (default: the active one, or the single planned one with drafts)",
    )
    .option("--gate <n>", "gate to arm", positiveInt)
    .option("--wu <id...>", "arm only these drafts")
    .option("--abandon-rest", "abandon the drafts not named with --wu")
    .option("--dry-run", "show the flips and the lint result; write nothing")
    .addHelpText("after", renderCommandHelp("arm", invocation))
    .action(async (_o, c: Command) => run("arm", c.optsWithGlobals()));
}

function defineUnblock(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description("re-arm a blocked_human unit with the reason it can now pass")
    .usage("<wu> --reason <text> [options]")
    .argument("<wu>", "unit id or unique suffix (T02)")
    .requiredOption("--reason <text>", "what changed since the escalation")
    .option("--feature <name>", "feature (default: the active one)")
    .option("--dry-run", "show the writes; write nothing")
    .addHelpText("after", renderCommandHelp("unblock", invocation))
    .action(async (wu: string, _o, c: Command) =>
      run("unblock", { ...c.optsWithGlobals(), wu }),
    );
}

function defineLog(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description("print the audit trail from events.jsonl")
    .option("--feature <name>", "one feature (default: all, merged by time)")
    .option(
      "--wu <id>",
      "events of one unit (prefix match; a unique suffix is expanded)",
    )
    .option("--type <event_type>", "events of one type")
    .option(
      "--since <when>",
      "ISO date/time, or an age such as 90s, 30m, 2h, 1d",
    )
    .option("--limit <n>", "the last n events after filtering", positiveInt)
    .option("--follow", "keep polling for new events")
    .option(
      "--verify",
      "check the trail against git history; exit 1 on any violation",
    )
    .option(
      "--export <format>",
      "print every event with its commit: csv or jsonl",
      oneOf(["csv", "jsonl"]),
    )
    .addHelpText("after", renderCommandHelp("log", invocation))
    .action(async (_o, c: Command) => run("log", c.optsWithGlobals()));
}

function defineDoctor(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description(
      "check git, the agent, Node, the scaffold, the lock and the config",
    )
    .addHelpText("after", renderCommandHelp("doctor", invocation))
    .action(async (_o, c: Command) => run("doctor", c.optsWithGlobals()));
}

function defineNew(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description(
      "scaffold a lint-clean feature folder and its roadmap row from a title",
    )
    .argument("<title>", "the feature's title (its slug names the folder)")
    .option(
      "--units <n>",
      "draft implementation units in gate 1 (1-99)",
      intInRange(1, 99),
      1,
    )
    .option("--gates <n>", "gates in the plan (1-20)", intInRange(1, 20), 1)
    .option("--dry-run", "print what would be written; write nothing")
    .addHelpText("after", renderCommandHelp("new", invocation))
    .action(async (title: string, _o, c: Command) =>
      run("new", { ...c.optsWithGlobals(), title }),
    );
}

function defineAdopt(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description("turn a GitHub issue into a lint-clean feature folder")
    .argument("<issue>", "issue URL, or issue number of the code repository")
    .option(
      "--repo <owner/name>",
      "repository of a bare issue number (default: the push remote's)",
    )
    .option("--dry-run", "print what would be written; no lock, no writes")
    .addHelpText("after", renderCommandHelp("adopt", invocation))
    .action(async (issue: string, _o, c: Command) =>
      run("adopt", { ...c.optsWithGlobals(), issue }),
    );
}

function defineFeatures(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description("list local features, and with --github the open issues")
    .option(
      "--github",
      "also list open issues labelled specfuse:feature and whether each is adopted",
    )
    .option(
      "--repo <owner/name>",
      "repository of the issues (default: the push remote's)",
    )
    .addHelpText("after", renderCommandHelp("features", invocation))
    .action(async (_o, c: Command) => run("features", c.optsWithGlobals()));
}

function defineAbandon(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description(
      "defer a feature: PLAN status deferred, roadmap row released, history kept",
    )
    .argument("<feature>", "feature folder, path or feature id")
    .requiredOption("--reason <text>", "why the feature is set aside")
    .option("--dry-run", "show the writes; write nothing")
    .addHelpText("after", renderCommandHelp("abandon", invocation))
    .action(async (feature: string, _o, c: Command) =>
      run("abandon", { ...c.optsWithGlobals(), feature }),
    );
}

function definePr(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description("push the feature branch and open or update its pull request")
    .option(
      "--feature <name>",
      "feature (default: the one whose branch is checked out, else the active one)",
    )
    .option(
      "--repo <owner/name>",
      "repository of the pull request (default: the push remote's)",
    )
    .option(
      "--dry-run",
      "print the action and the body; push and write nothing",
    )
    .addHelpText("after", renderCommandHelp("pr", invocation))
    .action(async (_o, c: Command) => run("pr", c.optsWithGlobals()));
}

function defineCompletion(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description("print a shell completion script for bash, zsh or fish")
    .addArgument(
      new Argument("<shell>", "the shell").choices(["bash", "zsh", "fish"]),
    )
    .addHelpText("after", renderCommandHelp("completion", invocation))
    .action(async (shell: string, _o, c: Command) =>
      run("completion", { ...c.optsWithGlobals(), shell }),
    );
}

function defineShow(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description(
      "everything about one unit: frontmatter, dependencies, every attempt, notes, commit",
    )
    .argument("<unit>", "unit id, or a unique suffix (T02)")
    .option(
      "--feature <name>",
      "feature to look in (default: the one a full id names, else the active one, else all)",
    )
    .addHelpText("after", renderCommandHelp("show", invocation))
    .action(async (unit: string, _o, c: Command) =>
      run("show", { ...c.optsWithGlobals(), unit }),
    );
}

function defineReport(
  cmd: Command,
  run: ActionRunner,
  invocation: Invocation,
): Command {
  return cmd
    .description(
      "write a self-contained HTML report of a feature's run under its work/",
    )
    .argument(
      "[feature]",
      "feature folder, path or id (default: the active one, else the one that ran)",
    )
    .option("--open", "open the page with the platform opener")
    .addHelpText("after", renderCommandHelp("report", invocation))
    .action(async (feature: string | undefined, _o, c: Command) =>
      run("report", { ...c.optsWithGlobals(), feature }),
    );
}

const DEFINERS: Record<
  CommandName,
  (cmd: Command, run: ActionRunner, invocation: Invocation) => Command
> = {
  init: defineInit,
  upgrade: defineUpgrade,
  lint: defineLint,
  run: defineRun,
  status: defineStatus,
  arm: defineArm,
  unblock: defineUnblock,
  log: defineLog,
  doctor: defineDoctor,
  new: defineNew,
  adopt: defineAdopt,
  features: defineFeatures,
  abandon: defineAbandon,
  pr: definePr,
  completion: defineCompletion,
  show: defineShow,
  report: defineReport,
};

// Order in help and in the generated commands reference.
export const COMMAND_ORDER: readonly CommandName[] = [
  "init",
  "upgrade",
  "lint",
  "run",
  "status",
  "arm",
  "unblock",
  "log",
  "doctor",
  "new",
  "adopt",
  "features",
  "abandon",
  "pr",
  "completion",
  "show",
  "report",
];

/** Which bin is running: the umbrella, or an alias for one subcommand (cli.md C-BIN-1). */
export type BinName = "specfuse" | "specfuse-loop" | "specfuse-lint";

// The commander registry for one bin; the alias bins get a root command with their own name.
export function buildProgram(
  bin: BinName,
  version: string,
  run: ActionRunner,
): Command {
  const root = new Command(bin);
  root
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help");
  root.configureHelp({
    showGlobalOptions: true,
    sortSubcommands: false,
    optionDescription,
  });
  addGlobalOptions(root);
  if (bin === "specfuse-lint") return defineLint(root, run, bin);
  if (bin === "specfuse-loop") return defineRun(root, run, bin);
  root
    .description("Run AI coding agents on planned work units, gate by gate.")
    .addHelpText("after", ROOT_HELP);
  for (const name of COMMAND_ORDER)
    DEFINERS[name](root.command(name), run, `specfuse ${name}`);
  return root;
}
