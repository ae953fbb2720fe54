import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import path from "node:path";

// Default cap on a full-output file: a flood fills the log up to here, not the disk.
export const OUTPUT_FILE_LIMIT_BYTES = 1024 * 1024 * 1024;

/** A file that receives a process's full output as it arrives, with backpressure and a size cap. */
export interface OutputFile {
  path: string;
  /** Appends a chunk; false when the caller should pause its sources until `onDrain`. */
  write(chunk: Buffer): boolean;
  onDrain(listener: () => void): void;
  /** Bytes written (at most the cap). */
  bytes(): number;
  /** Flushes and closes; null when the file could not be written (the error's code). */
  close(): Promise<string | null>;
}

// Opens (truncates) a full-output file, creating its directory; past the cap a final note replaces the rest.
export function openOutputFile(
  file: string,
  limitBytes: number = OUTPUT_FILE_LIMIT_BYTES,
): OutputFile {
  let error: string | null = null;
  let stream: WriteStream | null = null;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    stream = createWriteStream(file, { flags: "w" });
    stream.on("error", (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? "EIO";
    });
  } catch (e) {
    error = (e as NodeJS.ErrnoException).code ?? "EIO";
  }
  let written = 0;
  let dropped = 0;
  return {
    path: file,
    write(chunk) {
      if (stream === null || error !== null) return true;
      const room = limitBytes - written;
      if (room <= 0) {
        dropped += chunk.length;
        return true;
      }
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      written += part.length;
      dropped += chunk.length - part.length;
      return stream.write(part);
    },
    onDrain(listener) {
      // A failing disk must not leave the sources paused: an error resumes them too (and writing stops).
      const s = stream;
      if (s === null || error !== null) return listener();
      const done = () => {
        s.off("drain", done);
        s.off("error", done);
        listener();
      };
      s.once("drain", done);
      s.once("error", done);
    },
    bytes: () => written,
    close() {
      const s = stream;
      if (s === null) return Promise.resolve(error);
      if (dropped > 0 && error === null)
        s.write(
          `\n[specfuse: output file cut at ${written} bytes; ${dropped} more bytes not written]\n`,
        );
      return new Promise((resolve) => s.end(() => resolve(error)));
    },
  };
}
