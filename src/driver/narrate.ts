import type { Paint } from "../output/color.js";
import { formatElapsed } from "../output/format-elapsed.js";
import type { Outcome } from "../types/outcome.js";
import { formatUsd } from "./unit/cost.js";
import { OUTCOME_WORDS } from "./attempt/outcome-notes.js";

/** How lines are decorated: colour plus symbols on a TTY, ASCII words elsewhere (cli.md C-COLOR-2). */
export interface Decor {
  paint: Paint;
  isTTY: boolean;
}

// The run header (driver D-UI-1).
export function headerLine(input: {
  featureId: string;
  gate: number;
  gateStatus: string;
  unitCount: number;
  branch: string | null;
  isTerminal: boolean;
}): string {
  const units = `${input.unitCount} unit${input.unitCount === 1 ? "" : "s"}`;
  const terminal = input.isTerminal ? ", terminal" : "";
  const branch = input.branch === null ? "" : ` on ${input.branch}`;
  return `specfuse run: ${input.featureId} gate ${input.gate} (${input.gateStatus}${terminal}), ${units}${branch}`;
}

// One unit line (D-UI-1): `[HH:MM:SS] <id> [<type>] model=<m> effort=<e>`.
export function unitLine(
  clock: string,
  unit: { id: string; type: string; model: string; effort: string },
): string {
  return `[${clock}] ${unit.id} [${unit.type}] model=${unit.model} effort=${unit.effort}`;
}

/** What the final line of an attempt shows (D-UI-3). */
export interface AttemptLineInput {
  attempt: number;
  max: number;
  outcome: Outcome;
  elapsedMs: number;
  costUsd: number | null;
  /** Short SHA, signature, limit, paths or the summary's first line. */
  detail: string;
}

// The final attempt line: `attempt a/max WORD m:ss $c detail`, coloured by outcome.
export function attemptLine(input: AttemptLineInput, decor: Decor): string {
  const word = OUTCOME_WORDS[input.outcome];
  const isPass = input.outcome === "passed";
  const isYellow =
    input.outcome === "blocked" || input.outcome === "interrupted";
  const colour = isPass
    ? decor.paint.green
    : isYellow
      ? decor.paint.yellow
      : decor.paint.red;
  const symbol = decor.isTTY ? `${isPass ? "✓" : isYellow ? "!" : "✗"} ` : "";
  const cost = input.costUsd === null ? "" : ` ${formatUsd(input.costUsd)}`;
  const detail = input.detail === "" ? "" : ` ${oneLine(input.detail, 160)}`;
  return `  ${colour(`${symbol}attempt ${input.attempt}/${input.max} ${word}`)} ${formatElapsed(input.elapsedMs)}${cost}${detail}`;
}

// An indented warning under an attempt line (D-UI-3).
export function attemptWarning(text: string, decor: Decor): string {
  return `    ${decor.paint.yellow("warning")}: ${oneLine(text, 400)}`;
}

// The label of a running attempt, for the status line and line-mode start/heartbeat lines.
export function attemptLabel(attempt: number, max: number): string {
  return `attempt ${attempt}/${max}`;
}

// The first line of a text, cut to `max` characters (D-ATT-4: the previous note on a retry).
export function oneLine(text: string, max = 200): string {
  const first = (text.split("\n").find((l) => l.trim() !== "") ?? "").trim();
  return first.length <= max ? first : `${first.slice(0, max - 1)}…`;
}
