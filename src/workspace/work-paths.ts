import { workKeyOf } from "../plan/correlation-id.js";

// Every path under a feature's `work/` folder (formats.md F-RUN-1, F-RUN-4) is named here and nowhere else.
// Paths are POSIX and relative to the specfuse root unless a function says otherwise.

/** The files of one attempt under `<F>/work/<key>/` (formats.md F-RUN-4). */
export type AttemptFileKind = "note" | "prompt" | "transcript" | "stderr";

const SUFFIX: Readonly<Record<AttemptFileKind, string>> = {
  note: ".md",
  prompt: ".prompt.md",
  transcript: ".agent.jsonl",
  stderr: ".agent-stderr.log",
};

// Glob pathspec (root-relative) of every feature's scratch folder.
export const WORK_GLOB = ".specfuse/features/*/work/**";

const ANY_WORK_PATH = /^\.specfuse\/features\/[^/]+\/work(\/|$)/;
const NOTE_NAME = /^attempt-([1-9][0-9]*)\.md$/;

// `<F>/work`.
export function workDir(featureDir: string): string {
  return `${featureDir}/work`;
}

// `<F>/work/<key>`: one unit's scratch folder (F-ID-3 work key).
export function unitWorkDir(featureDir: string, wuId: string): string {
  return `${featureDir}/work/${workKeyOf(wuId)}`;
}

// `<F>/work/<key>/attempt-<n><suffix>`: one file of one attempt.
export function attemptFile(
  featureDir: string,
  wuId: string,
  attempt: number,
  kind: AttemptFileKind,
): string {
  return `${unitWorkDir(featureDir, wuId)}/attempt-${attempt}${SUFFIX[kind]}`;
}

// `<F>/work/run-state.json`: the crash checkpoint (F-RUN-1).
export function checkpointFile(featureDir: string): string {
  return `${featureDir}/work/run-state.json`;
}

// `<F>/work/report.html`: the self-contained picture of the run (`specfuse report`).
export function reportFile(featureDir: string): string {
  return `${workDir(featureDir)}/report.html`;
}

// Whether a root-relative path lies in some feature's `work/` folder.
export function isWorkPath(rootPath: string): boolean {
  return ANY_WORK_PATH.test(rootPath);
}

// The attempt number of a note file name (`attempt-3.md` → 3), else null.
export function noteAttempt(name: string): number | null {
  const m = NOTE_NAME.exec(name);
  return m === null ? null : Number(m[1]);
}
