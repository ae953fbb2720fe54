import type { ProcessResult } from "../types/process-result.js";
import type { Timings } from "../types/context.js";
import { createContainment, type Containment } from "./containment.js";
import { describeRun, type RunFacts } from "./describe-run.js";
import type { ChildEnv } from "./path-env.js";
import {
  ALL_WINDOW_BYTES,
  createProcessOutput,
  STDERR_WINDOW_BYTES,
  STDOUT_WINDOW_BYTES,
} from "./process-output.js";
import { startChild } from "./start-child.js";
import { superviseChild } from "./supervise.js";

// Claude's terminal line, importable from here as before.
export { isResultLine } from "./result-line.js";

/** What to start. Nothing is inherited: `env` is the child's whole environment. */
export interface ProcessSpec {
  file: string;
  args: readonly string[];
  cwd: string;
  env: Readonly<ChildEnv>;
  /** Written to stdin, which is then closed; null ignores stdin. */
  stdin: string | null;
  /** Pass arguments to the child as is (cmd.exe on Windows). @default false */
  isVerbatim?: boolean;
}

/** Limits, grace periods, containment, output and live callbacks of one run. */
export interface RunProcessOptions {
  /** The grace periods of D-DISP-4 (from `ctx.timings`). */
  timings: Pick<
    Timings,
    "killGraceMs" | "pipeWaitMs" | "orphanPipeMs" | "resultLingerMs"
  >;
  /** Wall-clock limit in ms; 0 or absent turns it off. */
  wallClockMs?: number;
  /** Inactivity limit in ms (no stdout line and no stderr byte); 0 or absent turns it off. */
  inactivityMs?: number;
  /** A stop request: the group is killed and the result is `canceled`. */
  signal?: AbortSignal;
  /** Interleave stdout and stderr into `all` (verification gates). @default false */
  isMerged?: boolean;
  /** With isMerged: `all` is the EV-CAP-1 capture (cleaned; first 256 KiB + last 768 KiB). @default false */
  isCaptured?: boolean;
  /** A stdout line that ends the agent's work (a terminal event): a process still alive `resultLingerMs` later is killed, and that is not a timeout (D-DISP-4, AG-RES-4). */
  isTerminalLine?: (line: string) => boolean;
  /** Claude's terminal line (`isTerminalLine: isResultLine`); kept for existing callers. @default false */
  isResultWatched?: boolean;
  /** The run is over when its own process exits (checks): what it left running is killed at once, without failing it. @default false: descendants holding the pipes get `orphanPipeMs` (D-DISP-4). */
  isOverAtExit?: boolean;
  /** The container to run in (one per attempt, from the driver); absent: one is created and removed for this run. */
  containment?: Containment;
  /** The full output (stdout, or the merged stream) is streamed to this file; `outputFile` in the result names it. */
  outputFile?: string;
  /** Cap on the output file. @default 1 GiB */
  outputFileLimitBytes?: number;
  /** Called for every stdout line as it arrives (lines over 16 MiB arrive cut). */
  onStdoutLine?: (line: string) => void;
  /** Called with stderr text as it arrives. */
  onStderr?: (text: string) => void;
  /** Called once the child has a pid (which is also its process-group id). */
  onSpawn?: (pid: number) => void;
  /** stdout bytes retained (the newest). @default 8 MiB */
  stdoutLimitBytes?: number;
  /** stderr bytes retained (the newest). @default 262144 */
  stderrLimitBytes?: number;
  /** `all` bytes retained (the newest) when not captured. @default 1048576 */
  allLimitBytes?: number;
  /** The clock that measures `durationMs` (the limits always use the real clock). @default performance.now */
  monotonicMs?: () => number;
  /** @default process.platform */
  platform?: NodeJS.Platform;
}

// Runs one process in its own group and container with limits and tree kill; never throws for process
// failures (D-DISP-2..4). Nothing it started outlives the call, however it detached (issue 9).
export async function runProcess(
  spec: ProcessSpec,
  options: RunProcessOptions,
): Promise<ProcessResult> {
  const platform = options.platform ?? process.platform;
  const isOwned = options.containment === undefined;
  const containment = options.containment ?? createContainment({ platform });
  const output = createProcessOutput({
    isMerged: options.isMerged === true,
    isCaptured: options.isCaptured === true,
    stdoutLimitBytes: options.stdoutLimitBytes ?? STDOUT_WINDOW_BYTES,
    stderrLimitBytes: options.stderrLimitBytes ?? STDERR_WINDOW_BYTES,
    allLimitBytes: options.allLimitBytes ?? ALL_WINDOW_BYTES,
    ...(options.outputFile === undefined
      ? {}
      : { outputFile: options.outputFile }),
    ...(options.outputFileLimitBytes === undefined
      ? {}
      : { outputFileLimitBytes: options.outputFileLimitBytes }),
  });
  const measure = options.monotonicMs ?? (() => performance.now());
  const startedAt = measure();
  const finish = async (
    facts: Partial<RunFacts> & Pick<RunFacts, "reason">,
  ): Promise<ProcessResult> => {
    const fileError = (await output.file?.close()) ?? null;
    if (isOwned)
      await containment.close({ graceMs: options.timings.killGraceMs });
    return describeRun({
      command: [spec.file, ...spec.args].join(" "),
      cwd: spec.cwd,
      durationMs: measure() - startedAt,
      ...output.texts(),
      pid: null,
      outputFile:
        output.file !== null && fileError === null ? output.file.path : null,
      containment: containment.kind,
      ...facts,
    });
  };
  if (options.signal?.aborted === true) return finish({ reason: "canceled" });
  const started = await startChild(spec, containment);
  if ("spawnError" in started)
    return finish({ reason: "spawn_error", spawnError: started.spawnError });
  const { child, pid } = started;
  containment.adopt(pid);
  options.onSpawn?.(pid);
  const facts = await superviseChild(child, pid, output, containment, {
    ...options,
    platform,
  });
  return finish(facts);
}
