import type { ProcessOutput } from "./process-output.js";
import type { Child } from "./start-child.js";

/** What the stream handlers report back to the supervisor. */
export interface StreamHooks {
  onActivity(): void;
  onLine(line: string): void;
  onClosed(): void;
  onStderr?: (text: string) => void;
}

// Feeds both pipes into the output windows and the file, pausing them while the file catches up.
export function watchStreams(
  child: Child,
  output: ProcessOutput,
  hooks: StreamHooks,
): void {
  const resume = () => {
    child.stdout.resume();
    child.stderr.resume();
  };
  const pause = () => {
    child.stdout.pause();
    child.stderr.pause();
    output.file?.onDrain(resume);
  };
  child.stdout.on("data", (chunk: Buffer) => {
    if (!output.stdout(chunk)) pause();
    const complete = output.lines.push(chunk);
    if (complete.length > 0) hooks.onActivity();
    complete.forEach(hooks.onLine);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    const { text, isWritable } = output.stderr(chunk);
    if (!isWritable) pause();
    if (chunk.length > 0) hooks.onActivity();
    if (text !== "") hooks.onStderr?.(text);
  });
  for (const stream of [child.stdout, child.stderr]) {
    let isOpen = true;
    const closed = () => {
      if (!isOpen) return;
      isOpen = false;
      if (stream === child.stdout) {
        const last = output.lines.flush();
        if (last !== null) hooks.onLine(last);
      }
      hooks.onClosed();
    };
    stream.once("end", closed);
    stream.once("close", closed);
    stream.once("error", closed);
  }
}
