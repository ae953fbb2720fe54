import { StringDecoder } from "node:string_decoder";
import { execa } from "execa";
import type { ProcessResult } from "../types/process-result.js";
import type { Timings } from "../types/context.js";
import { killProcessGroup, reapGroup } from "./kill-group.js";
import { createTimers, createWakeup } from "./timers.js";
import { createLineSplitter, createTailBuffer } from "./output-buffer.js";
import type { ChildEnv } from "./path-env.js";
import { describeRun, type EndReason, type RunFacts } from "./describe-run.js";

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

/** Limits, grace periods and live callbacks of one run. */
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
  /** Recognises the agent's terminal line; a process that lingers `resultLingerMs` after one is killed (D-DISP-4). */
  isTerminalLine?: (line: string) => boolean;
  /** Called for every stdout line as it arrives. */
  onStdoutLine?: (line: string) => void;
  /** Called with stderr text as it arrives. */
  onStderr?: (text: string) => void;
  /** Called once the child has a pid (which is also its process-group id). */
  onSpawn?: (pid: number) => void;
  /** stdout bytes retained. @default Infinity */
  stdoutLimitBytes?: number;
  /** stderr bytes retained (the newest). @default 262144 */
  stderrLimitBytes?: number;
  /** `all` bytes retained (the newest). @default 1048576 */
  allLimitBytes?: number;
  /** The clock that measures `durationMs` (the limits always use the real clock). @default performance.now */
  monotonicMs?: () => number;
  /** @default process.platform */
  platform?: NodeJS.Platform;
}

const POLL_MS = 20;

// Runs one process in its own group with limits and tree kill; never throws for process failures (D-DISP-2..4).
export async function runProcess(
  spec: ProcessSpec,
  options: RunProcessOptions,
): Promise<ProcessResult> {
  // Grace periods always run on the real clock; the injected one only measures durationMs.
  const clock = () => performance.now();
  const measure = options.monotonicMs ?? clock;
  const platform = options.platform ?? process.platform;
  const isMerged = options.isMerged === true;
  const startedAt = measure();
  const stdout = createTailBuffer(options.stdoutLimitBytes ?? Infinity);
  const stderr = createTailBuffer(options.stderrLimitBytes ?? 262_144);
  const all = createTailBuffer(options.allLimitBytes ?? 1_048_576);
  const finish = (facts: Partial<RunFacts> & Pick<RunFacts, "reason">) =>
    describeRun({
      command: [spec.file, ...spec.args].join(" "),
      cwd: spec.cwd,
      durationMs: measure() - startedAt,
      stdout: isMerged ? "" : stdout.text(),
      stderr: isMerged ? "" : stderr.text(),
      all: isMerged ? all.text() : "",
      droppedBytes: isMerged ? all.droppedBytes() : stderr.droppedBytes(),
      pid: null,
      ...facts,
    });
  if (options.signal?.aborted === true) return finish({ reason: "canceled" });

  const child = execa(spec.file, [...spec.args], {
    cwd: spec.cwd,
    env: spec.env,
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
  });
  const settled = child.then(
    (r) => r,
    () => null,
  );
  const pid = child.pid;
  if (pid === undefined) {
    const failure = await settled;
    const code = typeof failure?.code === "string" ? failure.code : "ESPAWN";
    return finish({ reason: "spawn_error", spawnError: code });
  }
  options.onSpawn?.(pid);

  const { killGraceMs, pipeWaitMs, orphanPipeMs, resultLingerMs } =
    options.timings;
  let reason: EndReason = "exited";
  let limitMs = 0;
  let isCanceled = false;
  let termAt: number | null = null;
  let exit: { code: number | null; signal: string | null } | null = null;
  let openPipes = 2;
  const wakeup = createWakeup();
  const timers = createTimers();
  const terminate = (why: EndReason, ms: number) => {
    if (why === "canceled") isCanceled = true;
    if (termAt !== null) return;
    reason = why;
    limitMs = ms;
    termAt = clock();
    killProcessGroup(pid, "SIGTERM", platform);
    wakeup.wake();
  };

  const inactivityMs = options.inactivityMs ?? 0;
  const activity = () => {
    if (inactivityMs > 0 && exit === null && termAt === null)
      timers.set("inactivity", inactivityMs, () =>
        terminate("inactive", inactivityMs),
      );
  };
  activity();
  const wallClockMs = options.wallClockMs ?? 0;
  if (wallClockMs > 0)
    timers.set("wall", wallClockMs, () => terminate("timed_out", wallClockMs));
  const onAbort = () => terminate("canceled", 0);
  options.signal?.addEventListener("abort", onAbort, { once: true });

  let hasResult = false;
  const lines = createLineSplitter();
  const onLine = (line: string) => {
    options.onStdoutLine?.(line);
    if (
      options.isTerminalLine === undefined ||
      hasResult ||
      !options.isTerminalLine(line)
    )
      return;
    hasResult = true;
    timers.set("linger", resultLingerMs, () => {
      if (exit === null) terminate("lingered", resultLingerMs);
    });
  };
  const decoder = new StringDecoder("utf8");
  child.stdout.on("data", (chunk: Buffer) => {
    stdout.push(chunk);
    if (isMerged) all.push(chunk);
    const complete = lines.push(chunk);
    if (complete.length > 0) activity();
    complete.forEach(onLine);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr.push(chunk);
    if (isMerged) all.push(chunk);
    if (chunk.length > 0) activity();
    const text = decoder.write(chunk);
    if (text !== "") options.onStderr?.(text);
  });
  for (const stream of [child.stdout, child.stderr]) {
    let isOpen = true;
    const closed = () => {
      if (!isOpen) return;
      isOpen = false;
      openPipes -= 1;
      if (stream === child.stdout) {
        const last = lines.flush();
        if (last !== null) onLine(last);
      }
      wakeup.wake();
    };
    stream.once("end", closed);
    stream.once("close", closed);
    stream.once("error", closed);
  }
  child.once("exit", (code, signal) => {
    exit = { code, signal };
    timers.clear("wall", "inactivity", "linger");
    if (openPipes > 0)
      timers.set("orphan", orphanPipeMs, () => {
        if (openPipes > 0) terminate("orphan_pipes", orphanPipeMs);
      });
    wakeup.wake();
  });

  // Wait for exit and both pipes; after a kill, escalate to SIGKILL, then give up on the pipes.
  let hasKilled = false;
  while (exit === null || openPipes > 0) {
    if (termAt !== null) {
      const elapsed = clock() - termAt;
      if (!hasKilled && elapsed >= killGraceMs) {
        hasKilled = true;
        killProcessGroup(pid, "SIGKILL", platform);
      }
      if (elapsed >= killGraceMs + pipeWaitMs) {
        child.stdout.destroy();
        child.stderr.destroy();
        break;
      }
    }
    await wakeup.wait(termAt === null ? 1000 : POLL_MS);
  }
  timers.clear();
  options.signal?.removeEventListener("abort", onAbort);
  await reapGroup(pid, {
    termAt: termAt ?? clock(),
    needsTerm: termAt === null,
    killGraceMs,
    clock,
    platform,
    pollMs: POLL_MS,
  });
  const ended = exit as { code: number | null; signal: string | null } | null;
  return finish({
    reason,
    limitMs,
    pid,
    exitCode: ended?.code ?? null,
    signal: ended?.signal ?? (hasKilled ? "SIGKILL" : null),
    canceled: isCanceled,
  });
}
