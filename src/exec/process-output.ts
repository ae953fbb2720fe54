import { StringDecoder } from "node:string_decoder";
import { createCapture, type Capture } from "./capture.js";
import { openOutputFile, type OutputFile } from "./output-file.js";
import {
  createLineSplitter,
  createTailBuffer,
  type LineSplitter,
  type TailBuffer,
} from "./output-buffer.js";

// stdout kept in memory by default: the newest 8 MiB (the full stream goes to `outputFile` when one is given).
export const STDOUT_WINDOW_BYTES = 8 * 1024 * 1024;
// stderr kept in memory by default (the newest bytes).
export const STDERR_WINDOW_BYTES = 262_144;
// Merged output kept in memory by default without capture (the newest bytes).
export const ALL_WINDOW_BYTES = 1_048_576;

/** How one run keeps its output. */
export interface OutputOptions {
  isMerged: boolean;
  isCaptured: boolean;
  stdoutLimitBytes: number;
  stderrLimitBytes: number;
  allLimitBytes: number;
  maxLineBytes?: number;
  outputFile?: string;
  outputFileLimitBytes?: number;
}

/** The bounded in-memory windows of one run, plus its full-output file. */
export interface ProcessOutput {
  lines: LineSplitter;
  /** Records a stdout chunk; false asks the caller to pause until `file.onDrain`. */
  stdout(chunk: Buffer): boolean;
  /** Records a stderr chunk and returns its decoded text; see `stdout` for the pause. */
  stderr(chunk: Buffer): { text: string; isWritable: boolean };
  file: OutputFile | null;
  texts(): {
    stdout: string;
    stderr: string;
    all: string;
    droppedBytes: number;
  };
  /** The EV-CAP-1 capture's figures (merged and captured runs only). */
  capture: Capture | null;
}

// Sets up the windows: stdout and stderr apart, or merged into `all` (a plain tail, or the EV-CAP-1 capture).
export function createProcessOutput(o: OutputOptions): ProcessOutput {
  const out: TailBuffer | null = o.isMerged
    ? null
    : createTailBuffer(o.stdoutLimitBytes);
  const err: TailBuffer | null = o.isMerged
    ? null
    : createTailBuffer(o.stderrLimitBytes);
  const capture = o.isMerged && o.isCaptured ? createCapture() : null;
  const all: TailBuffer | null =
    o.isMerged && !o.isCaptured ? createTailBuffer(o.allLimitBytes) : null;
  const file =
    o.outputFile === undefined
      ? null
      : openOutputFile(o.outputFile, o.outputFileLimitBytes);
  const decoder = new StringDecoder("utf8");
  const merged = (chunk: Buffer) => {
    capture?.push(chunk);
    all?.push(chunk);
  };
  return {
    lines: createLineSplitter(o.maxLineBytes),
    stdout(chunk) {
      out?.push(chunk);
      merged(chunk);
      return file === null || file.write(chunk);
    },
    stderr(chunk) {
      err?.push(chunk);
      merged(chunk);
      const isWritable = file === null || file.write(chunk);
      return { text: decoder.write(chunk), isWritable };
    },
    file,
    texts() {
      const allText =
        capture !== null ? capture.result().text : (all?.text() ?? "");
      return {
        stdout: out?.text() ?? "",
        stderr: err?.text() ?? "",
        all: allText,
        droppedBytes: o.isMerged
          ? (capture?.result().elidedBytes ?? all?.droppedBytes() ?? 0)
          : (err?.droppedBytes() ?? 0),
      };
    },
    capture,
  };
}
