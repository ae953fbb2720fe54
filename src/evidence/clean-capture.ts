// Capture cutting and cleaning (EV-CAP-1): the first 256 KiB and last 768 KiB of a check's output, joined by an
// elision line, with ANSI escapes and `\r` overwrites removed, cut on character boundaries.

// Bytes kept from the start and the end of a capture.
export const CAPTURE_HEAD_BYTES = 256 * 1024;
// Bytes kept from the end of a capture.
export const CAPTURE_TAIL_BYTES = 768 * 1024;

// OSC (titles, links), CSI (colour, cursor; 7-bit and 8-bit), charset selection and other two-byte escapes.
const ANSI =
  /\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|(?:\u001B\[|\u009B)[0-?]*[ -/]*[@-~]|\u001B[()][0-9A-Za-z]|\u001B[@-Z\\-_]/g;
// Cursor to column 1 (`ESC[G`, `ESC[1G`) rewrites the line as `\r` does.
const COLUMN_ONE = /(?:\u001B\[|\u009B)1?G/g;
// C0 and C1 controls other than tab, line feed and carriage return.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

// Removes ANSI escape sequences.
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

// Output as a terminal shows it: ANSI and control characters removed, each `\r` overwrite kept to its last
// non-empty segment, CRLF as LF, trailing whitespace of each line dropped.
export function cleanCapture(text: string): string {
  let plain = text;
  if (plain.includes("\u001B") || plain.includes("\u009B"))
    plain = plain.replace(COLUMN_ONE, "\r").replace(ANSI, "");
  if (plain.includes("\r\n")) plain = plain.replace(/\r\n/g, "\n");
  if (CONTROL.test(plain)) plain = plain.replace(CONTROLS, "");
  if (plain.includes("\r")) plain = resolveOverwrites(plain);
  return plain.replace(/[ \t]+$/gm, "");
}

// Rewrites only the lines that hold `\r`, found with indexOf: one linear pass over the text.
function resolveOverwrites(text: string): string {
  let out = "";
  let done = 0;
  let at = text.indexOf("\r");
  while (at >= 0) {
    const start = text.lastIndexOf("\n", at) + 1;
    const newline = text.indexOf("\n", at);
    const end = newline < 0 ? text.length : newline;
    out += text.slice(done, start) + lastSegment(text.slice(start, end));
    done = end;
    at = text.indexOf("\r", end);
  }
  return out + text.slice(done);
}

// What a terminal shows of a line with `\r` overwrites: its last segment with more than blanks.
function lastSegment(line: string): string {
  const parts = line.split("\r");
  for (let i = parts.length - 1; i >= 0; i--)
    if ((parts[i] ?? "").trim() !== "") return parts[i] ?? "";
  return "";
}

// The elision line between head and tail.
export function elisionLine(bytes: number): string {
  return `[specfuse: ${bytes} bytes elided]`;
}

/** A capture after cutting and cleaning. */
export interface CutCapture {
  text: string;
  /** Bytes dropped between head and tail. */
  elidedBytes: number;
  /** Bytes the process wrote. */
  totalBytes: number;
}

// Cuts a whole output held in memory (EV-CAP-1).
export function cutCapture(
  output: Uint8Array | string,
  headMax = CAPTURE_HEAD_BYTES,
  tailMax = CAPTURE_TAIL_BYTES,
): CutCapture {
  const bytes =
    typeof output === "string" ? Buffer.from(output, "utf8") : output;
  const total = bytes.length;
  if (total <= headMax + tailMax)
    return joinCapture(bytes, new Uint8Array(0), total);
  return joinCapture(
    bytes.subarray(0, headMax),
    bytes.subarray(total - tailMax),
    total,
  );
}

// Joins a streamed capture: `head` is the first bytes written, `tail` the last, `totalBytes` all of them. When
// head and tail together are the whole output they are decoded as one; otherwise each side is cut back to a
// character boundary and the line `[specfuse: <n> bytes elided]` goes between them.
export function joinCapture(
  head: Uint8Array,
  tail: Uint8Array,
  totalBytes: number,
): CutCapture {
  if (head.length + tail.length >= totalBytes) {
    const whole = Buffer.concat([head, tail]).toString("utf8");
    return { text: cleanCapture(whole), elidedBytes: 0, totalBytes };
  }
  const headEnd = boundaryBefore(head, head.length);
  const tailStart = boundaryAfter(tail, 0);
  const elided = totalBytes - headEnd - (tail.length - tailStart);
  const headText = cleanCapture(
    Buffer.from(head.subarray(0, headEnd)).toString("utf8"),
  );
  const tailText = cleanCapture(
    Buffer.from(tail.subarray(tailStart)).toString("utf8"),
  );
  return {
    text: `${headText.replace(/\n$/, "")}\n${elisionLine(elided)}\n${tailText}`,
    elidedBytes: elided,
    totalBytes,
  };
}

// The end of the last whole character in bytes[0, at): a character split by the cut is dropped.
function boundaryBefore(bytes: Uint8Array, at: number): number {
  let lead = at - 1;
  while (lead >= 0 && at - lead <= 4 && ((bytes[lead] ?? 0) & 0xc0) === 0x80)
    lead -= 1;
  if (lead < 0) return at;
  const byte = bytes[lead] ?? 0;
  const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return at - lead >= size ? at : lead;
}

// The first index >= at that starts a character.
function boundaryAfter(bytes: Uint8Array, at: number): number {
  let start = at;
  while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80)
    start += 1;
  return start;
}
