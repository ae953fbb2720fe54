import type { Log } from "../output/log.js";
import type { Output } from "../output/output.js";

/** Fixed grace periods of the driver; tests shorten them (architecture.md A-TEST-3). */
export interface Timings {
  /** SIGTERM → SIGKILL for a process group (driver D-DISP-4). @default 5000 */
  killGraceMs: number;
  /** How long to wait for pipes after a kill (D-DISP-4). @default 2000 */
  pipeWaitMs: number;
  /** Child exited but descendants hold its pipes (D-DISP-4). @default 10000 */
  orphanPipeMs: number;
  /** A complete result line was printed but the process lingers (D-DISP-4). @default 30000 */
  resultLingerMs: number;
  /** Repeat signals within this window are ignored (D-SIGNAL-4). @default 3000 */
  signalRepeatMs: number;
  /** Line-mode heartbeat interval (D-UI-2). @default 300000 */
  heartbeatMs: number;
  /** TTY status-line redraw interval. @default 250 */
  redrawMs: number;
  /** A failed hook delivery's first retry (audit.md AU-HOOK-6). @default 2000 */
  hookFirstRetryMs: number;
  /** Its second and last retry. @default 8000 */
  hookSecondRetryMs: number;
  /** How long a command waits for hook deliveries in flight after its ending (AU-HOOK-7). @default 10000 */
  hookDrainMs: number;
}

// Production values of the grace periods.
export const DEFAULT_TIMINGS: Timings = {
  killGraceMs: 5000,
  pipeWaitMs: 2000,
  orphanPipeMs: 10000,
  resultLingerMs: 30000,
  signalRepeatMs: 3000,
  heartbeatMs: 300000,
  redrawMs: 250,
  hookFirstRetryMs: 2000,
  hookSecondRetryMs: 8000,
  hookDrainMs: 10000,
};

/** Cleanup steps run on a forced exit (second signal, D-SIGNAL-4), newest first. */
export interface CleanupRegistry {
  add(step: () => void): () => void;
}

/** Everything a command may know about the world, built once by cli/main (architecture.md A-IO-2). */
export interface Context {
  /** Absolute directory the command acts in (`-C` or the process cwd). */
  cwd: string;
  /** Directory the user invoked from; printed paths are relative to it. */
  invocationDir: string;
  env: Readonly<Record<string, string | undefined>>;
  now(): Date;
  monotonicMs(): number;
  /** stdout: the product. */
  out: Output;
  /** stderr: diagnostics. */
  log: Log;
  /** Where `run` narration goes: stdout, or stderr under --json (cli.md C-RUN-3). */
  narration: Output;
  signal: AbortSignal;
  cleanup: CleanupRegistry;
  isJson: boolean;
  isVerbose: boolean;
  isQuiet: boolean;
  /** Line mode selected by the CI variable (cli.md §2). */
  isCI: boolean;
  /** The package version. */
  version: string;
  /** Root of the installed package (holds bin/, dist/, templates/, scaffold/). */
  packageRoot: string;
  host: string;
  pid: number;
  timings: Timings;
  /** The bin name the user invoked (specfuse, specfuse-loop, specfuse-lint). */
  bin: string;
}
