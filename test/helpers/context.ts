import { createLog } from "../../src/output/log.js";
import { createOutput } from "../../src/output/output.js";
import { bufferSink, type BufferSink } from "../../src/output/streams.js";
import {
  DEFAULT_TIMINGS,
  type Context,
  type Timings,
} from "../../src/types/context.js";
import { PROJECT_ROOT } from "./run-cli.js";

/** A Context for in-process tests, with captured streams. */
export interface TestContext extends Context {
  stdout: BufferSink;
  stderr: BufferSink;
  abort: AbortController;
}

// Builds a Context with buffer streams, a fixed or injected clock and short grace periods.
export function testContext(
  overrides: Partial<Omit<Context, "timings">> & {
    timings?: Partial<Timings>;
    isTTY?: boolean;
  } = {},
): TestContext {
  const stdout = bufferSink({ isTTY: overrides.isTTY ?? false, columns: 80 });
  const stderr = bufferSink({ isTTY: overrides.isTTY ?? false, columns: 80 });
  const abort = new AbortController();
  const out = createOutput(stdout, false);
  const log = createLog(stderr, {
    isColor: false,
    isVerbose: overrides.isVerbose ?? false,
    isQuiet: overrides.isQuiet ?? false,
  });
  const { timings, isTTY: _isTTY, ...rest } = overrides;
  return {
    cwd: PROJECT_ROOT,
    invocationDir: overrides.cwd ?? PROJECT_ROOT,
    env: {},
    now: () => new Date("2026-11-22T02:00:00.000Z"),
    monotonicMs: () => performance.now(),
    out,
    log,
    narration: out,
    signal: abort.signal,
    cleanup: { add: () => () => undefined },
    isJson: false,
    isVerbose: false,
    isQuiet: false,
    isCI: true,
    version: "0.4.0",
    packageRoot: PROJECT_ROOT,
    host: "test-host",
    pid: process.pid,
    bin: "specfuse",
    ...rest,
    timings: {
      ...DEFAULT_TIMINGS,
      killGraceMs: 200,
      pipeWaitMs: 200,
      orphanPipeMs: 500,
      resultLingerMs: 500,
      signalRepeatMs: 300,
      heartbeatMs: 1000,
      ...timings,
    },
    stdout,
    stderr,
    abort,
  };
}
