import { oneLineFinding } from "./analyze.js";
import { byteLength, clip, headBytes } from "./utf8.js";
import type { Finding } from "./types.js";

/** An earlier attempt of the cycle, as the retry evidence shows it (EV-BLK-3). */
export interface EarlierAttempt {
  attempt: number;
  outcome: string;
  /** The attempt's note (`attempt-<a>.md`), or null when the outcome has none. */
  note: string | null;
  /** A `failed` attempt's findings, from `attempt-<a>.findings.json`; null when unknown. */
  findings?: readonly Finding[] | null;
}

// The bounds of EV-BLK-3, in UTF-8 bytes.
export const RETRY_LIMITS = {
  summary: 1000,
  total: 20000,
  recent: 16000,
  shownFindings: 3,
} as const;
const HEADING = "## Evidence from earlier attempts of this unit";

// An earlier attempt in one short block: `Attempt k: failed — <n> findings` and three one-line findings, or the
// outcome and the note's first line; within 1,000 bytes.
export function summarizeEarlier(prior: EarlierAttempt): string {
  const lines: string[] = [];
  if (
    prior.outcome === "failed" &&
    prior.findings != null &&
    prior.findings.length > 0
  ) {
    const n = prior.findings.length;
    lines.push(
      `Attempt ${prior.attempt}: failed — ${n} ${n === 1 ? "finding" : "findings"}`,
    );
    for (const f of prior.findings.slice(0, RETRY_LIMITS.shownFindings))
      lines.push(`- ${clip(oneLineFinding(f), 300)}`);
  } else {
    const first = (prior.note ?? "")
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim();
    const label =
      prior.outcome === "failed"
        ? "failed — no recognized finding"
        : prior.outcome;
    lines.push(`Attempt ${prior.attempt}: ${label}`);
    if (first !== undefined) lines.push(first);
  }
  return clip(lines.join("\n"), RETRY_LIMITS.summary);
}

// The retry-evidence section (EV-BLK-3): earlier attempts oldest first as summaries, the most recent attempt's
// note whole, within 20,000 bytes; the oldest summaries go first when it is over.
export function buildRetryEvidence(history: readonly EarlierAttempt[]): string {
  if (history.length === 0) return "";
  const ordered = [...history].sort((a, b) => a.attempt - b.attempt);
  const recent = ordered[ordered.length - 1] as EarlierAttempt;
  const note = (recent.note ?? "").replace(/\s+$/, "");
  const recentBlock = [
    `Attempt ${recent.attempt} (the most recent): ${recent.outcome}`,
    ...(note === "" ? [] : [headBytes(note, RETRY_LIMITS.recent)]),
  ].join("\n");
  const summaries = ordered.slice(0, -1).map(summarizeEarlier);
  for (let omitted = 0; omitted <= summaries.length; omitted++) {
    const text = [
      HEADING,
      ...(omitted > 0
        ? [`(${omitted} older attempt${omitted === 1 ? "" : "s"} omitted)`]
        : []),
      ...summaries.slice(omitted),
      recentBlock,
    ].join("\n\n");
    if (byteLength(text) <= RETRY_LIMITS.total) return text;
  }
  return headBytes([HEADING, recentBlock].join("\n\n"), RETRY_LIMITS.total);
}
