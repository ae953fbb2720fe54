import { describe, expect, it } from "vitest";
import { buildResult } from "../../src/agent/adapters/agent-result.js";
import {
  applyCostPolicy,
  estimateCost,
} from "../../src/agent/price-estimate.js";

const tokens = { input: 1_000_000, output: 500_000, cacheRead: 2_000_000 };
const withTokens = buildResult({
  finalText: "",
  terminal: "success",
  exitCode: 0,
  stderr: "",
  usage: tokens,
});
const prices = { "gpt-5.5": { input: 1.25, output: 10, cache_read: 0.125 } };

describe("cost policy (AG-COST-1..3)", () => {
  it("AG-COST-3 prices reported tokens without a cost on an exact model match", () => {
    expect(
      applyCostPolicy(withTokens, {
        models: [null, "gpt-5.5"],
        prices,
        reportCost: true,
      }),
    ).toMatchObject({
      costUsd: 1.25 + 5 + 0.25,
      costSource: "estimated",
    });
    expect(
      applyCostPolicy(withTokens, {
        models: ["gpt-5"],
        prices,
        reportCost: true,
      }).costSource,
    ).toBe("none");
    expect(
      applyCostPolicy(withTokens, { models: ["gpt-5.5"], reportCost: true })
        .costSource,
    ).toBe("none");
  });

  it("AG-COST-1 never invents a cost: no tokens, no estimate; a reported cost stands", () => {
    const empty = buildResult({
      finalText: "",
      terminal: "success",
      exitCode: 0,
      stderr: "",
    });
    expect(
      applyCostPolicy(empty, { models: ["gpt-5.5"], prices, reportCost: true }),
    ).toStrictEqual(empty);
    const reported = {
      ...withTokens,
      costUsd: 0.3,
      costSource: "reported" as const,
    };
    expect(
      applyCostPolicy(reported, {
        models: ["gpt-5.5"],
        prices,
        reportCost: true,
      }),
    ).toStrictEqual(reported);
  });

  it("AG-COST-2 report_cost: false drops the reported cost (then the user's table may price it)", () => {
    const reported = {
      ...withTokens,
      costUsd: 9,
      costSource: "reported" as const,
    };
    const dropped = applyCostPolicy(reported, {
      models: ["local"],
      reportCost: false,
    });
    expect(dropped.costSource).toBe("none");
    expect("costUsd" in dropped).toBe(false);
    expect(
      applyCostPolicy(reported, {
        models: ["local"],
        prices: { local: { input: 0, output: 0 } },
        reportCost: false,
      }),
    ).toMatchObject({ costUsd: 0, costSource: "estimated" });
  });

  it("cache tokens default to the input rate; reasoning costs only when priced", () => {
    expect(
      estimateCost(
        { cacheWrite: 1_000_000, reasoning: 1_000_000 },
        { input: 2, output: 8 },
      ),
    ).toBe(2);
    expect(
      estimateCost(
        { reasoning: 1_000_000 },
        { input: 2, output: 8, reasoning: 8 },
      ),
    ).toBe(8);
  });
});
