/** One `re_arm_history` entry (formats.md F-WU-4): how a cycle ended and why it was re-armed. */
export interface ReArmEntry {
  timestamp: string | null;
  reason: string | null;
  prior_status: string | null;
  prior_attempts: number | null;
  prior_cost_usd: number | null;
  prior_duration_seconds: number | null;
}

// Reads `re_arm_history` leniently: a non-list is empty, and a non-map entry keeps its place with nulls; pure.
export function reArmEntries(value: unknown): ReArmEntry[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw: unknown) => {
    const o =
      raw !== null && typeof raw === "object" && !Array.isArray(raw)
        ? (raw as Record<string, unknown>)
        : {};
    const str = (v: unknown) => (typeof v === "string" ? v : null);
    const num = (v: unknown) =>
      typeof v === "number" && Number.isFinite(v) ? v : null;
    const stamp =
      o.timestamp instanceof Date
        ? o.timestamp.toISOString()
        : str(o.timestamp);
    return {
      timestamp: stamp,
      reason: str(o.reason),
      prior_status: str(o.prior_status),
      prior_attempts: num(o.prior_attempts),
      prior_cost_usd: num(o.prior_cost_usd),
      prior_duration_seconds: num(o.prior_duration_seconds),
    };
  });
}
