// Plain-decimal float text (formats.md F-WRITE-4): shortest round-trip digits, at least one fractional digit, never an exponent.
export function formatFloat(value: number): string {
  if (!Number.isFinite(value))
    throw new RangeError(`cannot write ${value} as a plain decimal`);
  const text = plainDecimal(value);
  return text.includes(".") ? text : `${text}.0`;
}

// Plain-decimal text of a number without forcing a fractional part (integers stay integers).
export function plainDecimal(value: number): string {
  const text = String(Object.is(value, -0) ? 0 : value);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (m === null) return text;
  const [, sign = "", int = "", frac = "", expText = "0"] = m;
  const exp = Number(expText);
  const digits = int + frac;
  const point = int.length + exp;
  if (point <= 0)
    return `${sign}0.${"0".repeat(-point)}${digits}`.replace(/0+$/, "");
  if (point >= digits.length)
    return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// Rounds to a number of decimals (the 3 dp durations and 6 dp costs of formats.md F-WU-3).
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * f) / f;
}
