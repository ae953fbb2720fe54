import { InvalidArgumentError } from "commander";

// Integer option values in a range; commander turns the throw into a usage error.
export function intInRange(
  min: number,
  max: number,
): (value: string) => number {
  return (value) => {
    if (!/^[+-]?\d+$/.test(value.trim()))
      throw new InvalidArgumentError(
        `expected an integer from ${min} to ${max}.`,
      );
    const n = Number(value);
    if (n < min || n > max)
      throw new InvalidArgumentError(
        `expected an integer from ${min} to ${max}.`,
      );
    return n;
  };
}

// Any integer, negatives included (lint's --just-closed-gate).
export function anyInt(value: string): number {
  if (!/^[+-]?\d+$/.test(value.trim()))
    throw new InvalidArgumentError("expected an integer.");
  return Number(value);
}

// A positive decimal such as 0.05 (timeouts in minutes).
export function positiveDecimal(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(
      "expected a positive number, such as 45 or 0.5.",
    );
  return n;
}

// A positive integer (limits).
export function positiveInt(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
    throw new InvalidArgumentError("expected a positive integer.");
  return Number(value);
}

// One of a fixed set of words.
export function oneOf(choices: readonly string[]): (value: string) => string {
  return (value) => {
    if (!choices.includes(value))
      throw new InvalidArgumentError(`expected one of: ${choices.join(", ")}.`);
    return value;
  };
}

// Collects a repeatable or variadic option into one list.
export function collect(
  value: string,
  previous: string[] | undefined,
): string[] {
  return [...(previous ?? []), value];
}
