import type { Paint } from "./color.js";
import { formatElapsed } from "./format-elapsed.js";
import type { TextSink } from "./streams.js";

/** How attempt progress is shown (cli.md §6). */
export type ProgressMode = "tty" | "line" | "quiet";

/** The live view of one attempt. */
export interface AttemptProgress {
  /** `agent`, `verifying <gate> (i/n)`, `committing`, `checking`. */
  phase(name: string): void;
  /** The agent's latest activity, e.g. `Edit src/limiter.ts`. */
  activity(text: string): void;
  /** Replaces the status line with the final attempt line. */
  finish(line: string): void;
}

/** Options of the progress display. */
export interface ProgressOptions {
  mode: ProgressMode;
  /** The progress stream: stdout, or stderr under --json. */
  sink: TextSink;
  /** Other streams whose writes must clear and redraw the live line (TTY mode). */
  others: TextSink[];
  paint: Paint;
  monotonicMs: () => number;
  heartbeatMs: number;
  redrawMs: number;
}

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const CLEAR = "\r\x1b[2K";
const HIDE = "\x1b[?25l";
const SHOW = "\x1b[?25h";

// Chooses the mode (C-PROG-1): TTY redraw only on a TTY, outside CI, with TERM not dumb and no --quiet.
export function chooseProgressMode(input: {
  isTTY: boolean;
  isCI: boolean;
  isQuiet: boolean;
  term: string | undefined;
}): ProgressMode {
  if (input.isQuiet) return "quiet";
  return input.isTTY && !input.isCI && input.term !== "dumb" ? "tty" : "line";
}

// Starts the display of one attempt: a redrawn status line on a TTY, start/heartbeat/final lines otherwise.
export function startAttemptProgress(
  options: ProgressOptions,
  label: string,
  limitSeconds: number | null,
): AttemptProgress {
  const started = options.monotonicMs();
  let phase = "agent";
  let activity = "";
  let isDone = false;
  const elapsed = () => formatElapsed(options.monotonicMs() - started);
  if (options.mode === "quiet") {
    return {
      phase: () => undefined,
      activity: () => undefined,
      finish: (line) => options.sink.write(`${line}\n`),
    };
  }
  if (options.mode === "line") {
    const limit =
      limitSeconds === null
        ? ""
        : ` (limit ${formatElapsed(limitSeconds * 1000)})`;
    options.sink.write(`  ${label} started${limit}\n`);
    const timer = setInterval(
      () => options.sink.write(`  ${label} running ${elapsed()} (${phase})\n`),
      options.heartbeatMs,
    );
    timer.unref();
    return {
      phase: (p) => {
        phase = p;
      },
      activity: () => undefined,
      finish: (line) => {
        clearInterval(timer);
        options.sink.write(`${line}\n`);
      },
    };
  }
  return startLiveLine(
    options,
    label,
    () => ({ phase, activity, elapsed: elapsed() }),
    {
      setPhase: (p) => {
        phase = p;
      },
      setActivity: (a) => {
        activity = a;
      },
      isDone: () => isDone,
      markDone: () => {
        isDone = true;
      },
    },
  );
}

interface LiveState {
  setPhase(p: string): void;
  setActivity(a: string): void;
  isDone(): boolean;
  markDone(): void;
}

function startLiveLine(
  options: ProgressOptions,
  label: string,
  view: () => { phase: string; activity: string; elapsed: string },
  state: LiveState,
): AttemptProgress {
  const { sink, paint } = options;
  let frame = 0;
  const render = () => {
    const v = view();
    const width = Math.max(20, (sink.columns ?? 80) - 1);
    const spin = paint.cyan(SPINNER[frame++ % SPINNER.length] ?? "-");
    const text = `  ${label} ${v.phase} ${v.elapsed}${v.activity === "" ? "" : ` ${v.activity}`}`;
    return `${CLEAR}${spin}${text.length + 2 > width ? text.slice(0, width - 3) + "…" : text}`;
  };
  const writeRaw = sink.write.bind(sink);
  // Other output first clears the line, prints, then redraws it (C-PROG-2).
  const restore: Array<() => void> = [];
  for (const s of [sink, ...options.others]) {
    const original = s.write.bind(s);
    s.write = (text: string) => {
      writeRaw(CLEAR);
      original(text);
      if (!state.isDone()) writeRaw(render());
    };
    restore.push(() => {
      s.write = original;
    });
  }
  writeRaw(HIDE + render());
  const timer = setInterval(() => writeRaw(render()), options.redrawMs);
  timer.unref();
  const stop = () => {
    if (state.isDone()) return;
    state.markDone();
    clearInterval(timer);
    for (const r of restore) r();
    writeRaw(CLEAR + SHOW);
  };
  process.once("exit", stop);
  return {
    phase: (p) => state.setPhase(p),
    activity: (a) => state.setActivity(a.replace(/\s+/g, " ")),
    finish: (line) => {
      stop();
      process.removeListener("exit", stop);
      writeRaw(`${line}\n`);
    },
  };
}
