import { runProcess } from "../exec/run-process.js";
import { shellInvocation } from "../exec/shell-command.js";
import type { Context } from "../types/context.js";
import type { ProcessResult } from "../types/process-result.js";
import { buildCheckEnv } from "./check-env.js";
import { plainDecimal } from "../yaml/format-number.js";
import { tailBytes } from "./evidence.js";

// The limit of each smoke command (D-GUARD-5, quirk Q35).
export const SMOKE_TIMEOUT_SECONDS = 900;
const STDERR_SHOWN_BYTES = 2000;

// A body line that, trimmed, is exactly `python3? -c "from X import Y"` in either quote style.
const SMOKE_LINE =
  /^python3? -c (?:"from [^\s"]+ import [^"]+"|'from [^\s']+ import [^']+')$/;

// The smoke commands of a WU body, in order (D-GUARD-5). Pure.
export function findSmokeCommands(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => SMOKE_LINE.test(line));
}

/** Where and as whom smoke commands run. */
export interface SmokeRequest {
  commands: readonly string[];
  repoRoot: string;
  featureDir: string;
  unitId: string;
  wuFile: string;
  signal?: AbortSignal;
  /** @default 900000 (D-GUARD-5) */
  timeoutMs?: number;
}

/** The first failing smoke command, or a pass. */
export interface SmokeReport {
  isPassed: boolean;
  /** `smoke_import_failed {summary}`: exit code, command and stderr. */
  summary: string | null;
  failedCommand: string | null;
  results: ProcessResult[];
  isInterrupted: boolean;
}

// The summary of a failed smoke command: its exit (or limit), the command, and its stderr tail.
export function smokeFailureSummary(
  command: string,
  result: ProcessResult,
  timeoutSeconds: number,
): string {
  const how = result.timedOut
    ? `timed out after ${plainDecimal(timeoutSeconds)}s (process group killed)`
    : result.spawnError !== null
      ? `could not start (${result.spawnError})`
      : result.signal !== null
        ? `was killed by ${result.signal}`
        : `exited with code ${result.exitCode ?? "unknown"}`;
  const stderr = tailBytes(result.stderr.trimEnd(), STDERR_SHOWN_BYTES);
  return [
    `smoke import ${how}: ${command}`,
    ...(stderr !== "" ? [stderr] : []),
  ].join("\n");
}

// Runs the smoke commands after the squash, in order, through the shell; the first failure stops them (D-GUARD-5).
export async function runSmokeImports(
  request: SmokeRequest,
  ctx: Pick<
    Context,
    "env" | "packageRoot" | "signal" | "timings" | "monotonicMs"
  >,
): Promise<SmokeReport> {
  const env = buildCheckEnv({
    ...request,
    env: ctx.env,
    packageRoot: ctx.packageRoot,
    platform: process.platform,
  });
  const signal = request.signal ?? ctx.signal;
  const results: ProcessResult[] = [];
  const timeoutMs = request.timeoutMs ?? SMOKE_TIMEOUT_SECONDS * 1000;
  for (const command of request.commands) {
    const shell = shellInvocation(command, process.platform, env.ComSpec);
    const result = await runProcess(
      { ...shell, cwd: request.repoRoot, env, stdin: null },
      {
        timings: ctx.timings,
        wallClockMs: timeoutMs,
        signal,
        isOverAtExit: true,
        monotonicMs: () => ctx.monotonicMs(),
      },
    );
    results.push(result);
    if (result.canceled)
      return {
        isPassed: false,
        summary: null,
        failedCommand: null,
        results,
        isInterrupted: true,
      };
    if (result.failed)
      return {
        isPassed: false,
        summary: smokeFailureSummary(command, result, timeoutMs / 1000),
        failedCommand: command,
        results,
        isInterrupted: false,
      };
  }
  return {
    isPassed: true,
    summary: null,
    failedCommand: null,
    results,
    isInterrupted: false,
  };
}
