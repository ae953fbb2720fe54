import type { Containment } from "./containment.js";
import type { EndReason, RunFacts } from "./describe-run.js";
import type { ProcessOutput } from "./process-output.js";
import { isResultLine } from "./result-line.js";
import type { RunProcessOptions } from "./run-process.js";
import type { Child } from "./start-child.js";
import { createTimers, createWakeup } from "./timers.js";
import { watchStreams } from "./watch-streams.js";

const POLL_MS = 20;

/** What supervision learned, for describeRun. */
export type Supervised = Partial<RunFacts> & Pick<RunFacts, "reason">;
type Exit = { code: number | null; signal: string | null };

/** One run's state, shared by the stream, exit and limit callbacks and the wait loop. */
interface RunState {
  pid: number;
  reason: EndReason;
  limitMs: number;
  isCanceled: boolean;
  /** When the kill sequence began for a limit or a stop (performance.now()). */
  termAt: number | null;
  /** When a check's leftovers were told to go, at its exit (isOverAtExit). */
  settleAt: number | null;
  exit: Exit | null;
  openPipes: number;
  hasKilled: boolean;
  /** Processes other than the child that were signalled or swept. */
  strays: Set<number>;
  signalAll(signal: NodeJS.Signals): void;
}

// Waits for the child's exit and both pipes, firing the limits; after a kill, escalates to SIGKILL and then
// gives up on the pipes; finally sweeps the container so nothing the run started is left (D-DISP-4).
export async function superviseChild(
  child: Child,
  pid: number,
  output: ProcessOutput,
  containment: Containment,
  options: RunProcessOptions & { platform: NodeJS.Platform },
): Promise<Supervised> {
  const st: RunState = {
    pid,
    reason: "exited",
    limitMs: 0,
    isCanceled: false,
    termAt: null,
    settleAt: null,
    exit: null,
    openPipes: 2,
    hasKilled: false,
    strays: new Set(),
    signalAll(signal) {
      for (const p of containment.signal(signal))
        if (p !== pid) st.strays.add(p);
    },
  };
  const wakeup = createWakeup();
  const timers = createTimers();
  const terminate = (why: EndReason, ms: number) => {
    if (why === "canceled") st.isCanceled = true;
    if (st.termAt !== null) return;
    st.reason = why;
    st.limitMs = ms;
    st.termAt = performance.now();
    st.signalAll("SIGTERM");
    wakeup.wake();
  };
  const limits = armLimits(options, timers, terminate, () => st.exit === null);
  const onAbort = () => terminate("canceled", 0);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  watchStreams(child, output, {
    onActivity: limits.activity,
    onLine(line) {
      options.onStdoutLine?.(line);
      limits.line(line);
    },
    onClosed() {
      st.openPipes -= 1;
      wakeup.wake();
    },
    ...(options.onStderr === undefined ? {} : { onStderr: options.onStderr }),
  });
  child.once("exit", (code, signal) => {
    st.exit = { code, signal };
    timers.clear("wall", "inactivity", "linger");
    onExitWithOpenPipes(st, options, timers, terminate);
    wakeup.wake();
  });
  await waitForEnd(child, st, options.timings, wakeup);
  timers.clear();
  options.signal?.removeEventListener("abort", onAbort);
  return finishSupervision(st, containment, options.timings.killGraceMs);
}

// The child exited but something holds its pipes: a check ends now (its leftovers are told to go); the
// agent's descendants get `orphanPipeMs` before the group is killed (D-DISP-4).
function onExitWithOpenPipes(
  st: RunState,
  options: RunProcessOptions,
  timers: ReturnType<typeof createTimers>,
  terminate: (why: EndReason, ms: number) => void,
): void {
  if (st.openPipes === 0 || st.termAt !== null) return;
  if (options.isOverAtExit === true) {
    st.settleAt = performance.now();
    st.signalAll("SIGTERM");
    return;
  }
  const { orphanPipeMs } = options.timings;
  timers.set("orphan", orphanPipeMs, () => {
    if (st.openPipes > 0) terminate("orphan_pipes", orphanPipeMs);
  });
}

// Loops until the child has exited and both pipes closed; once a kill sequence began, SIGKILL after the
// grace and then stop waiting for the pipes.
async function waitForEnd(
  child: Child,
  st: RunState,
  timings: RunProcessOptions["timings"],
  wakeup: ReturnType<typeof createWakeup>,
): Promise<void> {
  const { killGraceMs, pipeWaitMs } = timings;
  while (st.exit === null || st.openPipes > 0) {
    const from = st.termAt ?? st.settleAt;
    if (from !== null) {
      const elapsed = performance.now() - from;
      if (!st.hasKilled && elapsed >= killGraceMs) {
        st.hasKilled = true;
        st.signalAll("SIGKILL");
      }
      if (elapsed >= killGraceMs + pipeWaitMs) {
        child.stdout.destroy();
        child.stderr.destroy();
        return;
      }
    }
    await wakeup.wait(from === null ? 1000 : POLL_MS);
  }
}

// Sweeps the container and turns the state into the run's facts.
async function finishSupervision(
  st: RunState,
  containment: Containment,
  killGraceMs: number,
): Promise<Supervised> {
  const killFrom = st.termAt ?? st.settleAt;
  const sweep = await containment.sweep({
    graceMs: killGraceMs,
    ...(killFrom !== null ? { termAt: killFrom } : {}),
  });
  for (const p of sweep.found) if (p !== st.pid) st.strays.add(p);
  const ended = st.exit;
  return {
    reason: st.reason,
    limitMs: st.limitMs,
    pid: st.pid,
    exitCode: ended?.code ?? null,
    // The process's own ending: a check that exited 0 stays a pass even if its leftovers were killed.
    signal:
      ended !== null
        ? ended.signal
        : st.hasKilled && st.termAt !== null
          ? "SIGKILL"
          : null,
    canceled: st.isCanceled,
    strayCount: st.strays.size,
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
