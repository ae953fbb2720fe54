import type { AgentBackend } from "../agent/backend.js";
import type { Repo } from "../git/repo.js";
import type { ProgressOptions } from "../output/progress.js";
import type { FeatureModel, GateModel } from "../plan/feature-model.js";
import type { Config, Verification } from "../types/config.js";
import type { Context } from "../types/context.js";
import type { InterruptCause } from "../types/outcome.js";
import type { EventLog } from "./event-log.js";
import type { Decor } from "./narrate.js";

/** Run options that reach the attempt loop (cli.md §3.3). */
export interface RunCli {
  maxAttempts: number | undefined;
  timeoutMinutes: number | undefined;
  /** `--force-full-close` named this feature (D-AC-5). */
  isForceFullClose: boolean;
}

/** One attempt as `--json` reports it (D-CLI-4). */
export interface AttemptReport {
  attempt: number;
  outcome: string;
  duration_seconds: number;
  cost_usd: number;
}

/** One unit as `--json` reports it (D-CLI-4). */
export interface UnitReport {
  id: string;
  type: string;
  /** passed, escalated, auto_closed, interrupted or not_dispatched. */
  result: string;
  commit: string | null;
  attempts: AttemptReport[];
}

/** The close unit remembered for the terminal flips (D-PASS-7, D-AC-7). */
export interface RememberedClose {
  id: string;
  file: string;
  type: string;
}

/** Everything one real run shares between the walk, the units and the attempts. */
export interface RunSession {
  ctx: Context;
  root: string;
  repo: Repo;
  config: Config;
  /** verification.yml as committed at the walk's start; protection keeps it unchanged (D-VER-1). */
  verification: Verification;
  featureId: string;
  /** `<F>`, repo-relative. */
  featureDir: string;
  absFeatureDir: string;
  branch: string;
  model: FeatureModel;
  gate: GateModel;
  events: EventLog;
  adapter: AgentBackend;
  agentExe: string;
  cli: RunCli;
  /** Aborted with an InterruptCause on a signal or a lost lock (D-ATT-5 step 2). */
  stop: AbortController;
  decor: Decor;
  progress: Omit<ProgressOptions, "mode"> & { mode: ProgressOptions["mode"] };
  units: UnitReport[];
  remembered: RememberedClose | null;
  /** Whether anything was dispatched or auto-closed this run (D-END-1). */
  hasProgress: boolean;
  escalated: string[];
  /** Agent process groups alive right now, killed on a forced exit (D-SIGNAL-4). */
  activePgids: Set<number>;
}

// The stop request, if any: a signal or a lost lock.
export function stopCause(s: RunSession): InterruptCause | null {
  return s.stop.signal.aborted
    ? (s.stop.signal.reason as InterruptCause)
    : null;
}

// Writes one narration line (stdout, or stderr under --json; cli.md C-RUN-3).
export function say(s: RunSession, line: string): void {
  s.ctx.narration.result(line);
}

// The report entry of a unit, created on first use.
export function unitReport(
  s: RunSession,
  id: string,
  type: string,
): UnitReport {
  let r = s.units.find((u) => u.id === id);
  if (r === undefined) {
    r = { id, type, result: "not_dispatched", commit: null, attempts: [] };
    s.units.push(r);
  }
  return r;
}
