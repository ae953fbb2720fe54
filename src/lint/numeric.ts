// N(v) lives with the plan model, which reads planned costs the same way (lint.md L-DEF-5).
export { numericValue, type Numeric } from "../plan/numeric-value.js";

const view = new DataView(new ArrayBuffer(8));

// The exact value of a finite double as mantissa × 2^exponent (both integers).
function decompose(x: number): { mantissa: bigint; exponent: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

// round2 of lint.md L-DEF-6: the hundredth nearest the exact binary value, exact ties to the even hundredth.
export function round2(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const isNegative = x < 0;
  const { mantissa, exponent } = decompose(Math.abs(x));
  let hundredths: bigint;
  if (exponent >= 0) {
    hundredths = mantissa * 100n * (1n << BigInt(exponent));
  } else {
    const numerator = mantissa * 100n;
    const denominator = 1n << BigInt(-exponent);
    const q = numerator / denominator;
    const twiceRest = (numerator % denominator) * 2n;
    const isUp =
      twiceRest > denominator || (twiceRest === denominator && q % 2n === 1n);
    hundredths = isUp ? q + 1n : q;
  }
  if (hundredths === 0n) return 0;
  const whole = hundredths / 100n;
  const cents = (hundredths % 100n).toString().padStart(2, "0");
  // Parsing the exact decimal text gives the double nearest to it.
  const value = Number(`${whole}.${cents}`);
  return isNegative ? -value : value;
}
