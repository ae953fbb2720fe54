import type { ProcessResult } from "../types/process-result.js";
import { plainDecimal } from "../yaml/format-number.js";
import type { ContainmentKind } from "./containment.js";

/** Why a run ended: on its own, or which kill trigger fired first. */
export type EndReason =
  | "exited"
  | "spawn_error"
  | "canceled"
  | "timed_out"
  | "inactive"
  | "lingered"
  | "orphan_pipes";

/** Everything known at the end of a run, before the flags are derived. */
export interface RunFacts {
  reason: EndReason;
  command: string;
  cwd: string;
  durationMs: number;
  stdout: string;
  stderr: string;
  all: string;
  droppedBytes: number;
  pid: number | null;
  exitCode?: number | null;
  signal?: string | null;
  /** An abort arrived at any point, even after another trigger. */
  canceled?: boolean;
  spawnError?: string | null;
  /** The limit or grace period behind `reason`, in ms. */
  limitMs?: number;
  /** Where the full output was written, when it was. */
  outputFile?: string | null;
  /** How the run was contained. */
  containment?: ContainmentKind;
  /** Processes the run left behind that the sweep killed. */
  strayCount?: number;
}

const seconds = (ms: number) => `${plainDecimal(Math.round(ms) / 1000)}s`;

const SPAWN_HINTS: Record<string, string> = {
  ENOENT: "not found",
  EACCES: "permission denied (is it executable?)",
};

// `; 2 processes it left running were killed`, or nothing.
function leftovers(count: number): string {
  if (count === 0) return "";
  return `; ${count} process${count === 1 ? "" : "es"} it left running ${count === 1 ? "was" : "were"} killed`;
}

function endedHow(exitCode: number | null, signal: string | null): string {
  if (signal !== null) return `killed by ${signal}`;
  if (exitCode !== null) return `exited with code ${exitCode}`;
  return "did not report an exit status";
}

// Derives the ProcessResult flags and its one-line message from how a run ended.
export function describeRun(facts: RunFacts): ProcessResult {
  const exitCode = facts.exitCode ?? null;
  const signal = facts.signal ?? null;
  const spawnError = facts.spawnError ?? null;
  const reason = facts.reason;
  const limit = seconds(facts.limitMs ?? 0);
  const messages: Record<EndReason, string> = {
    exited: `${endedHow(exitCode, signal)}${leftovers(facts.strayCount ?? 0)}`,
    spawn_error: `could not start: ${spawnError ?? "unknown error"}${spawnError !== null && SPAWN_HINTS[spawnError] !== undefined ? ` (${SPAWN_HINTS[spawnError]})` : ""}`,
    canceled:
      facts.pid === null
        ? "not started: a stop was requested"
        : "stopped on request; process group killed",
    timed_out: `timed out after ${limit}; process group killed`,
    inactive: `no output for ${limit}; process group killed`,
    lingered: `printed its result but was still running ${limit} later; process group killed`,
    orphan_pipes: `${endedHow(exitCode, signal)}, but descendants held its output open for ${limit}; process group killed`,
  };
  const timedOut = reason === "timed_out";
  const inactive = reason === "inactive";
  const canceled = reason === "canceled" || facts.canceled === true;
  const failed =
    spawnError !== null ||
    timedOut ||
    inactive ||
    canceled ||
    signal !== null ||
    exitCode !== 0;
  return {
    command: facts.command,
    cwd: facts.cwd,
    durationMs: facts.durationMs,
    exitCode,
    signal,
    failed,
    timedOut,
    inactive,
    canceled,
    stdout: facts.stdout,
    stderr: facts.stderr,
    all: facts.all,
    shortMessage: messages[reason],
    pid: facts.pid,
    spawnError,
    hasLingered: reason === "lingered",
    hasOrphanPipes: reason === "orphan_pipes",
    droppedBytes: facts.droppedBytes,
    outputFile: facts.outputFile ?? null,
    containment: facts.containment ?? "group",
    strayCount: facts.strayCount ?? 0,
  };
}
