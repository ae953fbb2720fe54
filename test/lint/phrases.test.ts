import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  oracleHits,
  WIRING_KEYWORDS,
  wiringHits,
} from "../../src/lint/phrases.js";

describe("phrase patterns (lint.md L-DEF-4)", () => {
  it("lists hits in pattern order, in their original case", () => {
    expect(
      oracleHits("An ORACLE, then an Audit and 3 consecutive runs."),
    ).toStrictEqual(["Audit", "3 consecutive runs", "ORACLE"]);
    expect(wiringHits("Calls SQUASH_COMMIT from loop.py")).toStrictEqual([
      "loop.py",
      "SQUASH_COMMIT",
    ]);
  });

  it("uses Unicode word boundaries and digits", () => {
    expect(oracleHits("run ٣ times")).toStrictEqual(["run ٣ times"]);
    expect(oracleHits("éaudit")).toStrictEqual([]);
    expect(oracleHits("-audit-")).toStrictEqual(["audit"]);
    expect(wiringHits("ſquash_commit")).toStrictEqual(["ſquash_commit"]);
  });

  it("finds every keyword alone and in any case, and nothing inside longer words (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WIRING_KEYWORDS),
        fc.constantFrom("", " ", "(", "-x ", "é"),
        fc.constantFrom("", " ", ".", "x", "_"),
        fc.boolean(),
        (kw, before, after, isUpper) => {
          const word = isUpper ? kw.toUpperCase() : kw.toLowerCase();
          const isBounded =
            !/[\p{L}\p{N}_]$/u.test(before) && !/^[\p{L}\p{N}_]/u.test(after);
          expect(wiringHits(`${before}${word}${after}`)).toStrictEqual(
            isBounded ? [word] : [],
          );
        },
      ),
    );
  });
});
