import { CommanderError } from "commander";
import { EXIT } from "./exit-codes.js";
import {
  buildProgram,
  COMMAND_LOADERS,
  COMMAND_ORDER,
  type BinName,
  type CommandName,
} from "./program.js";
import { unknownOptionError } from "./usage-error.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { exitCodeFor } from "../errors/codes.js";
import { createLog } from "../output/log.js";
import type { TextSink } from "../output/streams.js";
import type { CommandResult } from "../types/command.js";
import { buildContext, readTimings } from "./build-context.js";
import { VERSION } from "./version.js";
import { handleFailure } from "./handle-failure.js";
import { ENVELOPED, GRACEFUL, type Invocation } from "./invocation.js";

/** What cli/main.ts hands over: the bin, its argv, the process streams and the one exit. */
export interface InvocationStart {
  bin: BinName;
  argv: string[];
  stdout: TextSink;
  stderr: TextSink;
  /** Flushes both streams and ends the process: the one exit, which lives in cli/main.ts (architecture.md §4.3). */
  exit: (code: number) => Promise<never>;
}

// Runs one invocation (everything but `--version`, which cli/main.ts answers alone) and returns its exit code.
export async function runInvocation(start: InvocationStart): Promise<number> {
  const { bin, argv, stdout, stderr } = start;
  const inv: Invocation = {
    bin,
    command:
      bin === "specfuse-lint" ? "lint" : bin === "specfuse-loop" ? "run" : null,
    isJson: false,
    isVerbose: argv.includes("--verbose"),
    stdout,
    stderr,
    log: createLog(stderr, {
      isColor: false,
      isVerbose: argv.includes("--verbose"),
      isQuiet: false,
    }),
    abort: new AbortController(),
    cleanup: [],
  };
  const args = bin === "specfuse" ? argv : argv.slice(1);
  installSignalHandlers(inv, start.exit);
  process.on("unhandledRejection", (reason) => {
    void start.exit(handleFailure(inv, reason));
  });
  try {
    return await runArgs(inv, args);
  } catch (error) {
    return handleFailure(inv, error);
  }
}

async function runArgs(inv: Invocation, args: string[]): Promise<number> {
  const token = commandToken(args);
  if (inv.bin === "specfuse" && token === null) {
    // C-BIN-3: no command is a usage error; an unknown flag is named first (issue 17 point 7).
    const unknown = unknownOptionError(args);
    if (unknown !== null) inv.log.error(unknown);
    inv.stderr.write(
      `Usage: specfuse <command> [options]\n\nCommands: ${COMMAND_ORDER.join(", ")}\nRun \`specfuse --help\` for details.\n`,
    );
    return EXIT.usage;
  }
  if (inv.command === null && token === "lint") inv.command = "lint";
  const program = buildProgram(inv.bin, VERSION, async (name, opts) => {
    inv.command = name;
    inv.isDryRun = opts.dryRun === true;
    const ctx = buildContext(inv, opts);
    const fn = await COMMAND_LOADERS[name]();
    const result: CommandResult | void = await fn(
      commandOptions(opts) as never,
      ctx,
    );
    if (ctx.isJson && result?.schema !== undefined && ENVELOPED.has(name)) {
      ctx.out.json({
        schema: result.schema,
        exit_code: 0,
        error: null,
        ...(result.body ?? {}),
      });
    }
  });
  const output = {
    writeOut: (s: string) => inv.stdout.write(s),
    writeErr: (s: string) => inv.stderr.write(s),
    outputError: () => undefined,
  };
  program.exitOverride();
  program.configureOutput(output);
  // Subcommands were created before configureOutput, so they need it too (else commander prints its own error line).
  for (const sub of program.commands)
    sub.exitOverride().configureOutput(output);
  try {
    await program.parseAsync(args, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError)
      return commanderExit(inv, error, helpTarget(inv, token));
    throw error;
  }
  return EXIT.ok;
}

// The first argument that names a command (or asks for help/version), skipping global flag values.
function commandToken(args: string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-C" || a === "--cwd") {
      i++;
      continue;
    }
    if (!a.startsWith("-") || ["-h", "--help", "-V", "--version"].includes(a))
      return a;
  }
  return null;
}

// The help a usage error points to: the subcommand's when one was named (`specfuse run --help`), else the bin's.
function helpTarget(inv: Invocation, token: string | null): string {
  const command =
    inv.command ??
    ((COMMAND_ORDER as readonly string[]).includes(token ?? "")
      ? (token as CommandName)
      : null);
  return inv.bin === "specfuse" && command !== null
    ? `specfuse ${command} --help`
    : `${inv.bin} --help`;
}

function commanderExit(
  inv: Invocation,
  error: CommanderError,
  help: string,
): number {
  if (
    ["commander.helpDisplayed", "commander.version", "commander.help"].includes(
      error.code,
    )
  )
    return EXIT.ok;
  const isLint = inv.command === "lint";
  const message = error.message
    .replace(/^error: /, "")
    .replace(/\s*\n\s*/g, " ")
    .replace(
      /^unknown option '-v'$/,
      "unknown option '-v' (did you mean -V for the version, or --verbose?)",
    );
  const usage = new SpecfuseError({
    code: isLint ? "lint_usage" : "usage",
    message,
    hint: `run \`${help}\` for the options, examples and exit codes`,
  });
  inv.log.error(usage);
  return exitCodeFor(usage.code);
}

function commandOptions(
  opts: Record<string, unknown>,
): Record<string, unknown> {
  const {
    cwd: _cwd,
    color: _color,
    verbose: _verbose,
    quiet: _quiet,
    ...rest
  } = opts;
  return rest;
}

function installSignalHandlers(
  inv: Invocation,
  exit: (code: number) => Promise<never>,
): void {
  let firstAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = performance.now();
    if (firstAt === 0) {
      firstAt = now;
      inv.abort.abort(signal);
      if (
        inv.command !== null &&
        GRACEFUL.has(inv.command) &&
        inv.isDryRun !== true
      )
        return;
    } else if (
      now - firstAt <
      readTimings(process.env.SPECFUSE_TEST_TIMINGS).signalRepeatMs
    ) {
      return;
    }
    for (const step of [...inv.cleanup].reverse()) {
      try {
        step();
      } catch {
        // a forced exit must not be stopped by a failing cleanup step
      }
    }
    void exit(EXIT.interrupted);
  };
  for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.on(s, onSignal);
}
