import { roundTo } from "../../yaml/format-number.js";
import type { AttemptRecord, NumberWrite, Usage } from "../../types/outcome.js";

const TOKEN_KEYS = [
  "input_tokens",
  "output_tokens",
  "cache_read_input_tokens",
  "cache_creation_input_tokens",
] as const;

/** Sums over one dispatch cycle (driver D-COST-1): duration always, cost and tokens where captured. */
export interface CycleTotals extends Usage {
  duration_seconds: number;
}

// One `attempts_usage` record (D-COST-1): duration to 3 dp, plus whatever usage was captured.
export function attemptRecord(
  attempt: number,
  durationSeconds: number,
  usage: Usage | null,
  isCostTracking: boolean,
): AttemptRecord {
  const record: AttemptRecord = {
    attempt,
    duration_seconds: roundTo(durationSeconds, 3),
  };
  if (!isCostTracking || usage === null) return record;
  if (isCount(usage.cost_usd)) record.cost_usd = usage.cost_usd;
  for (const key of TOKEN_KEYS) {
    const value = usage[key];
    if (isCount(value)) record[key] = value;
  }
  return record;
}

// Cycle totals (D-COST-1): cost and tokens summed where present, duration always summed (3 dp).
export function cycleTotals(records: readonly AttemptRecord[]): CycleTotals {
  const totals: CycleTotals = { duration_seconds: 0 };
  for (const r of records) {
    totals.duration_seconds += r.duration_seconds;
    if (r.cost_usd !== undefined)
      totals.cost_usd = (totals.cost_usd ?? 0) + r.cost_usd;
    for (const key of TOKEN_KEYS) {
      const value = r[key];
      if (value !== undefined) totals[key] = (totals[key] ?? 0) + value;
    }
  }
  totals.duration_seconds = roundTo(totals.duration_seconds, 3);
  if (totals.cost_usd !== undefined)
    totals.cost_usd = roundTo(totals.cost_usd, 6);
  return totals;
}

// The per-cycle frontmatter writes (D-COST-2): duration always; cost and tokens only when something was spent.
export function cycleFieldWrites(totals: CycleTotals): NumberWrite[] {
  const writes: NumberWrite[] = [
    {
      key: "duration_seconds",
      value: roundTo(totals.duration_seconds, 3),
      isFloat: true,
    },
  ];
  const cost = totals.cost_usd ?? 0;
  const hasTokens = TOKEN_KEYS.some((k) => (totals[k] ?? 0) !== 0);
  if (cost > 0 || hasTokens) {
    writes.push(
      { key: "cost_usd", value: roundTo(cost, 6), isFloat: true },
      { key: "input_tokens", value: totals.input_tokens ?? 0, isFloat: false },
      {
        key: "output_tokens",
        value: totals.output_tokens ?? 0,
        isFloat: false,
      },
    );
  }
  return writes;
}

// Money for people (cli.md C-OUT-4): `$0.41`, four decimals below one cent, `-` before the `$`.
export function formatUsd(value: number): string {
  const abs = Math.abs(value);
  const decimals = abs > 0 && roundTo(abs, 2) < 0.01 ? 4 : 2;
  return signed(value, abs.toFixed(decimals));
}

// Money with four decimals, for the budget brake message (README resolved point 5).
export function formatUsd4(value: number): string {
  return signed(value, Math.abs(value).toFixed(4));
}

function signed(value: number, digits: string): string {
  return value < 0 && Number(digits) !== 0 ? `-$${digits}` : `$${digits}`;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}
