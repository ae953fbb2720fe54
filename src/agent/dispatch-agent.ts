import { prependPath, toolDirs, withoutKeys } from "../exec/path-env.js";
import { runProcess } from "../exec/run-process.js";
import type { Context } from "../types/context.js";
import type { ProcessResult } from "../types/process-result.js";
import type { Usage } from "../types/outcome.js";
import { writeFileAtomic } from "../workspace/write-file-atomic.js";
import type {
  AgentBackend,
  AgentResult,
  BackendInvocation,
  BackendUnit,
} from "./backend.js";
import { parseResultBlock, type ResultBlock } from "./result-block.js";

// How much stderr a dispatch keeps: the tail saved as attempt-<n>.agent-stderr.log (formats.md F-RUN-4).
export const STDERR_TAIL_BYTES = 65_536;

/** Inputs of the agent environment (driver D-DISP-2, README resolved point 6). */
export interface AgentEnvInput {
  /** The driver's own environment (`ctx.env`). */
  env: Readonly<Record<string, string | undefined>>;
  /** Variables the backend removes (claude: `CLAUDECODE`, agents.md AG-PROC-2). */
  envRemove: readonly string[];
  /** The running package's root; its bin/ goes first on PATH. */
  packageRoot: string;
  /** The agent's working directory (the repository, or a lane): its node_modules/.bin goes on PATH. */
  cwd: string;
  unitId: string;
  attempt: number;
  /** `<F>`, relative to the cwd. */
  featureDir: string;
  platform: NodeJS.Platform;
}

// The agent's environment: the driver's minus the backend's removals, plus the SPECFUSE_* variables, tool dirs first on PATH.
export function buildAgentEnv(
  input: AgentEnvInput,
): Record<string, string | undefined> {
  const base = withoutKeys(input.env, input.envRemove, input.platform);
  return prependPath(
    {
      ...base,
      SPECFUSE_WORK_UNIT: input.unitId,
      SPECFUSE_ATTEMPT: String(input.attempt),
      SPECFUSE_FEATURE_DIR: input.featureDir,
    },
    toolDirs(input.packageRoot, input.cwd),
    input.platform,
  );
}

