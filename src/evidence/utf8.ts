// UTF-8 byte measures and cuts on character boundaries (spec evidence.md: sizes are UTF-8 bytes).

// The UTF-8 size of a string.
export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

// The longest prefix of text that fits in maxBytes, cut on a character boundary.
export function headBytes(text: string, maxBytes: number): string {
  if (text.length <= maxBytes / 3 || byteLength(text) <= maxBytes) return text;
  const bytes = Buffer.from(text, "utf8");
  let end = Math.max(0, Math.floor(maxBytes));
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString("utf8");
}

// The longest suffix of text that fits in maxBytes, cut on a character boundary.
export function tailBytes(text: string, maxBytes: number): string {
  if (text.length <= maxBytes / 3 || byteLength(text) <= maxBytes) return text;
  const bytes = Buffer.from(text, "utf8");
  let start = bytes.length - Math.max(0, Math.floor(maxBytes));
  while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80)
    start += 1;
  return bytes.subarray(start).toString("utf8");
}

// Text cut to maxBytes with a trailing `…` when anything was dropped.
export function clip(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  return `${headBytes(text, Math.max(0, maxBytes - 3))}…`;
}
