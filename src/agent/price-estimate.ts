import type { ModelPrice } from "../types/config.js";
import type { AgentResult, BackendUsage } from "./backend.js";

/** What decides an attempt's cost besides the agent's own report (agents.md AG-COST-2, AG-COST-3). */
export interface CostPolicy {
  /** Models to price by, first match wins: the unit's, then the one the CLI named. */
  models: ReadonlyArray<string | null | undefined>;
  /** `agent.prices`, absent when unset. */
  prices?: Readonly<Record<string, ModelPrice>>;
  /** `agent.<name>.report_cost`. */
  reportCost: boolean;
}

// USD for the tokens at a price table row (USD per million). Cache tokens without their own
// price cost the input rate; reasoning tokens cost only when priced (most CLIs count them in output).
export function estimateCost(usage: BackendUsage, price: ModelPrice): number {
  const perToken = (rate: number | undefined, tokens: number | undefined) =>
    ((rate ?? 0) * (tokens ?? 0)) / 1_000_000;
  return (
    perToken(price.input, usage.input) +
    perToken(price.output, usage.output) +
    perToken(price.cache_read ?? price.input, usage.cacheRead) +
    perToken(price.cache_write ?? price.input, usage.cacheWrite) +
    perToken(price.reasoning, usage.reasoning)
  );
}

const hasTokens = (usage: BackendUsage) =>
  Object.values(usage).some((v) => typeof v === "number");

// Drops a reported cost under `report_cost: false`, then prices reported tokens that came without a
// cost from the user's own table on an exact model match; never invents a cost otherwise.
export function applyCostPolicy(
  result: AgentResult,
  policy: CostPolicy,
): AgentResult {
  let out = result;
  if (!policy.reportCost && out.costSource === "reported") {
    const { costUsd: _dropped, ...rest } = out;
    out = { ...rest, costSource: "none" };
  }
  if (out.costSource !== "none" || !hasTokens(out.usage)) return out;
  const model = policy.models.find(
    (m): m is string =>
      typeof m === "string" && policy.prices?.[m] !== undefined,
  );
  const price = model === undefined ? undefined : policy.prices?.[model];
  if (price === undefined) return out;
  return {
    ...out,
    costUsd: estimateCost(out.usage, price),
    costSource: "estimated",
  };
}
