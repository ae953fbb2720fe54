import { prependPath, toolDirs, withoutKeys } from "../exec/path-env.js";
import { runProcess } from "../exec/run-process.js";
import type { Context } from "../types/context.js";
import type { ProcessResult } from "../types/process-result.js";
import type {
  AgentAdapter,
  AgentLimits,
  AgentOutput,
  AgentUnit,
} from "./adapter.js";
import { parseResultBlock, type ResultBlock } from "./result-block.js";

// How much stderr a dispatch keeps: the tail saved as attempt-<n>.agent-stderr.log (formats.md F-RUN-4).
export const STDERR_TAIL_BYTES = 65_536;

/** Inputs of the agent environment (driver D-DISP-2, README resolved point 6). */
export interface AgentEnvInput {
  /** The driver's own environment (`ctx.env`). */
  env: Readonly<Record<string, string | undefined>>;
  /** The running package's root; its bin/ goes first on PATH. */
  packageRoot: string;
  repoRoot: string;
  unitId: string;
  attempt: number;
  /** `<F>`, repo-relative. */
  featureDir: string;
  platform: NodeJS.Platform;
}

// The agent's environment: the driver's minus CLAUDECODE, plus the SPECFUSE_* variables, with the tool dirs first on PATH.
export function buildAgentEnv(
  input: AgentEnvInput,
): Record<string, string | undefined> {
  const base = withoutKeys(input.env, ["CLAUDECODE"], input.platform);
  return prependPath(
    {
      ...base,
      SPECFUSE_WORK_UNIT: input.unitId,
      SPECFUSE_ATTEMPT: String(input.attempt),
      SPECFUSE_FEATURE_DIR: input.featureDir,
    },
    toolDirs(input.packageRoot, input.repoRoot),
    input.platform,
  );
}

/** One agent run to perform. */
export interface DispatchRequest {
  adapter: AgentAdapter;
  unit: AgentUnit;
  prompt: string;
  limits: AgentLimits;
  repoRoot: string;
  /** `<F>`, repo-relative. */
  featureDir: string;
  attempt: number;
  /** A stop request; defaults to `ctx.signal`. */
  signal?: AbortSignal;
  /** The pid (= process-group id) as soon as it is known, for the checkpoint (D-REC-1). */
  onSpawn?: (pid: number) => void;
  /** The agent's latest activity (`Edit src/a.ts`) for the status line (D-UI-2). */
  onActivity?: (summary: string) => void;
}

/** Which limit stopped the agent (formats.md F-EV-4 `timeout_kind`, `limit_seconds`). */
export interface AgentTimeout {
  kind: "wall_clock" | "inactivity";
  limitSeconds: number;
}

/** Everything one dispatch produced. */
export interface DispatchResult {
  /** What was run (for --verbose and the checkpoint's `agent_exe`). */
  file: string;
  args: string[];
  process: ProcessResult;
  /** The parsed agent output; partial when the run was cut short. */
  output: AgentOutput;
  /** The RESULT block of `output.text`, with its own warnings. */
  resultBlock: ResultBlock;
  durationMs: number;
  /** Set when a limit fired (D-ATT-5 step 3). */
  timeout: AgentTimeout | null;
  /** A stop was requested during the run (D-ATT-5 step 2). */
  isInterrupted: boolean;
  /** `ENOENT` and friends: the agent could not be started (D-DISP-7). */
  spawnError: string | null;
  /** Warnings to print under the attempt line (D-DISP-6): is_error, denials, a silent non-zero exit. */
  warnings: string[];
  /** The last 64 KiB of stderr. */
  stderrTail: string;
}

// The D-DISP-6 warnings about what the agent reported.
export function dispatchWarnings(
  output: AgentOutput,
  result: ProcessResult,
): string[] {
  const warnings: string[] = [];
  if (output.isError === true)
    warnings.push(
      `the agent reported an error (is_error${output.subtype !== undefined ? `, subtype ${output.subtype}` : ""})`,
    );
  const denials = output.permissionDenials ?? [];
  if (denials.length > 0)
    warnings.push(
      // Git write commands are denied on purpose (the driver commits): no advice to allow them (issue 17 point 12).
      `the agent was denied ${denials.length} tool call${denials.length === 1 ? "" : "s"} (${[...new Set(denials)].join(", ")}); denying git write commands is by design (specfuse commits the work), so allow only other tools it needs, in .claude/settings.json`,
    );
  const isCutShort =
    result.timedOut || result.inactive || result.canceled || result.hasLingered;
  if (
    !output.hasResult &&
    !isCutShort &&
    result.spawnError === null &&
    result.failed
  )
    warnings.push(`the agent ${result.shortMessage} and printed no result`);
  return warnings;
}

// Runs the agent once through exec/ with its limits, and reads what it reported (driver §12).
export async function dispatchAgent(
  request: DispatchRequest,
  ctx: Pick<
    Context,
    "env" | "packageRoot" | "signal" | "timings" | "monotonicMs"
  >,
): Promise<DispatchResult> {
  const invocation = request.adapter.buildInvocation(
    request.unit,
    request.prompt,
    request.limits,
  );
  const env = {
    ...buildAgentEnv({
      env: ctx.env,
      packageRoot: ctx.packageRoot,
      repoRoot: request.repoRoot,
      unitId: request.unit.id,
      attempt: request.attempt,
      featureDir: request.featureDir,
      platform: process.platform,
    }),
    ...invocation.env,
  };
  const reader = request.adapter.createReader();
  const result = await runProcess(
    {
      file: invocation.file,
      args: invocation.args,
      cwd: request.repoRoot,
      env,
      stdin: invocation.stdin,
    },
    {
      timings: ctx.timings,
      wallClockMs: request.limits.wallClockMs,
      inactivityMs: request.limits.inactivityMs,
      signal: request.signal ?? ctx.signal,
      isResultWatched: true,
      stderrLimitBytes: STDERR_TAIL_BYTES,
      monotonicMs: () => ctx.monotonicMs(),
      ...(request.onSpawn !== undefined ? { onSpawn: request.onSpawn } : {}),
      onStdoutLine: (line) => {
        const summary = reader.push(line);
        if (summary !== null) request.onActivity?.(summary);
      },
    },
  );
  const output = request.adapter.parseResult(
    result.stdout,
    result.stderr,
    result.exitCode,
  );
  const timeout: AgentTimeout | null = result.timedOut
    ? { kind: "wall_clock", limitSeconds: request.limits.wallClockMs / 1000 }
    : result.inactive
      ? { kind: "inactivity", limitSeconds: request.limits.inactivityMs / 1000 }
      : null;
  return {
    file: invocation.file,
    args: invocation.args,
    process: result,
    output,
    resultBlock: parseResultBlock(output.text),
    durationMs: result.durationMs,
    timeout,
    isInterrupted: result.canceled,
    spawnError: result.spawnError,
    warnings: dispatchWarnings(output, result),
    stderrTail: result.stderr,
  };
}
