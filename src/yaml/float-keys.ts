// Keys whose numbers are floats wherever they appear (frontmatter and events): written `0.0`, `12.0` even when integral (F-WRITE-4, F-EV-1).
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