/** One agent run to perform. */
export interface DispatchRequest {
  backend: AgentBackend;
  unit: BackendUnit;
  prompt: string;
  /** Wall-clock and inactivity limits in ms; 0 turns a limit off. */
  limits: { wallClockMs: number; inactivityMs: number };
  /** Absolute working directory of the agent: the lane's (today the repository root). */
  cwd: string;
  /** `<F>`, relative to the cwd. */
  featureDir: string;
  /** Absolute `<F>/work/<key>/` of the unit (agents.md AG-ADP-1 place). */
  workDir: string;
  attempt: number;
  /** A stop request; defaults to `ctx.signal`. */
  signal?: AbortSignal;
  /** The built invocation, before the spawn (for `--verbose`, driver D-UI-5). */
  onInvocation?: (invocation: BackendInvocation) => void;
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
  /** The backend's normalized result (agents.md AG-RES-1); partial when the run was cut short. */
  result: AgentResult;
  /** Cost and tokens in the driver's vocabulary, or null without a terminal event (D-DISP-5). */
  usage: Usage | null;
  /** The RESULT block of the final text, with its own warnings. */
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

// Whether the backend read a terminal event (AG-RES-1 `hasTerminalEvent`, defaulting to `terminal`).
export function hasTerminalEvent(result: AgentResult): boolean {
  return result.hasTerminalEvent ?? result.terminal !== "none";
}

// The usage the cost records and the zero-token guard read (D-COST-1, D-ATT-5 step 4), or null without a terminal event.
export function usageOfResult(result: AgentResult): Usage | null {
  if (!hasTerminalEvent(result)) return null;
  const usage: Usage = {};
  if (result.costUsd !== undefined) usage.cost_usd = result.costUsd;
  const u = result.usage;
  if (u.input !== undefined) usage.input_tokens = u.input;
  if (u.output !== undefined) usage.output_tokens = u.output;
  if (u.cacheRead !== undefined) usage.cache_read_input_tokens = u.cacheRead;
  if (u.cacheWrite !== undefined)
    usage.cache_creation_input_tokens = u.cacheWrite;
  return usage;
}

// The D-DISP-6 warnings about what the agent reported; the denial hint is the backend's.
export function dispatchWarnings(
  result: AgentResult,
  process: ProcessResult,
  permissionHint: string | undefined,
): string[] {
  const warnings: string[] = [];
  if (result.isError && result.isErrorReported !== false)
    warnings.push(
      `the agent reported an error (is_error${result.subtype !== undefined ? `, subtype ${result.subtype}` : ""})`,
    );
  const denials = result.permissionDenials;
  if (denials.length > 0)
    warnings.push(
      // Git write commands are denied on purpose (the driver commits): no advice to allow them (issue 17 point 12).
      `the agent was denied ${denials.length} tool call${denials.length === 1 ? "" : "s"} (${[...new Set(denials)].join(", ")}); denying git write commands is by design (specfuse commits the work)${permissionHint === undefined ? "" : `, so allow only other tools it needs, in ${permissionHint}`}`,
    );
  const isCutShort =
    process.timedOut ||
    process.inactive ||
    process.canceled ||
    process.hasLingered;
  if (
    !hasTerminalEvent(result) &&
    !isCutShort &&
    process.spawnError === null &&
    process.failed
  )
    warnings.push(`the agent ${process.shortMessage} and printed no result`);
  return warnings;
}

// Runs the agent once through exec/ with its limits, and reads what it reported (driver §12, agents.md §2–3).
export async function dispatchAgent(
  request: DispatchRequest,
  ctx: Pick<
    Context,
    "env" | "packageRoot" | "signal" | "timings" | "monotonicMs"
  >,
): Promise<DispatchResult> {
  const { backend } = request;
  const invocation = backend.buildInvocation(request.unit, request.prompt, {
    cwd: request.cwd,
    workDir: request.workDir,
    attempt: request.attempt,
    home: ctx.env.HOME ?? "",
  });
  request.onInvocation?.(invocation);
  for (const f of invocation.files) await writeFileAtomic(f.path, f.content);
  const env = {
    ...buildAgentEnv({
      env: ctx.env,
      envRemove: invocation.envRemove,
      packageRoot: ctx.packageRoot,
      cwd: request.cwd,
      unitId: request.unit.id,
      attempt: request.attempt,
      featureDir: request.featureDir,
      platform: process.platform,
    }),
    ...invocation.env,
  };
  const process_ = await spawnAgent(request, invocation, env, ctx);
  const result = backend.finish(
    process_.stdout,
    process_.stderr,
    process_.exitCode,
  );
  return {
    file: invocation.file,
    args: invocation.args,
    process: process_,
    result,
    usage: usageOfResult(result),
    resultBlock: parseResultBlock(result.finalText),
    durationMs: process_.durationMs,
    timeout: timeoutOf(process_, request.limits),
    isInterrupted: process_.canceled,
    spawnError: process_.spawnError,
    warnings: dispatchWarnings(result, process_, backend.permissionHint),
    stderrTail: process_.stderr,
  };
}

// The spawn itself: the backend's reader sees each stdout line once, for activity and the terminal-line watch.
function spawnAgent(
  request: DispatchRequest,
  invocation: BackendInvocation,
  env: Record<string, string | undefined>,
  ctx: Pick<Context, "signal" | "timings" | "monotonicMs">,
): Promise<ProcessResult> {
  const reader = request.backend.createReader();
  let isLastTerminal = false;
  return runProcess(
    {
      file: invocation.file,
      args: invocation.args,
      cwd: request.cwd,
      env,
      stdin: invocation.stdin,
    },
    {
      timings: ctx.timings,
      wallClockMs: request.limits.wallClockMs,
      inactivityMs: request.limits.inactivityMs,
      signal: request.signal ?? ctx.signal,
      stderrLimitBytes: STDERR_TAIL_BYTES,
      monotonicMs: () => ctx.monotonicMs(),
      ...(request.onSpawn !== undefined ? { onSpawn: request.onSpawn } : {}),
      onStdoutLine: (line) => {
        const seen = reader.push(line);
        isLastTerminal = seen.isTerminal;
        if (seen.activity !== null) request.onActivity?.(seen.activity);
      },
      // exec asks right after onStdoutLine for the same line.
      isTerminalLine: () => isLastTerminal,
    },
  );
}

function timeoutOf(
  result: ProcessResult,
  limits: DispatchRequest["limits"],
): AgentTimeout | null {
  if (result.timedOut)
    return { kind: "wall_clock", limitSeconds: limits.wallClockMs / 1000 };
  if (result.inactive)
    return { kind: "inactivity", limitSeconds: limits.inactivityMs / 1000 };
  return null;
}
