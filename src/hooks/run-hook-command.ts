import type { ChildEnv } from "../exec/path-env.js";
import { runProcess } from "../exec/run-process.js";
import { shellInvocation } from "../exec/shell-command.js";
import type { Timings } from "../types/context.js";
import { classifyProcess, type TryOutcome } from "./classify-try.js";

/** One try of a hook command (AU-HOOK-3). */
export interface HookCommandRun {
  command: string;
  /** The repository root. */
  cwd: string;
  env: ChildEnv;
  /** The event line, newline-terminated. */
  stdin: string;
  timeoutMs: number;
  timings: Pick<
    Timings,
    "killGraceMs" | "pipeWaitMs" | "orphanPipeMs" | "resultLingerMs"
  >;
  signal: AbortSignal;
  platform: NodeJS.Platform;
}

// Bytes kept of a hook's output: a command that floods it costs no memory.
const KEEP_BYTES = 4096;

// Runs `sh -c <command>` in its own process group with the event on stdin; a timeout or a kill ends the whole group (D-DISP-4).
export async function runHookCommand(run: HookCommandRun): Promise<TryOutcome> {
  const shell = shellInvocation(run.command, run.platform, run.env.ComSpec);
  const result = await runProcess(
    {
      file: shell.file,
      args: shell.args,
      cwd: run.cwd,
      env: run.env,
      stdin: run.stdin,
      isVerbatim: shell.isVerbatim,
    },
    {
      timings: run.timings,
      wallClockMs: run.timeoutMs,
      signal: run.signal,
      stdoutLimitBytes: KEEP_BYTES,
      stderrLimitBytes: KEEP_BYTES,
      platform: run.platform,
    },
  );
  return classifyProcess(result, run.timeoutMs);
}
