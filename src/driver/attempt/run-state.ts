import { mkdirSync, readFileSync, unlinkSync } from "node:fs";
import { mkdir, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { SpecfuseError } from "../../errors/specfuse-error.js";
import { compileSchema } from "../../schemas/ajv.js";
import { RUN_STATE_KEYS, RUN_STATE_SCHEMA } from "../../schemas/run-state.js";
import {
  writeFileAtomic,
  writeFileAtomicSync,
} from "../../workspace/write-file-atomic.js";
import type { FailureSignature, Outcome } from "../../types/outcome.js";
import { checkpointFile } from "../../workspace/work-paths.js";
import type { RunScope } from "../scope/run-scope.js";
import type { FrontmatterValue } from "../../yaml/format-yaml-value.js";

/** The driver's crash checkpoint, `<feature>/work/run-state.json` (formats.md F-RUN-1, driver D-REC-1). */
export interface RunState {
  version: 1;
  /** The driver's pid. */
  pid: number;
  host: string;
  /** When the driver started the cycle, ISO-8601 UTC. */
  started_at: string;
  /** The feature folder, repo-relative POSIX. */
  feature_dir: string;
  /** The unit's graph id. */
  wu_id: string;
  gate: number;
  /** The attempt in flight (or last finished). */
  attempt: number;
  /** The attempt this cycle (this run) started at. */
  start_attempt: number;
  max_attempts: number;
  /** HEAD before the attempt: recovery restores to it. */
  head_before: string;
  branch: string;
  /** Non-ignored untracked paths before the attempt; restores keep them (F-RUN-2). */
  untracked_before: string[];
  /** The driver-owned frontmatter keys written this cycle and their values, re-applied after a restore. */
  driver_keys: Record<string, FrontmatterValue>;
  outcomes: Array<{ attempt: number; outcome: Outcome }>;
  /** The last recorded failure signature (driver D-SPIN-3), or null. */
  prior_signature: FailureSignature | null;
  /** The agent's process group, once spawned. */
  agent_pgid: number | null;
  /** The agent executable, to recognise a surviving group (D-REC-3). */
  agent_exe: string | null;
}

// Where a feature's checkpoint lives, absolute (the name is work-paths' `checkpointFile`).
export function runStatePath(featureAbsDir: string): string {
  return path.join(
    path.dirname(featureAbsDir),
    checkpointFile(path.basename(featureAbsDir)),
  );
}

// The checkpoint as written: F-RUN-1 key order, 2-space JSON, final newline.
export function formatRunState(state: RunState): string {
  const ordered: Record<string, unknown> = {};
  for (const key of RUN_STATE_KEYS) ordered[key] = state[key];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

// Writes the checkpoint atomically, creating `work/` when needed.
export async function writeRunState(
  file: string,
  state: RunState,
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, formatRunState(state));
}

// The synchronous form, for a signal handler.
export function writeRunStateSync(file: string, state: RunState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomicSync(file, formatRunState(state));
}

// Reads the checkpoint: null when there is none; run_state_unsupported (65) for an unknown version or a broken file (F-RUN-3).
export async function readRunState(
  file: string,
  display: string = file,
): Promise<RunState | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  return parseRunState(text, display);
}

// The synchronous form of readRunState.
export function readRunStateSync(
  file: string,
  display: string = file,
): RunState | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  return parseRunState(text, display);
}

// Deletes the checkpoint; a missing one is fine.
export async function deleteRunState(file: string): Promise<void> {
  await unlink(file).catch((error: unknown) => {
    if (!isMissing(error)) throw error;
  });
}

// The synchronous form, for a signal handler.
export function deleteRunStateSync(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

// Validates checkpoint text; throws run_state_unsupported naming the file.
export function parseRunState(text: string, display: string): RunState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw unsupported(
      display,
      "it is not valid JSON (a torn or hand-edited file?)",
      error,
    );
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (
    typeof value !== "object" ||
    value === null ||
    Array.isArray(value) ||
    version === undefined
  )
    throw unsupported(display, "it has no version field");
  if (version !== 1)
    throw unsupported(
      display,
      `its version is ${JSON.stringify(version)}; this specfuse reads version 1`,
    );
  const validate = compileSchema(RUN_STATE_SCHEMA);
  if (!validate(value)) {
    const e = validate.errors?.[0];
    const where =
      e === undefined
        ? ""
        : `${e.instancePath || "the root"} ${e.message ?? "is invalid"}`;
    throw unsupported(
      display,
      `it does not have the version 1 shape: ${where}`,
    );
  }
  return value as unknown as RunState;
}

function unsupported(
  display: string,
  why: string,
  cause?: unknown,
): SpecfuseError {
  return new SpecfuseError({
    code: "run_state_unsupported",
    message: `cannot use the run checkpoint ${display}`,
    file: display,
    detail: why,
    hint: `if no specfuse run is active, move ${display} aside and run again: an in_progress unit is then recovered without its checkpoint`,
    cause,
  });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}

/** The checkpoint of the attempt in flight (driver D-REC-1). */
export interface CheckpointHandle {
  state: RunState;
  /** Writes a change at once (synchronously, so a kill right after still finds it). */
  update(patch: Partial<RunState>): void;
  /** The bytes on disk now, the driver's copy for protection checks. */
  bytes(): Uint8Array;
}

// Writes the checkpoint before the agent is spawned (D-REC-1) and returns a handle for later updates.
export async function writeCheckpoint(
  featureAbsDir: string,
  state: RunState,
): Promise<CheckpointHandle> {
  const file = runStatePath(featureAbsDir);
  await writeRunState(file, state);
  return {
    state,
    update(patch) {
      Object.assign(state, patch);
      writeRunStateSync(file, state);
    },
    bytes: () => Buffer.from(formatRunState(state), "utf8"),
  };
}

// Deletes the checkpoint when the cycle ends (D-REC-1).
export async function clearCheckpoint(
  scope: Pick<RunScope, "feature" | "ctx">,
): Promise<void> {
  await deleteRunState(runStatePath(scope.feature.absDir));
  scope.ctx.log.debug("checkpoint deleted");
}
