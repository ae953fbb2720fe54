/** One earlier attempt of the current cycle, as the prompt shows it (driver D-PROMPT-5). */
export interface PriorAttempt {
  attempt: number;
  outcome: string;
  /** The attempt's note (`attempt-<n>.md`), or null when the outcome has none. */
  note: string | null;
  /** `failed` only: the D-SPIN class and signature, and the D-SPIN-4 excerpt. */
  failureClass?: string | null;
  failureSignature?: string | null;
  failureExcerpt?: string | null;
}

// The budget of D-PROMPT-5, in characters and lines.
export const EVIDENCE_LIMITS = {
  recentChars: 8000,
  recentLines: 200,
  windowLines: 100,
  windowChars: 4000,
  summaryChars: 1000,
  totalChars: 14000,
} as const;

// Cuts a string to at most n UTF-16 units without splitting a surrogate pair; `fromFront` keeps the end.
export function cutChars(text: string, n: number, fromFront = false): string {
  if (text.length <= n) return text;
  if (!fromFront) {
    let end = n;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    return text.slice(0, end);
  }
  let start = text.length - n;
  const code = text.charCodeAt(start);
  if (code >= 0xdc00 && code <= 0xdfff) start += 1;
  return text.slice(start);
}

// The most recent note: whole when small, else head and tail windows around an elision line (D-PROMPT-5).
export function shapeRecentNote(note: string): string {
  const text = note.replace(/\s+$/, "");
  const lines = text.split("\n");
  const L = EVIDENCE_LIMITS;
  if (text.length <= L.recentChars && lines.length < L.recentLines) return text;
  const head = cutChars(
    lines.slice(0, L.windowLines).join("\n"),
    L.windowChars,
  );
  const tail = cutChars(
    lines.slice(-L.windowLines).join("\n"),
    L.windowChars,
    true,
  );
  const headLines = head.split("\n").length;
  const tailLines = tail.split("\n").length;
  const elidedLines = Math.max(0, lines.length - headLines - tailLines);
  const elidedChars = Math.max(0, text.length - head.length - tail.length);
  return `${head}\n... [${elidedLines} lines / ${elidedChars} chars elided] ...\n${tail}`;
}

// An earlier attempt in at most 1,000 characters: outcome, then signature and excerpt, or the note's first line.
export function summarizeAttempt(prior: PriorAttempt): string {
  const parts = [`Attempt ${prior.attempt}: ${prior.outcome}`];
  if (prior.outcome === "failed" && prior.failureClass != null) {
    parts.push(`${prior.failureClass}: ${prior.failureSignature ?? "unknown"}`);
    const excerpt = prior.failureExcerpt?.replace(/\s+$/, "") ?? "";
    if (excerpt !== "") parts.push(excerpt);
  } else {
    const first = (prior.note ?? "").trim().split("\n")[0]?.trim() ?? "";
    if (first !== "") parts.push(first);
  }
  const text = parts.join("\n");
  const max = EVIDENCE_LIMITS.summaryChars;
  return text.length <= max ? text : `${cutChars(text, max - 1)}…`;
}

// The retry-evidence section: every earlier attempt oldest first, the most recent last, within 14,000 characters.
export function buildRetryEvidence(history: readonly PriorAttempt[]): string {
  if (history.length === 0) return "";
  const ordered = [...history].sort((a, b) => a.attempt - b.attempt);
  const recent = ordered[ordered.length - 1] as PriorAttempt;
  const heading = "## Evidence from earlier attempts of this unit";
  const recentBlock = [
    `Attempt ${recent.attempt} (the most recent): ${recent.outcome}`,
    ...(recent.note !== null && recent.note.trim() !== ""
      ? [shapeRecentNote(recent.note)]
      : []),
  ].join("\n");
  const summaries = ordered.slice(0, -1).map(summarizeAttempt);
  let omitted = 0;
  const render = () =>
    [
      heading,
      ...(omitted > 0
        ? [`(${omitted} older attempt${omitted === 1 ? "" : "s"} omitted)`]
        : []),
      ...summaries.slice(omitted),
      recentBlock,
    ].join("\n\n");
  let text = render();
  while (
    text.length > EVIDENCE_LIMITS.totalChars &&
    omitted < summaries.length
  ) {
    omitted += 1;
    text = render();
  }
  return text;
}
