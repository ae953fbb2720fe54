import path from "node:path";
import type { Containment } from "../exec/containment.js";
import { runProcess } from "../exec/run-process.js";
import { shellInvocation } from "../exec/shell-command.js";
import type { Verification } from "../types/config.js";
import type { Context } from "../types/context.js";
import type { ProcessResult } from "../types/process-result.js";
import { buildCheckEnv } from "./check-env.js";
import { buildEvidence, GATE_TAIL_LINES, tailLines } from "./evidence.js";
import { planGates, type PlannedGate } from "./plan-gates.js";

/** One attempt's verification to run (driver §15). */
export interface CheckRequest {
  /** verification.yml as committed at `head_before` (D-VER-1). */
  verification: Verification;
  unitType: string;
  extraGates: readonly string[];
  repoRoot: string;
  /** `<F>`, repo-relative. */
  featureDir: string;
  unitId: string;
  /** The WU file, repo-relative (SPECFUSE_WU_FILE). */
  wuFile: string;
  /** A stop request; defaults to `ctx.signal`. Remaining gates are skipped once it fires. */
  signal?: AbortSignal;
  /** Called before each gate, for the `verifying <gate> (i/n)` phase (D-UI-2). */
  onGate?: (progress: { name: string; index: number; total: number }) => void;
  /** The attempt's container (the agent's too), swept after each gate; absent: one per gate. */
  containment?: Containment;
  /** Each gate's full output is streamed to `<outputDir>/check-<i>.log` (`process.outputFile`); absent: only the EV-CAP-1 capture is kept. */
  outputDir?: string;
}

/** One gate's result. */
export interface GateResult extends PlannedGate {
  isPassed: boolean;
  isTimedOut: boolean;
  exitCode: number | null;
  durationMs: number;
  /** The last 15 cleaned lines, for --verbose tails of passing gates (D-UI-5). */
  tail: string[];
  process: ProcessResult;
}

/** The verdict of one attempt's verification. */
export interface CheckReport {
  /** Every gate ran and exited 0. */
  isPassed: boolean;
  gates: GateResult[];
  /** Names of the gates that ran, in order. */
  names: string[];
  /** The note of a failed attempt: blocks of D-VER-5, or the CONFIGURATION ERROR text. */
  evidence: string;
  /** The set that was missing or empty at run time (D-VER-2), else null. */
  configErrorSet: string | null;
  /** A stop was requested; the gates after it did not run. */
  isInterrupted: boolean;
}

// Runs every gate in order through /bin/sh -c, with no short-circuit, each in its own group and container with
// its own limit (D-VER-2..5); nothing a gate starts outlives it (issue 9).
export async function runChecks(
  request: CheckRequest,
  ctx: Pick<
    Context,
    "env" | "packageRoot" | "signal" | "timings" | "monotonicMs"
  >,
): Promise<CheckReport> {
  const plan = planGates(
    request.verification,
    request.unitType,
    request.extraGates,
    request.featureDir,
    process.platform,
  );
  if (!plan.ok)
    return {
      isPassed: false,
      gates: [],
      names: [],
      evidence: plan.evidence,
      configErrorSet: plan.setName,
      isInterrupted: false,
    };
  const env = buildCheckEnv({
    env: ctx.env,
    packageRoot: ctx.packageRoot,
    repoRoot: request.repoRoot,
    featureDir: request.featureDir,
    unitId: request.unitId,
    wuFile: request.wuFile,
    platform: process.platform,
  });
  const signal = request.signal ?? ctx.signal;
  const results: GateResult[] = [];
  let isInterrupted = false;
  for (const [i, gate] of plan.gates.entries()) {
    if (signal.aborted) {
      isInterrupted = true;
      break;
    }
    request.onGate?.({
      name: gate.name,
      index: i + 1,
      total: plan.gates.length,
    });
    const shell = shellInvocation(gate.command, process.platform, env.ComSpec);
    const result = await runProcess(
      { ...shell, cwd: request.repoRoot, env, stdin: null },
      {
        timings: ctx.timings,
        wallClockMs: gate.timeoutSeconds * 1000,
        signal,
        isMerged: true,
        // EV-CAP-1: the cleaned first 256 KiB and last 768 KiB; a gate is over when its shell exits.
        isCaptured: true,
        isOverAtExit: true,
        monotonicMs: () => ctx.monotonicMs(),
        ...(request.containment === undefined
          ? {}
          : { containment: request.containment }),
        ...(request.outputDir === undefined
          ? {}
          : { outputFile: path.join(request.outputDir, `check-${i + 1}.log`) }),
      },
    );
    if (result.canceled) isInterrupted = true;
    results.push({
      ...gate,
      isPassed: !result.failed,
      isTimedOut: result.timedOut,
      exitCode: result.exitCode,
      durationMs: result.durationMs,
      tail: tailLines(result.all, GATE_TAIL_LINES),
      process: result,
    });
  }
  return {
    isPassed:
      !isInterrupted &&
      results.length === plan.gates.length &&
      results.every((r) => r.isPassed),
    gates: results,
    names: results.map((r) => r.name),
    evidence: buildEvidence(
      results.map((r) => ({
        name: r.name,
        command: r.command,
        isPassed: r.isPassed,
        isTimedOut: r.isTimedOut,
        timeoutSeconds: r.timeoutSeconds,
        output: r.process.all,
      })),
    ),
    configErrorSet: null,
    isInterrupted,
  };
}
