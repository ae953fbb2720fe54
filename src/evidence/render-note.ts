import { plainDecimal } from "../yaml/format-number.js";
import { findingHead } from "./analyze.js";
import { byteLength, clip, headBytes } from "./utf8.js";
import type {
  AttemptEvidence,
  CheckEvidence,
  FallbackLine,
  Finding,
} from "./types.js";

// The bounds of EV-BLK-2, in UTF-8 bytes.
export const NOTE_LIMITS = {
  finding: 600,
  findings: 8000,
  excerpts: 6000,
  note: 16000,
  name: 200,
  command: 500,
  excerptLine: 300,
} as const;
const HEAD_LINES = 20;
const TAIL_LINES = 40;

// The name of the file that holds every finding of an attempt.
export function findingsFileName(attempt: number): string {
  return `attempt-${attempt}.findings.json`;
}

// A finding as the note shows it: `<n>. <file>[:<line>] <test or rule>`, then the indented message, `expected:`
// and `actual:`, within 600 bytes.
export function renderFinding(finding: Finding, n: number): string {
  const head = findingHead(finding);
  const message = finding.message.split("\n").map((l) => `   ${l}`);
  const lines = [
    head === ""
      ? `${n}. ${finding.message.split("\n")[0] ?? ""}`
      : `${n}. ${head}`,
    ...(head === "" ? message.slice(1) : message),
    ...(finding.expected === undefined
      ? []
      : [`   expected: ${finding.expected}`]),
    ...(finding.actual === undefined ? [] : [`   actual: ${finding.actual}`]),
  ];
  return clip(lines.join("\n"), NOTE_LIMITS.finding);
}

// A run of fallback lines as the note shows it: `<line>| <text>`, error lines marked with `>`.
function renderFallback(run: readonly FallbackLine[]): string {
  return clip(
    run.map((l) => `${l.isMatch ? ">" : " "} ${l.line}| ${l.text}`).join("\n"),
    NOTE_LIMITS.finding,
  );
}

// Consecutive fallback lines grouped, each group one item of the note.
function fallbackRuns(lines: readonly FallbackLine[]): FallbackLine[][] {
  const runs: FallbackLine[][] = [];
  for (const l of lines) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last !== undefined && prev !== undefined && prev.line + 1 === l.line)
      last.push(l);
    else runs.push([l]);
  }
  return runs;
}

// The items of each failing check (findings or fallback runs), dealt round-robin within the 8,000-byte budget
// (EV-BLK-2); a check that does not show all of its items ends with `… <k> more (attempt-<a>.findings.json)`.
export function dealItems(
  checks: readonly CheckEvidence[],
  attempt: number,
): string[][] {
  const items = checks.map((c) =>
    c.findings.length > 0
      ? c.findings.map((f, k) => renderFinding(f, k + 1))
      : fallbackRuns(c.fallback).map(renderFallback),
  );
  const more = (k: number) => `… ${k} more (${findingsFileName(attempt)})`;
  const reserve = items.reduce(
    (sum, list) =>
      sum + (list.length > 0 ? byteLength(more(list.length)) + 1 : 0),
    0,
  );
  let budget = NOTE_LIMITS.findings - reserve;
  const shown: string[][] = checks.map(() => []);
  const stopped = new Set<number>();
  const rounds = Math.max(0, ...items.map((l) => l.length));
  for (let r = 0; r < rounds; r++) {
    items.forEach((list, c) => {
      const item = list[r];
      if (item === undefined || stopped.has(c)) return;
      const size = byteLength(item) + 1;
      if (size > budget) {
        stopped.add(c);
        return;
      }
      shown[c]?.push(item);
      budget -= size;
    });
  }
  return shown.map((list, c) => {
    const total = items[c]?.length ?? 0;
    return list.length < total ? [...list, more(total - list.length)] : list;
  });
}

