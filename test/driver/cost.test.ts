import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decideBudgetBrake,
  gateSpent,
  type BudgetInput,
} from "../../src/driver/walk/budget-brake.js";
import {
  attemptRecord,
  cycleFieldWrites,
  cycleTotals,
  formatUsd,
  formatUsd4,
} from "../../src/driver/unit/cost.js";

describe("attemptRecord (driver D-COST-1, D-COST-3)", () => {
  it("D-COST-1 rounds duration to 3 dp and keeps captured usage", () => {
    expect(
      attemptRecord(
        2,
        84.12345,
        { cost_usd: 0.4123, input_tokens: 12, output_tokens: 3410 },
        true,
      ),
    ).toStrictEqual({
      attempt: 2,
      duration_seconds: 84.123,
      cost_usd: 0.4123,
      input_tokens: 12,
      output_tokens: 3410,
    });
  });

  it("D-COST-1 omits what was not captured", () => {
    expect(attemptRecord(1, 1, null, true)).toStrictEqual({
      attempt: 1,
      duration_seconds: 1,
    });
    expect(
      attemptRecord(1, 1, { cache_read_input_tokens: 4 }, true),
    ).toStrictEqual({
      attempt: 1,
      duration_seconds: 1,
      cache_read_input_tokens: 4,
    });
  });

  it("D-COST-3 records no usage with cost tracking off", () => {
    expect(
      attemptRecord(1, 2.5, { cost_usd: 1, input_tokens: 9 }, false),
    ).toStrictEqual({
      attempt: 1,
      duration_seconds: 2.5,
    });
  });
});

describe("cycleTotals and cycleFieldWrites (driver D-COST-1, D-COST-2)", () => {
  it("D-COST-1 sums cost and tokens where present, duration always", () => {
    const totals = cycleTotals([
      { attempt: 1, duration_seconds: 1.1, cost_usd: 0.1, input_tokens: 5 },
      { attempt: 2, duration_seconds: 2.2 },
      { attempt: 3, duration_seconds: 0.0005, cost_usd: 0.2, output_tokens: 7 },
    ]);
    expect(totals).toStrictEqual({
      duration_seconds: 3.301,
      cost_usd: 0.3,
      input_tokens: 5,
      output_tokens: 7,
    });
  });

  it("D-COST-2 writes cost and tokens only when something was spent", () => {
    expect(cycleFieldWrites({ duration_seconds: 12.3456 })).toStrictEqual([
      { key: "duration_seconds", value: 12.346, isFloat: true },
    ]);
    expect(
      cycleFieldWrites({ duration_seconds: 1, cost_usd: 0, input_tokens: 0 }),
    ).toHaveLength(1);
    expect(
      cycleFieldWrites({ duration_seconds: 1, cost_usd: 0.00000012345 }),
    ).toStrictEqual([
      { key: "duration_seconds", value: 1, isFloat: true },
      { key: "cost_usd", value: 0, isFloat: true },
      { key: "input_tokens", value: 0, isFloat: false },
      { key: "output_tokens", value: 0, isFloat: false },
    ]);
    expect(
      cycleFieldWrites({
        duration_seconds: 1,
        cache_creation_input_tokens: 3,
      }).map((w) => w.key),
    ).toStrictEqual([
      "duration_seconds",
      "cost_usd",
      "input_tokens",
      "output_tokens",
    ]);
    expect(
      cycleFieldWrites({ duration_seconds: 1, cost_usd: 1.23456789 })[1],
    ).toStrictEqual({
      key: "cost_usd",
      value: 1.234568,
      isFloat: true,
    });
  });

  it("property: totals never depend on record order", () => {
    const rec = fc.record({
      attempt: fc.nat(9),
      duration_seconds: fc
        .integer({ min: 0, max: 100000 })
        .map((n) => n / 1000),
      cost_usd: fc.option(
        fc.integer({ min: 0, max: 10 ** 6 }).map((n) => n / 10 ** 6),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 6 }), (records) => {
        const clean = records.map((r) =>
          r.cost_usd === undefined
            ? { attempt: r.attempt, duration_seconds: r.duration_seconds }
            : r,
        );
        const a = cycleTotals(clean);
        const b = cycleTotals([...clean].reverse());
        return (
          a.duration_seconds === b.duration_seconds && a.cost_usd === b.cost_usd
        );
      }),
    );
  });
});

