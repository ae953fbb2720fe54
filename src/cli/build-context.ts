import { hostname } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { decideColor, isCiValue } from "../output/color.js";
import { createLog } from "../output/log.js";
import { createOutput } from "../output/output.js";
import {
  DEFAULT_TIMINGS,
  type CleanupRegistry,
  type Context,
  type Timings,
} from "../types/context.js";
import type { Invocation } from "./invocation.js";
import { VERSION } from "./version.js";

// Two levels up from this module: src/cli/ in the sources, and dist/<folder>/ in the bundle, whose build
// puts every entry and chunk exactly two levels below the package root (scripts/build.mjs checks it).
const PACKAGE_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
);

// Builds the one Context of an invocation from the parsed global flags and the process (architecture.md A-IO-2).
export function buildContext(
  inv: Invocation,
  opts: Record<string, unknown>,
): Context {
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
export function readTimings(raw: string | undefined): Timings {
  if (raw === undefined || raw === "") return DEFAULT_TIMINGS;
  try {
    const parsed = JSON.parse(raw) as Partial<Timings>;
    return { ...DEFAULT_TIMINGS, ...parsed };
  } catch {
    return DEFAULT_TIMINGS;
  }
}
