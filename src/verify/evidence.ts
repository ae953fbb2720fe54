import { plainDecimal } from "../yaml/format-number.js";

// Lines of output kept per gate (driver D-VER-5).
export const GATE_TAIL_LINES = 15;
// Lines kept before the GATE TIMEOUT line of a timed-out gate (D-VER-5).
export const TIMEOUT_TAIL_LINES = 10;
// Bytes of the D-SPIN-4 failure excerpt.
export const EXCERPT_BYTES = 500;

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

// Removes ANSI escape sequences.
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

// Output as a terminal would show it: ANSI removed, `\r` overwrites kept to their last segment, trailing spaces and blank end lines dropped.
export function cleanLines(text: string): string[] {
  const lines = stripAnsi(text)
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => {
      const parts = line.split("\r");
      const shown = [...parts].reverse().find((p) => p !== "") ?? "";
      return shown.replace(/\s+$/, "");
    });
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

// The last n cleaned lines of an output.
export function tailLines(text: string, n: number): string[] {
  const lines = cleanLines(text);
  return n <= 0 ? [] : lines.slice(-n);
}

/** One gate's outcome as evidence shows it. */
export interface GateEvidence {
  name: string;
  /** The command after `{feature_dir}` substitution. */
  command: string;
  isPassed: boolean;
  isTimedOut: boolean;
  /** The gate's limit, shown when it fired. */
  timeoutSeconds: number;
  /** Merged stdout and stderr. */
  output: string;
}

// One evidence block (D-VER-5): header, fence, `$ command`, the tail, and the timeout line when the limit fired.
export function gateBlock(gate: GateEvidence): string {
  const body = gate.isTimedOut
    ? [
        ...tailLines(gate.output, TIMEOUT_TAIL_LINES),
        `GATE TIMEOUT: exceeded ${plainDecimal(gate.timeoutSeconds)}s; process group killed`,
      ]
    : tailLines(gate.output, GATE_TAIL_LINES);
  return [
    `### ${gate.name}: ${gate.isPassed ? "PASS" : "FAIL"}`,
    "```",
    `$ ${gate.command}`,
    ...body,
    "```",
  ].join("\n");
}

// The evidence of a verification run: one block per gate, separated by a blank line.
export function buildEvidence(gates: readonly GateEvidence[]): string {
  return gates.map(gateBlock).join("\n\n");
}

// The D-VER-2 evidence for a set that is missing or empty at run time; the unit is not at fault.
export function configurationErrorEvidence(
  setName: string,
  problem: "missing" | "empty",
): string {
  const what =
    problem === "missing"
      ? `has no set named "${setName}"`
      : `has an empty set "${setName}"`;
  return [
    `CONFIGURATION ERROR: .specfuse/verification.yml at the pre-attempt commit ${what}, so this unit cannot be verified.`,
    "The work unit is not at fault: the verification file changed after the run was validated.",
    `Restore or add the "${setName}" set in .specfuse/verification.yml, commit it, and run again.`,
  ].join("\n");
}

// The last maxBytes of text in UTF-8, starting at a character boundary.
export function tailBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let start = bytes.length - Math.max(0, maxBytes);
  while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80)
    start += 1;
  return bytes.subarray(start).toString("utf8");
}

// The first maxBytes of text in UTF-8, ending at a character boundary.
export function headBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes);
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString("utf8");
}

const EXCERPT_LINE = /FAIL|Error|Exception|Traceback/i;

// The D-SPIN-4 excerpt: the last 500 UTF-8 bytes of the lines naming a failure, or of the whole evidence.
export function failureExcerpt(evidence: string): string {
  const matching = evidence.split("\n").filter((l) => EXCERPT_LINE.test(l));
  const source = matching.length > 0 ? matching.join("\n") : evidence;
  return tailBytes(source, EXCERPT_BYTES);
}
