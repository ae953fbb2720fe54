import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  oracleHits,
  WIRING_KEYWORDS,
  wiringHits,
} from "../../src/lint/phrases.js";

// The patterns exactly as lint.md L-DEF-4 writes them (boundaries as lookarounds, flags iu): the oracle for
// phrases.ts, which compiles only the cores and checks the boundaries by hand.
const B = "(?<![\\p{L}\\p{N}_])";
const E = "(?![\\p{L}\\p{N}_])";
const D = "\\p{Nd}+";
const SPEC_ORACLE = [
  `${B}test\\s+loops?${E}`,
  `${B}loops?\\s+of\\s+tests?${E}`,
  `${B}audit${E}`,
  `${B}recursive\\s+run${E}`,
  `${B}run\\s+${D}\\s+times${E}`,
  `${B}${D}\\s+consecutive\\s+runs?${E}`,
  `${B}smoke[-\\s]tests?${E}`,
  `${B}oracle${E}`,
  `${B}integration\\s+tests?${E}`,
  `${B}e2e${E}`,
  `for\\s+i\\s+in\\s+\\$\\(seq${E}`,
  `${B}repeat\\s+${D}\\s+times${E}`,
].map((s) => new RegExp(s, "iu"));
const SPEC_WIRING = WIRING_KEYWORDS.map(
  (kw) =>
    new RegExp(`${B}${kw.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${E}`, "iu"),
);
const specHits = (patterns: RegExp[], text: string): string[] =>
  patterns.flatMap((p) => p.exec(text)?.[0] ?? []);

// Pieces that stress the boundaries: keyword fragments, case-fold oddities (ſ, K as the Kelvin sign, U+0345
// which folds to a letter), non-ASCII letters and digits, astral letters and digits, lone surrogates.
const PIECES = [
  ...WIRING_KEYWORDS,
  "test loops",
  "loop of tests",
  "audit",
  "recursive run",
  "run 3 times",
  "run ٣ times",
  "12 consecutive runs",
  "smoke-test",
  "smoke tests",
  "ORACLE",
  "integration test",
  "e2e",
  "for i in $(seq",
  "repeat 2 times",
  "ſ",
  "\u212a",
  "\u0345",
  "é",
  "x",
  "_",
  "7",
  "0",
  "9",
  "run ",
  " times",
  "٣",
  " ",
  "-",
  ".",
  "(",
  "\n",
  "𝐀",
  "𝟎",
  "\ud835",
  "\udc00",
  "s",
  "S",
];

describe("phrase patterns (lint.md L-DEF-4)", () => {
  it("L-DEF-4 finds exactly the hits of the spec's lookaround patterns under iu (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }),
        (parts) => {
          const text = parts.join("");
          expect(oracleHits(text)).toStrictEqual(specHits(SPEC_ORACLE, text));
          expect(wiringHits(text)).toStrictEqual(specHits(SPEC_WIRING, text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("L-DEF-4 matches digit phrases with any digits and in any case, ASCII text or not (property)", () => {
    const digits = fc.string({
      unit: fc.constantFrom("0", "1", "5", "9", "٣", "𝟎"),
      minLength: 1,
      maxLength: 3,
    });
    const template = fc.constantFrom(
      (d: string) => `run ${d} times`,
      (d: string) => `${d} consecutive runs`,
      (d: string) => `repeat\t${d}  times`,
    );
    fc.assert(
      fc.property(
        template,
        digits,
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        fc.constantFrom("", " ", "x", "é", "-"),
        (make, d, upper, around) => {
          const text = [...make(d)]
            .map((c, i) => (upper[i % 30] === true ? c.toUpperCase() : c))
            .join("");
          const padded = `${around}${text}${around}`;
          expect(oracleHits(padded)).toStrictEqual(
            specHits(SPEC_ORACLE, padded),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("L-DEF-4 reads U+0345 as a word character, as the class does under iu", () => {
    expect(oracleHits("\u0345audit")).toStrictEqual([]);
    expect(oracleHits("audit\u0345")).toStrictEqual([]);
    expect(oracleHits("𝐀audit")).toStrictEqual([]);
    expect(oracleHits("\udc00audit")).toStrictEqual(["audit"]);
    expect(oracleHits("aaudit audit")).toStrictEqual(["audit"]);
  });

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
