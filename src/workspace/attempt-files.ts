import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import {
  attemptFile,
  noteAttempt,
  unitWorkDir,
  type AttemptFileKind,
} from "./work-paths.js";
import { writeFileAtomic } from "./write-file-atomic.js";

// How much of an agent's stderr is kept (formats.md F-RUN-4).
export const STDERR_TAIL_BYTES = 64 * 1024;

/** The files of one attempt under `<F>/work/<work-key>/` (formats.md F-RUN-4). */
export interface AttemptPaths {
  dir: string;
  /** `attempt-<n>.md`: the note of a non-passing attempt; committed with an escalation. */
  note: string;
  /** `attempt-<n>.prompt.md`: the prompt sent on stdin; never committed. */
  prompt: string;
  /** `attempt-<n>.agent.jsonl`: the agent's raw stdout; never committed. */
  transcript: string;
  /** `attempt-<n>.agent-stderr.log`: the last 64 KiB of stderr; never committed. */
  stderr: string;
}

/** A note read back from disk. */
export interface AttemptNote {
  attempt: number;
  text: string;
  /** Absolute path. */
  file: string;
}

// The scratch folder of one unit: `<F>/work/<work-key>/` (F-ID-3 work key), absolute.
export function attemptDir(featureAbsDir: string, wuId: string): string {
  return path.join(
    path.dirname(featureAbsDir),
    unitWorkDir(path.basename(featureAbsDir), wuId),
  );
}

// The four file paths of one attempt, absolute.
export function attemptPaths(
  featureAbsDir: string,
  wuId: string,
  attempt: number,
): AttemptPaths {
  const base = path.dirname(featureAbsDir);
  const dir = path.basename(featureAbsDir);
  const at = (kind: AttemptFileKind) =>
    path.join(base, attemptFile(dir, wuId, attempt, kind));
  return {
    dir: attemptDir(featureAbsDir, wuId),
    note: at("note"),
    prompt: at("prompt"),
    transcript: at("transcript"),
    stderr: at("stderr"),
  };
}

// Writes the note of a non-passing attempt in UTF-8 (F-RUN-4, driver D-OUT-1) and returns its path.
export async function writeAttemptNote(
  featureAbsDir: string,
  wuId: string,
  attempt: number,
  note: string,
): Promise<string> {
  const paths = attemptPaths(featureAbsDir, wuId, attempt);
  await mkdir(paths.dir, { recursive: true });
  await writeFileAtomic(paths.note, note);
  return paths.note;
}

/** The dispatch records of one attempt; each is written only when given. */
export interface AgentRecords {
  prompt?: string;
  /** The agent's whole stdout. */
  stdout?: string;
  /** The agent's whole stderr; only its last 64 KiB are kept. */
  stderr?: string;
}

// Writes the prompt, the raw stdout and the stderr tail of one attempt (F-RUN-4, driver D-DISP-6).
export async function writeAgentRecords(
  featureAbsDir: string,
  wuId: string,
  attempt: number,
  records: AgentRecords,
): Promise<AttemptPaths> {
  const paths = attemptPaths(featureAbsDir, wuId, attempt);
  await mkdir(paths.dir, { recursive: true });
  const writes: Array<Promise<void>> = [];
  if (records.prompt !== undefined)
    writes.push(writeFileAtomic(paths.prompt, records.prompt));
  if (records.stdout !== undefined)
    writes.push(writeFileAtomic(paths.transcript, records.stdout));
  if (records.stderr !== undefined)
    writes.push(
      writeFileAtomic(
        paths.stderr,
        tailUtf8(records.stderr, STDERR_TAIL_BYTES),
      ),
    );
  await Promise.all(writes);
  return paths;
}

// The last `maxBytes` bytes of a text's UTF-8 form, cut at a character boundary.
export function tailUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let start = bytes.length - maxBytes;
  while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++;
  return bytes.subarray(start).toString("utf8");
}

// The notes on disk for a unit, by attempt number, only those before `before` when given (driver D-ATT-1).
export async function readAttemptNotes(
  featureAbsDir: string,
  wuId: string,
  options: { before?: number } = {},
): Promise<AttemptNote[]> {
  const dir = attemptDir(featureAbsDir, wuId);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw error;
  }
  const numbers = names
    .map(noteAttempt)
    .filter((n): n is number => n !== null)
    .filter((n) => options.before === undefined || n < options.before)
    .sort((a, b) => a - b);
  return Promise.all(
    numbers.map(async (attempt) => {
      const file = attemptPaths(featureAbsDir, wuId, attempt).note;
      return { attempt, file, text: await readFile(file, "utf8") };
    }),
  );
}

// Removes a unit's scratch folder, so a cycle that starts again at attempt 1 reads no stale notes.
export async function clearAttemptFiles(
  featureAbsDir: string,
  wuId: string,
): Promise<void> {
  await rm(attemptDir(featureAbsDir, wuId), { recursive: true, force: true });
}
