// OSC (titles, links), CSI (colour, cursor; 7-bit and 8-bit), charset selection and other two-byte escapes.
const ANSI = new RegExp(
  [
    "\\u001B\\][^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)",
    "(?:\\u001B\\[|\\u009B)[0-?]*[ -/]*[@-~]",
    "\\u001B[()][0-9A-Za-z]",
    "\\u001B[@-Z\\\\-_]",
  ].join("|"),
  "g",
);

// Removes ANSI escape sequences (the one pattern exec capture and verify evidence share).
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

// One line as a terminal leaves it: ANSI removed and `\r` overwrites kept to their last non-empty segment.
export function cleanLine(line: string): string {
  const plain = stripAnsi(line);
  if (!plain.includes("\r")) return plain;
  const parts = plain.split("\r");
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i] as string;
    if (part !== "") return part;
  }
  return "";
}
