import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatFloat, plainDecimal } from "../../src/yaml/format-number.js";

describe("formatFloat (formats.md F-WRITE-4)", () => {
  it.each([
    [0, "0.0"],
    [1, "1.0"],
    [0.0123, "0.0123"],
    [0.0000001, "0.0000001"],
    [1e-6, "0.000001"],
    [84.1, "84.1"],
    [1.5e21, "1500000000000000000000.0"],
    [-0.00000125, "-0.00000125"],
  ])("%s → %s", (n, text) => expect(formatFloat(n)).toBe(text));

  it("refuses NaN and infinities", () => {
    expect(() => formatFloat(Number.NaN)).toThrow();
    expect(() => formatFloat(Infinity)).toThrow();
  });

  it("property: round-trips and never uses an exponent", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = formatFloat(n);
        return (
          !/e/i.test(text) &&
          text.includes(".") &&
          Number(text) === (Object.is(n, -0) ? 0 : n)
        );
      }),
    );
  });

  it("keeps integers as integers in plainDecimal", () => {
    expect(plainDecimal(12)).toBe("12");
  });
});
