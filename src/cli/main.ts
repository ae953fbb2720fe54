import { createRequire } from "node:module";
import { hostname } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CommanderError } from "commander";
import { EXIT } from "./exit-codes.js";
import {
  buildProgram,
  COMMAND_LOADERS,
  type BinName,
  type CommandName,
} from "./program.js";
import { exitCodeFor } from "../errors/codes.js";
import { errorToJson } from "../errors/render-error.js";
import { isSpecfuseError, SpecfuseError } from "../errors/specfuse-error.js";
import { decideColor, isCiValue } from "../output/color.js";
import { createLog, type Log } from "../output/log.js";
import { createOutput } from "../output/output.js";
import { processSinks, type TextSink } from "../output/streams.js";
import type { CommandResult } from "../types/command.js";
import {
  DEFAULT_TIMINGS,
  type CleanupRegistry,
  type Context,
  type Timings,
} from "../types/context.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE_ROOT = path.resolve(here, "..", "..");
const VERSION = (
  createRequire(import.meta.url)("../../package.json") as { version: string }
).version;

// Commands that stop on their own at the next safe point after a signal; the others exit at once.
const GRACEFUL: ReadonlySet<CommandName> = new Set([
  "run",
  "init",
  "upgrade",
  "log",
  "arm",
  "unblock",
]);
// Commands whose `--json` output is wrapped in the envelope of cli.md C-JSON-1.
const ENVELOPED: ReadonlySet<CommandName> = new Set([
  "init",
  "upgrade",
  "run",
  "status",
  "arm",
  "unblock",
  "doctor",
]);

interface Invocation {
  bin: BinName;
  command: CommandName | null;
  isJson: boolean;
  isVerbose: boolean;
  stdout: TextSink;
  stderr: TextSink;
  log: Log;
  abort: AbortController;
  cleanup: Array<() => void>;
}

// The single entry point of every bin; the only place that exits (architecture.md §4.3).
export async function main(
  argv: string[],
  options: { bin?: BinName } = {},
): Promise<void> {
  const bin = options.bin ?? "specfuse";
  const { stdout, stderr } = processSinks();
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
  installSignalHandlers(inv);
  process.on("unhandledRejection", (reason) => {
    void finish(inv, handleFailure(inv, reason));
  });
  let code: number;
  try {
    code = await runArgs(inv, args);
  } catch (error) {
    code = handleFailure(inv, error);
  }
  await finish(inv, code);
}

async function finish(inv: Invocation, code: number): Promise<never> {
  await Promise.all([inv.stdout.flush(), inv.stderr.flush()]);
  process.exit(code);
}

