import { cleanLine } from "./terminal-text.js";

// EV-CAP-1 bounds: the first 256 KiB and the last 768 KiB of a check's cleaned output.
export const CAPTURE_HEAD_BYTES = 256 * 1024;
// See CAPTURE_HEAD_BYTES.
export const CAPTURE_TAIL_BYTES = 768 * 1024;
// Longest line held while it is cleaned; a longer one is cleaned in parts of this size.
export const CAPTURE_LINE_BYTES = 1024 * 1024;

// The line that joins head and tail when bytes were left out (evidence.md EV-CAP-1).
export function elisionMarker(elidedBytes: number): string {
  return `[specfuse: ${elidedBytes} bytes elided]`;
}

/** What a capture holds at the end of the stream. */
export interface CaptureResult {
  /** Head, marker and tail; the whole cleaned output when it fits. */
  text: string;
  /** Cleaned bytes seen in all. */
  totalBytes: number;
  /** Cleaned bytes left out between head and tail (0 when it fits). */
  elidedBytes: number;
}

/** The bounded capture of one check's merged output, fed as it arrives. */
export interface Capture {
  push(chunk: Buffer): void;
  /** The capture so far; a partial last line counts as the end of the stream. */
  result(): CaptureResult;
}

/** The capture's bounds; tests use small ones. */
export interface CaptureBounds {
  headBytes: number;
  tailBytes: number;
  lineBytes: number;
}

const DEFAULT_BOUNDS: CaptureBounds = {
  headBytes: CAPTURE_HEAD_BYTES,
  tailBytes: CAPTURE_TAIL_BYTES,
  lineBytes: CAPTURE_LINE_BYTES,
};

// Streams EV-CAP-1: each line is cleaned (ANSI, `\r` overwrites) as it completes, then the cleaned bytes
// are kept as the first `headBytes` and the last `tailBytes`, cut on UTF-8 character boundaries, and joined
// by `\n[specfuse: <n> bytes elided]\n`. Memory stays under head + tail + one line, whatever the volume.
export function createCapture(bounds: Partial<CaptureBounds> = {}): Capture {
  const b = { ...DEFAULT_BOUNDS, ...bounds };
  const head: Buffer[] = [];
  let headSize = 0;
  let isHeadFull = false;
  // A few bytes of slack: the head's cut on a character boundary may leave up to 3 bytes for the tail.
  const tail = createRing(b.tailBytes + 4);
  let total = 0;
  let line: Buffer[] = [];
  let lineSize = 0;

  const keep = (bytes: Buffer) => {
    total += bytes.length;
    let rest = bytes;
    if (!isHeadFull) {
      const room = b.headBytes - headSize;
      if (rest.length <= room) {
        head.push(rest);
        headSize += rest.length;
        return;
      }
      const cut = boundaryAtOrBefore(rest, room);
      head.push(rest.subarray(0, cut));
      headSize += cut;
      isHeadFull = true;
      rest = rest.subarray(cut);
    }
    tail.push(rest);
  };
  const endLine = (withNewline: boolean) => {
    const cleaned = cleanLine(Buffer.concat(line).toString("utf8"));
    keep(Buffer.from(withNewline ? `${cleaned}\n` : cleaned, "utf8"));
    line = [];
    lineSize = 0;
  };

  return {
    push(chunk) {
      let from = 0;
      while (from < chunk.length) {
        const nl = chunk.indexOf(0x0a, from);
        const end = nl < 0 ? chunk.length : nl;
        let piece = chunk.subarray(from, end);
        // A line longer than lineBytes is cleaned in parts (lineBytes ≥ 4, so each cut makes progress).
        while (lineSize + piece.length > b.lineBytes) {
          const cut = boundaryAtOrBefore(piece, b.lineBytes - lineSize);
          line.push(piece.subarray(0, cut));
          lineSize += cut;
          endLine(false);
          piece = piece.subarray(cut);
        }
        line.push(piece);
        lineSize += piece.length;
        if (nl < 0) break;
        endLine(true);
        from = nl + 1;
      }
    },
    result() {
      const pending =
        lineSize > 0
          ? Buffer.from(cleanLine(Buffer.concat(line).toString("utf8")), "utf8")
          : Buffer.alloc(0);
      // The partial last line goes where keep() would put it, without changing the state.
      const cut = isHeadFull
        ? 0
        : boundaryAtOrBefore(pending, b.headBytes - headSize);
      return joinCapture(
        Buffer.concat([...head, pending.subarray(0, cut)]),
        Buffer.concat([tail.snapshot(), pending.subarray(cut)]),
        total + pending.length,
        b,
      );
    },
  };
}

// Joins what was kept: whole when the stream fits the bounds, else head, marker and the tail's last bytes.
function joinCapture(
  head: Buffer,
  rest: Buffer,
  total: number,
  b: CaptureBounds,
): CaptureResult {
  if (total <= b.headBytes + b.tailBytes)
    return {
      text: Buffer.concat([head, rest]).toString("utf8"),
      totalBytes: total,
      elidedBytes: 0,
    };
  const start = boundaryAtOrAfter(rest, Math.max(0, rest.length - b.tailBytes));
  const kept = rest.subarray(start);
  const elided = total - head.length - kept.length;
  return {
    text: `${head.toString("utf8")}\n${elisionMarker(elided)}\n${kept.toString("utf8")}`,
    totalBytes: total,
    elidedBytes: elided,
  };
}

// The largest cut ≤ at that does not split a UTF-8 character.
function boundaryAtOrBefore(bytes: Buffer, at: number): number {
  let cut = Math.min(at, bytes.length);
  while (cut > 0 && cut < bytes.length && ((bytes[cut] ?? 0) & 0xc0) === 0x80)
    cut -= 1;
  return cut;
}

// The smallest start ≥ at that does not begin inside a UTF-8 character.
function boundaryAtOrAfter(bytes: Buffer, at: number): number {
  let start = at;
  while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80)
    start += 1;
  return start;
}

/** The newest bytes of a stream, up to a limit, without copying the whole window on every push. */
interface Ring {
  push(bytes: Buffer): void;
  snapshot(): Buffer;
}

// Keeps at most `limit` of the newest bytes in whole chunks plus one partial front chunk.
function createRing(limit: number): Ring {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    push(bytes) {
      if (bytes.length === 0) return;
      chunks.push(bytes);
      size += bytes.length;
      while (
        chunks.length > 0 &&
        size - (chunks[0] as Buffer).length >= limit
      ) {
        size -= (chunks.shift() as Buffer).length;
      }
      if (size > limit) {
        const first = chunks[0] as Buffer;
        const trimmed = first.subarray(size - limit);
        chunks[0] = trimmed;
        size = limit;
      }
    },
    snapshot: () => Buffer.concat(chunks),
  };
}
