import path from "node:path";
import type { BackendFile, BackendPlace } from "../backend.js";

// An `arg` prompt larger than this goes as a file the argument names (AG-PROC-1).
export const ARG_PROMPT_MAX_BYTES = 96 * 1024;

// `<F>/work/<key>/attempt-<a>.prompt.md`: where a `file` prompt is written (AG-PROC-1).
export function promptFilePath(place: BackendPlace): string {
  return path.join(place.workDir, `attempt-${place.attempt}.prompt.md`);
}

/** A prompt delivered as a file: its path and the file to write. */
export interface PromptFile {
  path: string;
  file: BackendFile;
}

// The prompt as a file in the unit's work folder.
export function promptAsFile(prompt: string, place: BackendPlace): PromptFile {
  const file = promptFilePath(place);
  return { path: file, file: { path: file, content: prompt } };
}

/** A prompt delivered as the last argument, with the file it refers to when too large. */
export interface PromptArg {
  arg: string;
  files: BackendFile[];
}

// The prompt as one argument; over 96 KiB, an instruction to read the prompt file instead (AG-PROC-1).
export function promptAsArg(prompt: string, place: BackendPlace): PromptArg {
  if (Buffer.byteLength(prompt, "utf8") <= ARG_PROMPT_MAX_BYTES)
    return { arg: prompt, files: [] };
  const { path: file, file: written } = promptAsFile(prompt, place);
  return {
    arg: `Read and carry out the instructions in ${file}.`,
    files: [written],
  };
}
