import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numericValue, round2 } from "../../src/lint/numeric.js";

describe("N(v) (lint.md L-DEF-5)", () => {
  it.each<[unknown, ReturnType<typeof numericValue>]>([
    [1.5, { kind: "number", value: 1.5 }],
    [true, { kind: "number", value: 1 }],
    [false, { kind: "number", value: 0 }],
    ["  2.5 ", { kind: "number", value: 2.5 }],
    ["1_000.5", { kind: "number", value: 1000.5 }],
    ["+5", { kind: "number", value: 5 }],
    ["-.5", { kind: "number", value: -0.5 }],
    ["1.", { kind: "number", value: 1 }],
    ["1e3", { kind: "number", value: 1000 }],
    ["1E-2", { kind: "number", value: 0.01 }],
    [null, { kind: "absent" }],
    [undefined, { kind: "absent" }],
    ["", { kind: "invalid" }],
    ["abc", { kind: "invalid" }],
    ["1__0", { kind: "invalid" }],
    ["_1", { kind: "invalid" }],
    ["1_", { kind: "invalid" }],
    ["0x1F", { kind: "invalid" }],
    ["inf", { kind: "invalid" }],
    ["nan", { kind: "invalid" }],
    ["1e400", { kind: "invalid" }],
    [Infinity, { kind: "invalid" }],
    [NaN, { kind: "invalid" }],
    [[1], { kind: "invalid" }],
    [{ a: 1 }, { kind: "invalid" }],
    ["٣", { kind: "invalid" }],
  ])("N(%j) is %j", (value, expected) => {
    expect(numericValue(value)).toStrictEqual(expected);
  });
});

// Exact reference: the decimal expansion of the double (toFixed is exact when the expansion has at most
// 100 fraction digits, true for |x| >= 1e-3), rounded half-even at the hundredth on the digit string.
function exactRound2(x: number): number {
  const [int, frac = ""] = x.toFixed(100).replace("-", "").split(".");
  let hundredths = BigInt(int! + frac.slice(0, 2));
  const rest = frac.slice(2).replace(/0+$/, "");
  const isHalf = /^50*$/.test(frac.slice(2)) && rest !== "";
  const isAbove = !isHalf && rest !== "" && frac[2]! >= "5";
  if (isAbove || (isHalf && hundredths % 2n === 1n)) hundredths += 1n;
  const s = hundredths.toString().padStart(3, "0");
  const value = Number(`${s.slice(0, -2)}.${s.slice(-2)}`);
  return x < 0 && value !== 0 ? -value : value;
}

describe("round2 (lint.md L-DEF-6)", () => {
  it.each<[number, number]>([
    [0.125, 0.12],
    [0.375, 0.38],
    [2.675, 2.67],
    [1.005, 1.0],
    [1.115, 1.11],
    [0.5, 0.5],
    [10.999, 11],
    [-0.125, -0.12],
    [-2.675, -2.67],
    [1e-9, 0],
    [123456789.125, 123456789.12],
    [2 ** 60, 2 ** 60],
  ])("round2(%s) = %s", (x, expected) => {
    expect(round2(x)).toBe(expected);
  });

  it("differs from toFixed on exact ties (0.125, 0.625)", () => {
    expect(Number((0.125).toFixed(2))).toBe(0.13);
    expect(round2(0.125)).toBe(0.12);
    expect(round2(0.625)).toBe(0.62);
  });

  it("matches an exact decimal-expansion oracle (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
          fc.double({ min: -1e6, max: -1e-3, noNaN: true }),
          fc.integer({ min: -100000, max: 100000 }).map((n) => n / 1000),
          fc.integer({ min: -100000, max: 100000 }).map((n) => n / 8),
        ),
        (x) => {
          expect(round2(x)).toBe(exactRound2(x));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