async function runArgs(inv: Invocation, args: string[]): Promise<number> {
  const token = commandToken(args);
  if (inv.bin === "specfuse" && token === null) {
    inv.stderr.write(
      "Usage: specfuse <command> [options]\n\nCommands: init, upgrade, lint, run, status, arm, unblock, log, doctor\nRun `specfuse --help` for details.\n",
    );
    return EXIT.usage;
  }
  if (inv.command === null && token === "lint") inv.command = "lint";
  const program = buildProgram(inv.bin, VERSION, async (name, opts) => {
    inv.command = name;
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
    if (error instanceof CommanderError) return commanderExit(inv, error);
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

function commanderExit(inv: Invocation, error: CommanderError): number {
  if (
    ["commander.helpDisplayed", "commander.version", "commander.help"].includes(
      error.code,
    )
  )
    return EXIT.ok;
  const isLint = inv.command === "lint";
  const message = error.message
    .replace(/^error: /, "")
    .replace(/\s*\n\s*/g, " ");
  const usage = new SpecfuseError({
    code: isLint ? "lint_usage" : "usage",
    message,
    hint: `run \`${inv.bin}${inv.command !== null && inv.bin === "specfuse" ? ` ${inv.command}` : ""} --help\` for the options`,
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

function buildContext(inv: Invocation, opts: Record<string, unknown>): Context {
  const env = process.env;
  const colorFlag = typeof opts.color === "boolean" ? opts.color : undefined;
  const isJson =
    opts.json === true || (inv.command === "lint" && opts.format === "json");
  const isVerbose = opts.verbose === true;
  const isQuiet = opts.quiet === true;
  inv.isJson = isJson;
  inv.isVerbose = isVerbose;
  const invocationDir = process.cwd();
  const cwd =
    typeof opts.cwd === "string"
      ? path.resolve(invocationDir, opts.cwd)
      : invocationDir;
  const outColor = decideColor({
    flag: colorFlag,
    env,
    isTTY: inv.stdout.isTTY,
  });
  const errColor = decideColor({
    flag: colorFlag,
    env,
    isTTY: inv.stderr.isTTY,
  });
  const out = createOutput(inv.stdout, outColor);
  const log = createLog(inv.stderr, { isColor: errColor, isVerbose, isQuiet });
  inv.log = log;
  const cleanup: CleanupRegistry = {
    add(step) {
      inv.cleanup.push(step);
      return () => {
        const i = inv.cleanup.indexOf(step);
        if (i >= 0) inv.cleanup.splice(i, 1);
      };
    },
  };
  return {
    cwd,
    invocationDir,
    env,
    now: () => new Date(),
    monotonicMs: () => performance.now(),
    out,
    log,
    narration: isJson ? createOutput(inv.stderr, errColor) : out,
    signal: inv.abort.signal,
    cleanup,
    isJson,
    isVerbose,
    isQuiet,
    isCI: isCiValue(env.CI),
    version: VERSION,
    packageRoot: PACKAGE_ROOT,
    host: hostname(),
    pid: process.pid,
    timings: readTimings(env.SPECFUSE_TEST_TIMINGS),
    bin: inv.bin,
  };
}

// Test hook: partial grace periods as JSON, e.g. {"killGraceMs":200} (docs/testing.md).
function readTimings(raw: string | undefined): Timings {
  if (raw === undefined || raw === "") return DEFAULT_TIMINGS;
  try {
    const parsed = JSON.parse(raw) as Partial<Timings>;
    return { ...DEFAULT_TIMINGS, ...parsed };
  } catch {
    return DEFAULT_TIMINGS;
  }
}

function handleFailure(inv: Invocation, error: unknown): number {
  if (isSpecfuseError(error)) {
    const code = exitCodeFor(error.code);
    const command = inv.command;
    if (inv.isJson && command !== null && ENVELOPED.has(command)) {
      const schema = error.schema ?? `specfuse.${command}/1`;
      inv.stdout.write(
        `${JSON.stringify({ schema, exit_code: code, error: errorToJson(error), ...(error.body ?? {}) }, null, 2)}\n`,
      );
    }
    if (!error.reported) inv.log.error(error);
    // A reported error (lint findings, …) was already explained in full: no stack, even with --verbose.
    if (inv.isVerbose && !error.reported && error.stack !== undefined)
      inv.stderr.write(`${error.stack}\n`);
    return code;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  if (inv.command === "lint") {
    inv.stderr.write(`specfuse-lint: internal error: ${err.message}\n`);
    if (inv.isVerbose && err.stack !== undefined)
      inv.stderr.write(`${err.stack}\n`);
    return EXIT.halted;
  }
  const internal = new SpecfuseError({
    code: "internal_error",
    message: `${err.message} (this is a bug in specfuse)`,
    hint: "please report it with the output of `specfuse doctor --json`",
    cause: err,
  });
  if (inv.isJson && inv.command !== null && ENVELOPED.has(inv.command)) {
    const body = {
      schema: `specfuse.${inv.command}/1`,
      exit_code: EXIT.internal,
      error: errorToJson(internal),
    };
    inv.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  }
  inv.log.error(internal);
  inv.stderr.write(`${err.stack ?? err.message}\n`);
  return EXIT.internal;
}

function installSignalHandlers(inv: Invocation): void {
  let firstAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = performance.now();
    if (firstAt === 0) {
      firstAt = now;
      inv.abort.abort(signal);
      if (inv.command !== null && GRACEFUL.has(inv.command)) return;
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
    void finish(inv, EXIT.interrupted);
  };
  for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.on(s, onSignal);
}
