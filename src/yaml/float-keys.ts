// Field names that hold floats wherever they appear, in frontmatter and in events (formats.md F-WRITE-4, F-EV-1).
// A number under one of these keys is written with a fractional part even when it is integral (`0.0`, `12.0`);
// every other integral number is written as an integer. Non-integral numbers are always floats.
export const FLOAT_KEYS: ReadonlySet<string> = new Set([
  // WU frontmatter (F-WU-3, F-WU-4)
  "cost_usd",
  "duration_seconds",
  "cumulative_cost_usd",
  "cumulative_duration_seconds",
  "prior_cost_usd",
  "prior_duration_seconds",
  // event payloads (F-EV-3, F-EV-4)
  "budget_usd",
  "spent_usd",
  "gate_total_cost",
  "gate_budget",
  "limit_seconds",
]);
