/** Bytes kept from a stream: everything, or only the newest `limitBytes`. */
export interface TailBuffer {
  push(chunk: Buffer): void;
  /** The retained bytes as UTF-8, starting at a character boundary. */
  text(): string;
  /** Bytes dropped from the front so far. */
  droppedBytes(): number;
}

// Keeps the newest `limitBytes` of a byte stream (Infinity keeps all); whole old chunks are dropped as new ones
// arrive and only the first kept chunk is ever cut, so a flood costs no copying.
export function createTailBuffer(limitBytes = Infinity): TailBuffer {
  const chunks: Buffer[] = [];
  let size = 0;
  let dropped = 0;
  return {
    push(chunk) {
      if (chunk.length === 0) return;
      chunks.push(chunk);
      size += chunk.length;
      while (
        chunks.length > 1 &&
        size - (chunks[0] as Buffer).length >= limitBytes
      ) {
        const first = chunks.shift() as Buffer;
        size -= first.length;
        dropped += first.length;
      }
      if (size > limitBytes) {
        const cut = size - limitBytes;
        chunks[0] = (chunks[0] as Buffer).subarray(cut);
        size -= cut;
        dropped += cut;
      }
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

// Longest line delivered whole: a longer one is delivered cut to this size (a flood without newlines stays bounded).
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

// Incremental line splitting on `\n` bytes, which never occur inside a UTF-8 sequence; lines over maxLineBytes
// keep their first maxLineBytes (on a character boundary) and the rest is dropped up to the newline.
export function createLineSplitter(
  maxLineBytes = MAX_LINE_BYTES,
): LineSplitter {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  const decode = (parts: Buffer[]) => {
    const bytes = Buffer.concat(parts);
    const text = (
      pendingSize > maxLineBytes ? cutAtBoundary(bytes, maxLineBytes) : bytes
    ).toString("utf8");
    return text.replace(/\r$/, "");
  };
  const hold = (part: Buffer) => {
    // Past the cap nothing more of this line is kept; one byte over marks it as cut.
    if (pendingSize > maxLineBytes) return;
    const room = maxLineBytes + 1 - pendingSize;
    const kept = part.length <= room ? part : part.subarray(0, room);
    pending.push(kept);
    pendingSize += kept.length;
  };
  return {
    push(chunk) {
      const lines: string[] = [];
      let from = 0;
      let nl = chunk.indexOf(0x0a, from);
      while (nl >= 0) {
        hold(chunk.subarray(from, nl));
        lines.push(decode(pending));
        pending = [];
        pendingSize = 0;
        from = nl + 1;
        nl = chunk.indexOf(0x0a, from);
      }
      if (from < chunk.length) hold(chunk.subarray(from));
      return lines;
    },
    flush() {
      if (pending.length === 0) return null;
      const line = decode(pending);
      pending = [];
      pendingSize = 0;
      return line;
    },
  };
}

// The first maxBytes of bytes, ending on a UTF-8 character boundary.
function cutAtBoundary(bytes: Buffer, maxBytes: number): Buffer {
  let end = Math.min(maxBytes, bytes.length);
  while (end > 0 && end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80)
    end -= 1;
  return bytes.subarray(0, end);
}