describe("money formatting (cli.md C-OUT-4, README resolved point 5)", () => {
  it.each([
    [0.41, "$0.41"],
    [0, "$0.00"],
    [12.345, "$12.35"],
    [0.0042, "$0.0042"],
    [0.00999, "$0.01"],
    [-0.5, "-$0.50"],
  ])("C-OUT-4 formatUsd(%d) = %s", (value, text) => {
    expect(formatUsd(value)).toBe(text);
  });
  it("D-BUDGET-2 budget message uses 4 decimals", () => {
    expect(formatUsd4(1.5)).toBe("$1.5000");
    expect(formatUsd4(0.123456)).toBe("$0.1235");
  });
});

describe("budget brake (driver D-BUDGET-1, D-BUDGET-2)", () => {
  const base: BudgetInput = {
    gate: 2,
    gateFile: ".specfuse/features/F/GATE-02.md",
    gateStatus: "open",
    budget: 1,
    units: [
      { status: "done", cost_usd: 0.6 },
      { status: "done", cost_usd: 0.4 },
      { status: "blocked_human", cost_usd: 5 },
      { status: "done", cost_usd: "9" },
    ],
    nextUnitId: "FEAT-2026-0042/T03",
  };

  it("D-BUDGET-1 spending counts numeric cost_usd of done units only", () => {
    expect(gateSpent(base.units)).toBeCloseTo(1.0, 10);
  });

  it("D-BUDGET-2 brakes when spent ≥ budget", () => {
    const d = decideBudgetBrake(base);
    expect(d.action).toBe("brake");
    if (d.action !== "brake") return;
    expect(d.event).toStrictEqual({
      reason: "gate_budget_exceeded",
      budget_usd: 1,
      spent_usd: 1,
      next_wu_id: "FEAT-2026-0042/T03",
    });
    expect(d.commitSubject).toBe(
      "chore(loop): gate 2 budget exceeded — awaiting_review",
    );
    expect(d.message[0]).toBe(
      "gate 2 budget reached: spent $1.0000 of $1.0000; halted before FEAT-2026-0042/T03",
    );
    expect(d.message.join("\n")).toContain(
      "raise cost_budget_usd in .specfuse/features/F/GATE-02.md",
    );
    expect(d.message.join("\n")).toContain(
      "does not brake while the gate awaits review",
    );
  });

  it("D-BUDGET-2 spent_usd is rounded to 6 dp", () => {
    const d = decideBudgetBrake({
      ...base,
      budget: 0.1,
      units: [{ status: "done", cost_usd: 0.1234567891 }],
    });
    expect(d.action === "brake" && d.event.spent_usd).toBe(0.123457);
  });

  it("D-BUDGET-1 below the budget continues", () => {
    expect(decideBudgetBrake({ ...base, budget: 1.01 })).toMatchObject({
      action: "continue",
      budget: 1.01,
    });
  });

  it("D-BUDGET-1 no brake while awaiting review, or without a budget", () => {
    expect(
      decideBudgetBrake({
        ...base,
        gateStatus: "awaiting_review",
        budget: "x",
      }),
    ).toStrictEqual({
      action: "none",
      why: "awaiting_review",
    });
    expect(decideBudgetBrake({ ...base, budget: undefined })).toStrictEqual({
      action: "none",
      why: "no_budget",
    });
  });

  it.each([
    ["null", null, "null"],
    ["a boolean", true, "the boolean true"],
    ["a string", "5", 'the string "5"'],
    ["a list", [1], "a list"],
    ["a mapping", { a: 1 }, "a mapping"],
  ])(
    "D-BUDGET-1 %s budget is invalid (65 frontmatter_invalid)",
    (_n, budget, shown) => {
      const d = decideBudgetBrake({ ...base, budget });
      expect(d).toMatchObject({
        action: "invalid",
        message: `cost_budget_usd must be a number, found ${shown}`,
      });
    },
  );
});

describe("budget brake rounding (driver D-BUDGET-2)", () => {
  it("D-BUDGET-2 compares the 6 dp sum, so 0.1 + 0.7 reaches a 0.8 budget", () => {
    const d = decideBudgetBrake({
      gate: 1,
      gateFile: "G",
      gateStatus: "open",
      budget: 0.8,
      units: [
        { status: "done", cost_usd: 0.1 },
        { status: "done", cost_usd: 0.7 },
      ],
      nextUnitId: "X",
    });
    expect(d.action).toBe("brake");
  });
});
