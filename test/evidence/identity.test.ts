import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findingIdentity,
  findingsSignature,
  messageStem,
} from "../../src/evidence/identity.js";
import type { Finding } from "../../src/evidence/types.js";

const base: Finding = {
  check: "tests",
  runner: "node-test",
  file: "test/a.test.js",
  line: 7,
  test: "adds",
  message: "Expected values to be strictly equal:\n4 !== 3",
  expected: "3",
  actual: "4",
};

describe("EV-SIG-1 message stem", () => {
  it.each([
    ["first line only", "boom\nsecond", "boom"],
    ["numbers", "expected 5.5 to be 5", "expected <n> to be <n>"],
    [
      "paths",
      "cannot read /tmp/x/a.js:3:4 or src\\b.ts",
      "cannot read <path> or <path>",
    ],
    [
      "bare source files",
      "see pricing.py:6 and app.ts",
      "see <path> and <path>",
    ],
    ["file URLs", "at file:///w/a.js:1:2", "at <path>"],
    ["ISO times", "at 2024-05-01T10:20:30.123Z done", "at <time> done"],
    ["clock times", "started 10:20:30", "started <time>"],
    [
      "durations",
      "took 1.5s (0.00s) and 30 ms",
      "took <dur> (<dur>) and <dur>",
    ],
    [
      "hex ids",
      "object at 0x7f25b61e6c90, commit 3fa2b9c1d",
      "object at <id>, commit <id>",
    ],
    [
      "uuids",
      "run 123e4567-e89b-12d3-a456-426614174000 failed",
      "run <id> failed",
    ],
    [
      "identifiers keep their digits",
      "TS2322 in test_2 and E0308",
      "TS2322 in test_2 and E0308",
    ],
    ["whitespace", "  a \t  b  ", "a b"],
  ])("%s", (_name, message, stem) => {
    expect(messageStem(message)).toBe(stem);
  });

  it("is at most 120 characters", () => {
    expect(Array.from(messageStem("é".repeat(300)))).toHaveLength(120);
  });
});

describe("EV-SIG-1 identity and EV-SIG-2 signature", () => {
  it("leaves out line, column, expected and actual", () => {
    const moved = { ...base, line: 70, column: 3, expected: "9", actual: "1" };
    expect(findingIdentity(moved)).toBe(findingIdentity(base));
  });

  it("uses the test, else the rule", () => {
    const { test: _t, ...noTest } = base;
    expect(findingIdentity({ ...noTest, rule: "TS1" })).not.toBe(
      findingIdentity({ ...noTest, rule: "TS2" }),
    );
    expect(findingIdentity({ ...base, rule: "TS1" })).toBe(
      findingIdentity({ ...base, rule: "TS2" }),
    );
  });

  it("is fs1: and 16 hex digits over the distinct identities, in any order", () => {
    const other = { ...base, test: "subtracts" };
    const sig = findingsSignature([base, other], true);
    expect(sig).toMatch(/^fs1:[0-9a-f]{16}$/);
    expect(findingsSignature([other, base, { ...base, line: 99 }], true)).toBe(
      sig,
    );
    expect(findingsSignature([base], true)).not.toBe(sig);
  });

  it("is null without a finding, or when a failing check has none", () => {
    expect(findingsSignature([], true)).toBeNull();
    expect(findingsSignature([base], false)).toBeNull();
  });

  it("property: stable when lines move and numbers in messages change", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            test: fc.constantFrom("adds", "parses", "a > b"),
            line: fc.integer({ min: 1, max: 5000 }),
            a: fc.integer({ min: -1e6, max: 1e6 }),
            b: fc.double({
              noNaN: true,
              noDefaultInfinity: true,
              min: 0,
              max: 1e6,
            }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 999 }),
        (items, shift, delta) => {
          const make = (k: number, d: number) =>
            items.map((i) => ({
              ...base,
              test: i.test,
              line: i.line + k,
              message: `expected ${Math.abs(i.a) + d} to equal ${i.b + d} after ${d}ms`,
            }));
          expect(findingsSignature(make(shift, delta), true)).toBe(
            findingsSignature(make(0, 0), true),
          );
        },
      ),
    );
  });

  it("property: a different test or message word changes it", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{3,12}$/), (word) => {
        const other = { ...base, message: `${word} went wrong x` };
        const mine = { ...base, message: `${word} went wrong y` };
        expect(findingsSignature([other], true)).not.toBe(
          findingsSignature([mine], true),
        );
      }),
    );
  });
});
