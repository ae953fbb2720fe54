/** A writable text sink; the process streams in production, string buffers in tests. */
export interface TextSink {
  write(text: string): void;
  isTTY: boolean;
  columns: number | undefined;
  /** Resolves once everything written so far has been handed to the OS. */
  flush(): Promise<void>;
}

interface NodeWritable {
  write(chunk: string, cb?: (err?: Error | null) => void): boolean;
  isTTY?: boolean;
  columns?: number;
  on(event: "error", listener: (err: NodeJS.ErrnoException) => void): unknown;
}

// Wraps a process stream so that a closed pipe (EPIPE, `| head`) stops output quietly (cli.md C-OUT-5).
export function wrapStream(stream: NodeWritable): TextSink {
  let isClosed = false;
  let pending: Promise<void> = Promise.resolve();
  stream.on("error", (err) => {
    if (err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED")
      isClosed = true;
  });
  return {
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.columns;
    },
    write(text: string) {
      if (isClosed || text === "") return;
      pending = new Promise((resolve) => {
        stream.write(text, () => resolve());
      });
    },
    flush() {
      return isClosed ? Promise.resolve() : pending;
    },
  };
}

/** A sink that records what was written; used by tests and by `--json` capture. */
export interface BufferSink extends TextSink {
  text(): string;
}

// An in-memory sink, optionally pretending to be a TTY of a given width.
export function bufferSink(
  options: { isTTY?: boolean; columns?: number } = {},
): BufferSink {
  const chunks: string[] = [];
  return {
    isTTY: options.isTTY ?? false,
    columns: options.columns,
    write(text: string) {
      chunks.push(text);
    },
    flush: () => Promise.resolve(),
    text: () => chunks.join(""),
  };
}

// The two process streams, wrapped; the only place that touches process.stdout/stderr (A-IO-1).
export function processSinks(): { stdout: TextSink; stderr: TextSink } {
  return {
    stdout: wrapStream(process.stdout),
    stderr: wrapStream(process.stderr),
  };
}
