import { execa, type ResultPromise } from "execa";
import type { ProcessResult } from "../types/process-result.js";
import type { Timings } from "../types/context.js";
import { createContainment, type Containment } from "./containment.js";
import { describeRun, type EndReason, type RunFacts } from "./describe-run.js";
import type { ChildEnv } from "./path-env.js";
import {
  ALL_WINDOW_BYTES,
  createProcessOutput,
  STDERR_WINDOW_BYTES,
  STDOUT_WINDOW_BYTES,
  type ProcessOutput,
} from "./process-output.js";
import { resolveExecutable } from "./resolve-executable.js";
import { createTimers, createWakeup } from "./timers.js";

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

const POLL_MS = 20;
const RESULT_LINE = /"type"\s*:\s*"result"/;
// Joins the cgroup (its procs file is $0) before the program starts, so nothing it starts can be outside it.
const JOIN_CGROUP = '{ echo $$ > "$0"; } 2>/dev/null; exec "$@"';

// Whether a stdout line is a complete stream-json result object.
export function isResultLine(line: string): boolean {
  if (!RESULT_LINE.test(line)) return false;
  try {
    const value: unknown = JSON.parse(line);
    return (
      typeof value === "object" &&
      value !== null &&
      (value as { type?: unknown }).type === "result"
    );
  } catch {
    return false;
  }
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

type Child = ResultPromise<{ buffer: false }>;
type Started = { child: Child; pid: number } | { spawnError: string };

// Spawns detached (own session and group) with the container's marker; inside a cgroup through the join shell.
async function startChild(
  spec: ProcessSpec,
  containment: Containment,
): Promise<Started> {
  let file = spec.file;
  let args = [...spec.args];
  const procs = containment.cgroupProcsFile;
  if (procs !== null && spec.isVerbatim !== true) {
    const resolved = resolveExecutable(spec.file, spec.env, spec.cwd);
    if ("error" in resolved) return { spawnError: resolved.error };
    file = "/bin/sh";
    args = ["-c", JOIN_CGROUP, procs, resolved.path, ...spec.args];
  }
  const child = execa(file, args, {
    cwd: spec.cwd,
    env: { ...spec.env, ...containment.env },
    extendEnv: false,
    detached: true,
    cleanup: false,
    reject: false,
    buffer: false,
    forceKillAfterDelay: false,
    windowsHide: true,
    windowsVerbatimArguments: spec.isVerbatim === true,
    ...(spec.stdin === null ? { stdin: "ignore" } : { input: spec.stdin }),
    stdout: "pipe",
    stderr: "pipe",
  }) as Child;
  const pid = child.pid;
  if (pid !== undefined) return { child, pid };
  const failure = await child.then(
    (r) => r,
    () => null,
  );
  const code = typeof failure?.code === "string" ? failure.code : "ESPAWN";
  return { spawnError: code };
}

/** What the stream handlers report back to the supervisor. */
interface StreamHooks {
  onActivity(): void;
  onLine(line: string): void;
  onClosed(): void;
  onStderr?: (text: string) => void;
}

// Feeds both pipes into the output windows and the file, pausing them while the file catches up.
function watchStreams(
  child: Child,
  output: ProcessOutput,
  hooks: StreamHooks,
): void {
  const resume = () => {
    child.stdout.resume();
    child.stderr.resume();
  };
  const pause = () => {
    child.stdout.pause();
    child.stderr.pause();
    output.file?.onDrain(resume);
  };
  child.stdout.on("data", (chunk: Buffer) => {
    if (!output.stdout(chunk)) pause();
    const complete = output.lines.push(chunk);
    if (complete.length > 0) hooks.onActivity();
    complete.forEach(hooks.onLine);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    const { text, isWritable } = output.stderr(chunk);
    if (!isWritable) pause();
    if (chunk.length > 0) hooks.onActivity();
    if (text !== "") hooks.onStderr?.(text);
  });
  for (const stream of [child.stdout, child.stderr]) {
    let isOpen = true;
    const closed = () => {
      if (!isOpen) return;
      isOpen = false;
      if (stream === child.stdout) {
        const last = output.lines.flush();
        if (last !== null) hooks.onLine(last);
      }
      hooks.onClosed();
    };
    stream.once("end", closed);
    stream.once("close", closed);
    stream.once("error", closed);
  }
}

type Supervised = Partial<RunFacts> & Pick<RunFacts, "reason">;
type Exit = { code: number | null; signal: string | null };

// Waits for the child's exit and both pipes, firing the limits; after a kill, escalates to SIGKILL and then
// gives up on the pipes; finally sweeps the container so nothing the run started is left (D-DISP-4).
async function superviseChild(
  child: Child,
  pid: number,
  output: ProcessOutput,
  containment: Containment,
  options: RunProcessOptions & { platform: NodeJS.Platform },
): Promise<Supervised> {
  const clock = () => performance.now();
  const { killGraceMs, pipeWaitMs, orphanPipeMs } = options.timings;
  const strays = new Set<number>();
  let reason: EndReason = "exited";
  let limitMs = 0;
  let isCanceled = false;
  // When the kill sequence began: a limit or a stop (termAt), or the end of a check (settleAt).
  // Assigned in callbacks: typed with `as` so that the loop below does not narrow them to null.
  let termAt = null as number | null;
  let settleAt = null as number | null;
  let exit = null as Exit | null;
  let openPipes = 2;
  const wakeup = createWakeup();
  const timers = createTimers();
  const signalAll = (signal: NodeJS.Signals) => {
    for (const p of containment.signal(signal)) if (p !== pid) strays.add(p);
  };
  const terminate = (why: EndReason, ms: number) => {
    if (why === "canceled") isCanceled = true;
    if (termAt !== null) return;
    reason = why;
    limitMs = ms;
    termAt = clock();
    signalAll("SIGTERM");
    wakeup.wake();
  };
  const limits = armLimits(options, timers, terminate, () => exit === null);
  const onAbort = () => terminate("canceled", 0);
  options.signal?.addEventListener("abort", onAbort, { once: true });

  watchStreams(child, output, {
    onActivity: limits.activity,
    onLine(line) {
      options.onStdoutLine?.(line);
      limits.line(line);
    },
    onClosed() {
      openPipes -= 1;
      wakeup.wake();
    },
    ...(options.onStderr === undefined ? {} : { onStderr: options.onStderr }),
  });
  child.once("exit", (code, signal) => {
    exit = { code, signal };
    timers.clear("wall", "inactivity", "linger");
    if (openPipes > 0 && termAt === null) {
      if (options.isOverAtExit === true) {
        settleAt = clock();
        signalAll("SIGTERM");
      } else
        timers.set("orphan", orphanPipeMs, () => {
          if (openPipes > 0) terminate("orphan_pipes", orphanPipeMs);
        });
    }
    wakeup.wake();
  });

  let hasKilled = false;
  while (exit === null || openPipes > 0) {
    const from = termAt ?? settleAt;
    if (from !== null) {
      const elapsed = clock() - from;
      if (!hasKilled && elapsed >= killGraceMs) {
        hasKilled = true;
        signalAll("SIGKILL");
      }
      if (elapsed >= killGraceMs + pipeWaitMs) {
        child.stdout.destroy();
        child.stderr.destroy();
        break;
      }
    }
    await wakeup.wait(from === null ? 1000 : POLL_MS);
  }
  timers.clear();
  options.signal?.removeEventListener("abort", onAbort);
  const killFrom = termAt ?? settleAt;
  const sweep = await containment.sweep({
    graceMs: killGraceMs,
    ...(killFrom !== null ? { termAt: killFrom } : {}),
  });
  for (const p of sweep.found) if (p !== pid) strays.add(p);
  const ended = exit;
  return {
    reason,
    limitMs,
    pid,
    exitCode: ended?.code ?? null,
    // The process's own ending: a check that exited 0 stays a pass even if its leftovers were killed.
    signal:
      ended !== null
        ? ended.signal
        : hasKilled && termAt !== null
          ? "SIGKILL"
          : null,
    canceled: isCanceled,
    strayCount: strays.size,
  };
}

/** The limit timers of one run, fed by its output. */
interface Limits {
  activity(): void;
  line(line: string): void;
}

// Arms the wall clock and inactivity limits and the terminal-line linger kill (D-DISP-3, D-DISP-4, AG-RES-4).
function armLimits(
  options: RunProcessOptions,
  timers: ReturnType<typeof createTimers>,
  terminate: (why: EndReason, ms: number) => void,
  isRunning: () => boolean,
): Limits {
  const inactivityMs = options.inactivityMs ?? 0;
  const activity = () => {
    if (inactivityMs > 0 && isRunning())
      timers.set("inactivity", inactivityMs, () =>
        terminate("inactive", inactivityMs),
      );
  };
  activity();
  const wallClockMs = options.wallClockMs ?? 0;
  if (wallClockMs > 0)
    timers.set("wall", wallClockMs, () => terminate("timed_out", wallClockMs));
  const isTerminal =
    options.isTerminalLine ??
    (options.isResultWatched === true ? isResultLine : null);
  const lingerMs = options.timings.resultLingerMs;
  let hasTerminal = false;
  return {
    activity,
    line(line) {
      if (isTerminal === null || hasTerminal || !isTerminal(line)) return;
      hasTerminal = true;
      timers.set("linger", lingerMs, () => {
        if (isRunning()) terminate("lingered", lingerMs);
      });
    },
  };
}
