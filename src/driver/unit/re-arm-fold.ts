import { roundTo } from "../../yaml/format-number.js";
import type { NumberWrite } from "../../types/outcome.js";

/** The fold to perform before a re-armed unit's first attempt (driver D-ATT-2). */
export interface ReArmFold {
  /** One frontmatter write: the four `cumulative_*` sums, then the reset per-cycle fields. */
  writes: NumberWrite[];
  /** The `re_arm_dispatched` payload (formats.md F-EV-3). */
  event: { re_arm_count: number; reason: string };
}

// A unit's re-arm count: `re_arm_count`, or the legacy `rearm_count`, whichever is larger (D-AC-3, Q6).
export function reArmCountOf(fm: Readonly<Record<string, unknown>>): number {
  const values = [fm.re_arm_count, fm.rearm_count].filter(
    (v): v is number => typeof v === "number" && Number.isFinite(v),
  );
  return values.length === 0 ? 0 : Math.max(...values);
}

// The last `re_arm_history` entry's reason, or "" (formats.md F-WU-4).
export function lastReArmReason(fm: Readonly<Record<string, unknown>>): string {
  const history = fm.re_arm_history;
  if (!Array.isArray(history) || history.length === 0) return "";
  const last: unknown = history[history.length - 1];
  if (last === null || typeof last !== "object" || Array.isArray(last))
    return "";
  const reason = (last as Record<string, unknown>).reason;
  return reason === undefined || reason === null ? "" : String(reason);
}

// The re-arm fold (D-ATT-2): only when re_arm_count > 0, attempts is 0 and the cycle starts at 1.
export function decideReArmFold(
  fm: Readonly<Record<string, unknown>>,
  startAttempt: number,
): ReArmFold | null {
  const count = reArmCountOf(fm);
  const attempts = typeof fm.attempts === "number" ? fm.attempts : 0;
  if (count <= 0 || attempts !== 0 || startAttempt !== 1) return null;
  const sum = (key: string) => num(fm[`cumulative_${key}`]) + num(fm[key]);
  return {
    writes: [
      {
        key: "cumulative_cost_usd",
        value: roundTo(sum("cost_usd"), 6),
        isFloat: true,
      },
      {
        key: "cumulative_duration_seconds",
        value: roundTo(sum("duration_seconds"), 3),
        isFloat: true,
      },
      {
        key: "cumulative_input_tokens",
        value: sum("input_tokens"),
        isFloat: false,
      },
      {
        key: "cumulative_output_tokens",
        value: sum("output_tokens"),
        isFloat: false,
      },
      { key: "cost_usd", value: 0, isFloat: true },
      { key: "duration_seconds", value: 0, isFloat: true },
      { key: "input_tokens", value: 0, isFloat: false },
      { key: "output_tokens", value: 0, isFloat: false },
    ],
    event: { re_arm_count: count, reason: lastReArmReason(fm) },
  };
}

function num(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