// The fenced excerpt of a capture: its first 20 and last 40 lines within a byte budget (a third for the head),
// long lines cut, the lines left out counted in a `[… <k> lines …]` line.
export function renderExcerpt(
  lines: readonly string[],
  budget: number,
): string {
  if (lines.length === 0) return "(no output)";
  const fence = fenceFor(lines);
  const inner = Math.max(0, budget - 2 * (fence.length + 1) - 32);
  const take = (i: number) => clip(lines[i] ?? "", NOTE_LIMITS.excerptLine);
  const head: string[] = [];
  let used = 0;
  for (let i = 0; i < Math.min(HEAD_LINES, lines.length); i++) {
    const size = byteLength(take(i)) + 1;
    if (used + size > inner / 3) break;
    head.push(take(i));
    used += size;
  }
  const tail: string[] = [];
  const first = Math.max(HEAD_LINES, lines.length - TAIL_LINES);
  for (let i = lines.length - 1; i >= first; i--) {
    const size = byteLength(take(i)) + 1;
    if (used + size > inner) break;
    tail.unshift(take(i));
    used += size;
  }
  const omitted = lines.length - head.length - tail.length;
  const gap = omitted > 0 ? [`[… ${omitted} lines …]`] : [];
  return [fence, ...head, ...gap, ...tail, fence].join("\n");
}

// A fence longer than any backtick run that starts a line of the capture.
function fenceFor(lines: readonly string[]): string {
  let longest = 2;
  for (const l of lines) {
    const m = /^\s*(`{3,})/.exec(l);
    if (m !== null) longest = Math.max(longest, (m[1] ?? "").length);
  }
  return "`".repeat(longest + 1);
}

// The status line of a failing check (EV-BLK-1).
function statusLine(check: CheckEvidence): string {
  if (check.result === "timeout")
    return `timed out after ${plainDecimal(check.timeoutSeconds)}s`;
  const how =
    check.exitCode !== null
      ? `exit ${check.exitCode}`
      : `signal ${check.signal ?? "unknown"}`;
  const k = check.findings.length;
  return `${how} · ${k} ${k === 1 ? "finding" : "findings"}`;
}

// The `failed` note of an attempt (EV-BLK-1, EV-BLK-2): per failing check its header, command, status, dealt
// findings (or fallback lines), diagnostics and excerpt; then the passing checks. At most 16,000 bytes.
export function renderFailedNote(evidence: AttemptEvidence): string {
  const failing = evidence.checks.filter((c) => c.result !== "pass");
  const passing = evidence.checks
    .filter((c) => c.result === "pass")
    .map((c) => c.name);
  const dealt = dealItems(failing, evidence.attempt);
  const excerptBudget =
    failing.length > 0 ? Math.floor(NOTE_LIMITS.excerpts / failing.length) : 0;
  const blocks = failing.map((check, k) =>
    [
      `### ${clip(oneLine(check.name), NOTE_LIMITS.name)}: FAIL`,
      `$ ${clip(oneLine(check.command), NOTE_LIMITS.command)}`,
      statusLine(check),
      ...(check.findings.length === 0 && check.fallback.length > 0
        ? ["No finding recognized; lines that look like errors:"]
        : []),
      ...(dealt[k] ?? []),
      ...check.diagnostics.map((d) =>
        clip(
          `note: ${d.file ?? ""}${d.line === undefined ? "" : `:${d.line}`}: ${d.message}`,
          NOTE_LIMITS.finding,
        ),
      ),
      renderExcerpt(check.lines, excerptBudget),
    ].join("\n"),
  );
  const last = `Passed: ${passing.length > 0 ? passing.join(", ") : "none"}`;
  return fitNote([...blocks, clip(last, 1000)].join("\n\n"), evidence.attempt);
}

// The whole-note bound: a note past 16,000 bytes is cut, and says where every finding is.
function fitNote(note: string, attempt: number): string {
  if (byteLength(note) <= NOTE_LIMITS.note) return note;
  const tail = `\n[specfuse: note cut at ${NOTE_LIMITS.note} bytes; every finding is in ${findingsFileName(attempt)}]`;
  return headBytes(note, NOTE_LIMITS.note - byteLength(tail)) + tail;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}
