import { describe, expect, it } from "vitest";
import { carriedOver } from "../../src/driver/unit/cycle.js";
import type { LoggedEvent } from "../../src/types/outcome.js";

const ev = (
  corr: string,
  payload: Record<string, unknown>,
  type = "attempt_outcome",
): LoggedEvent => ({
  timestamp: "2026-11-22T00:00:00.000000+00:00",
  correlation_id: corr,
  event_type: type,
  payload,
});

describe("carriedOver (driver D-ATT-1: continuing an interrupted cycle)", () => {
  it("starts at the last attempt-1 event, skips uncounted interruptions, keeps the last record per attempt", () => {
    const events = [
      ev("U", { attempt: 1, outcome: "failed", duration_seconds: 9 }),
      ev("U", {
        attempt: 1,
        outcome: "failed",
        duration_seconds: 1,
        cost_usd: 0.5,
        input_tokens: 3,
        failure_class: "tests",
        failure_signature: "t1",
        failure_excerpt: "x",
      }),
      ev("OTHER", { attempt: 1, outcome: "passed", duration_seconds: 1 }),
      ev("U", {
        attempt: 2,
        outcome: "interrupted",
        counted: false,
        duration_seconds: 0,
      }),
      ev("U", { attempt: 2, outcome: "zero_token_skip", duration_seconds: 2 }),
      ev("U", { attempt: 3, outcome: "timeout", duration_seconds: 3 }),
    ];
    const c = carriedOver(events, "U", 3);
    expect(c.records).toStrictEqual([
      { attempt: 1, duration_seconds: 1, cost_usd: 0.5, input_tokens: 3 },
      { attempt: 2, duration_seconds: 2 },
    ]);
    expect(c.outcomes).toStrictEqual(["failed", "zero_token"]);
    expect(c.signatures.get(1)).toStrictEqual({
      failure_class: "tests",
      failure_signature: "t1",
    });
    expect(c.excerpts.get(1)).toBe("x");
  });

  it("is empty when the unit never ran", () => {
    expect(carriedOver([], "U", 2).records).toStrictEqual([]);
  });
});
