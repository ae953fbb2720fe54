import { formatFloat } from "../../yaml/format-number.js";
import type { BookkeepingMessage } from "./subjects.js";

/** The facts a squash commit records (formats.md F-GIT-1, driver D-GIT-7). */
export interface SquashMessageInput {
  /** `commit_type`, or the per-type default (F-WU-5). */
  prefix: string;
  /** The unit title (F-WU-10). */
  title: string;
  /** The RESULT `summary`; only its first non-blank line is used, as the body. */
  summary?: string | null;
  /** The unit's graph ID, the `Feature:` trailer. */
  wuId: string;
  /** The `Work-Unit-Type:` trailer. */
  type: string;
  /** The passing attempt. */
  attempts: number;
  /** The model as passed to the agent. */
  model: string;
  /** The verification names that ran, in order. */
  verifiedBy: readonly string[];
  /** The cycle's cost; give it only when cost tracking captured usage. */
  costUsd?: number | null;
}

// Collapses every run of whitespace (newlines included) to one space and trims, so a value stays on one line.
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

// The squash message: subject, optional one-line body, then the trailers in F-GIT-1 order, each value on one line.
export function buildSquashMessage(input: SquashMessageInput): string {
  const subject = oneLine(`${oneLine(input.prefix)}: ${oneLine(input.title)}`);
  const firstLine =
    (input.summary ?? "").split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  const body = oneLine(firstLine);
  const trailers: Array<[string, string]> = [
    ["Feature", input.wuId],
    ["Work-Unit-Type", input.type],
    ["Attempts", String(input.attempts)],
    ["Model", input.model],
    ["Verified-By", input.verifiedBy.map(oneLine).join(", ")],
  ];
  if (input.costUsd !== undefined && input.costUsd !== null)
    trailers.push(["Cost-USD", formatFloat(input.costUsd)]);
  const block = trailers.map(([k, v]) => `${k}: ${oneLine(v)}`.trimEnd());
  return [subject, ...(body === "" ? [] : [body]), block.join("\n")]
    .join("\n\n")
    .concat("\n");
}

// The bookkeeping message (F-GIT-3): the subject, a blank line, and `Feature: <value>`.
export function buildBookkeepingMessage(message: BookkeepingMessage): string {
  return `${oneLine(message.subject)}\n\nFeature: ${oneLine(message.feature)}\n`;
}
