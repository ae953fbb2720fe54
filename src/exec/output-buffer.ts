/** Bytes kept from a stream: everything, or only the newest `limitBytes`. */
export interface TailBuffer {
  push(chunk: Buffer): void;
  /** The retained bytes as UTF-8, starting at a character boundary. */
  text(): string;
  /** Bytes dropped from the front so far. */
  droppedBytes(): number;
}

// Keeps the newest `limitBytes` of a byte stream (Infinity keeps all).
export function createTailBuffer(limitBytes = Infinity): TailBuffer {
  let chunks: Buffer[] = [];
  let size = 0;
  let dropped = 0;
  return {
    push(chunk) {
      chunks.push(chunk);
      size += chunk.length;
      if (size <= limitBytes) return;
      const joined = Buffer.concat(chunks);
      const cut = joined.length - limitBytes;
      chunks = [joined.subarray(cut)];
      dropped += cut;
      size = limitBytes;
    },
    text() {
      const joined = Buffer.concat(chunks);
      return dropped > 0 ? decodeFromBoundary(joined) : joined.toString("utf8");
    },
    droppedBytes: () => dropped,
  };
}

// Decodes bytes that may start inside a UTF-8 sequence, skipping the orphaned continuation bytes.
export function decodeFromBoundary(bytes: Buffer): string {
  let start = 0;
  while (start < bytes.length && start < 3) {
    const b = bytes[start] ?? 0;
    if ((b & 0xc0) !== 0x80) break;
    start += 1;
  }
  return bytes.subarray(start).toString("utf8");
}

/** Splits a byte stream into lines as chunks arrive. */
export interface LineSplitter {
  /** The complete lines in this chunk (without `\n` or a trailing `\r`). */
  push(chunk: Buffer): string[];
  /** The unterminated last line, if any. */
  flush(): string | null;
}

// Incremental line splitting on `\n` bytes, which never occur inside a UTF-8 sequence.
export function createLineSplitter(): LineSplitter {
  let pending: Buffer[] = [];
  const decode = (parts: Buffer[]) =>
    Buffer.concat(parts).toString("utf8").replace(/\r$/, "");
  return {
    push(chunk) {
      const lines: string[] = [];
      let from = 0;
      let nl = chunk.indexOf(0x0a, from);
      while (nl >= 0) {
        pending.push(chunk.subarray(from, nl));
        lines.push(decode(pending));
        pending = [];
        from = nl + 1;
        nl = chunk.indexOf(0x0a, from);
      }
      if (from < chunk.length) pending.push(chunk.subarray(from));
      return lines;
    },
    flush() {
      if (pending.length === 0) return null;
      const line = decode(pending);
      pending = [];
      return line;
    },
  };
}
