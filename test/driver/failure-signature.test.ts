import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  failureClassOf,
  failureSignature,
  isNoMarker,
  NO_MARKER_SIGNATURE,
} from "../../src/driver/attempt/failure-signature.js";
import { dedent } from "../helpers/dedent.js";

const block = (gate: string, body: string) =>
  ["### " + gate + ": FAIL", "```", "$ run " + gate, body, "```"].join("\n");

describe("failureSignature (driver D-SPIN-1, D-SPIN-2)", () => {
  const cases: Array<[string, string, string, string]> = [
    [
      "tests: unittest FAIL: test_x",
      block("tests", "FAIL: test_refill (bucket.Tests)\nFAILED other"),
      "tests",
      "test_refill",
    ],
    [
      "tests: pytest FAILED",
      block("tests", "collected 3 items\nFAILED tests/test_a.py::test_one - x"),
      "tests",
      "tests/test_a.py::test_one",
    ],
    [
      "tests: vitest-style indented FAIL",
      block("tests", "  ✓ ok\n   FAIL  test/a.test.ts > adds"),
      "tests",
      "test/a.test.ts",
    ],
    [
      "tests: go --- FAIL",
      block("tests", "--- FAIL: TestRefill (0.00s)"),
      "tests",
      "TestRefill",
    ],
    [
      "lint: rule code, whole match",
      block("lint", "src/a.py:3:1: E501 line too long"),
      "lint",
      "E501",
    ],
    [
      "security: bandit issue id",
      block("security", ">> Issue: [B602:subprocess] shell=True"),
      "security",
      "B602",
    ],
    [
      "coverage: first .py row",
      block("coverage", "Name    Stmts   Miss\nsrc/a.py   10   4   60%"),
      "coverage",
      "src/a.py",
    ],
    [
      "other class: hyphenated gate name matches (Q23)",
      block("type-check", "  src/a.ts(3,1):   error   TS2322: nope  "),
      "other",
      "src/a.ts(3,1): error TS2322: nope",
    ],
    [
      "fallback when the class's patterns miss",
      block("tests", "\n   Error: boom   happened\n"),
      "tests",
      "Error: boom happened",
    ],
    [
      "unknown when only fences and commands follow",
      "### lint: FAIL\n```\n$ eslint .\n```\n",
      "lint",
      "unknown",
    ],
  ];
  it.each(cases)("D-SPIN-2 %s", (_name, evidence, cls, sig) => {
    expect(failureSignature(evidence)).toStrictEqual({
      failure_class: cls,
      failure_signature: sig,
    });
  });

  it("D-SPIN-1 no marker gives the no-marker pair", () => {
    expect(
      failureSignature("CONFIGURATION ERROR: set `code` missing"),
    ).toStrictEqual(NO_MARKER_SIGNATURE);
    expect(failureSignature("### tests: PASS\nall good")).toStrictEqual(
      NO_MARKER_SIGNATURE,
    );
    expect(isNoMarker(failureSignature(""))).toBe(true);
  });

  it("D-SPIN-1 takes the first FAIL marker after PASS blocks", () => {
    const evidence = dedent`
      ### tests: PASS
      \`\`\`
      $ npm test
      FAILED not-this-one
      \`\`\`

      ### lint: FAIL
      \`\`\`
      $ eslint .
      a.ts: W1234 bad
      \`\`\`
    `;
    expect(failureSignature(evidence)).toStrictEqual({
      failure_class: "lint",
      failure_signature: "W1234",
    });
  });

  it("D-SPIN-2 pattern order wins over line order", () => {
    const ev = block("tests", "FAILED later::one\nFAIL: test_first");
    expect(failureSignature(ev).failure_signature).toBe("test_first");
  });

  it("D-SPIN-2 only searches the 50 lines after the marker", () => {
    const filler = Array.from({ length: 49 }, () => "").join("\n");
    const inside = `### tests: FAIL\n${filler}\nFAILED inside`;
    const outside = `### tests: FAIL\n${filler}\n\nFAILED outside`;
    expect(failureSignature(inside).failure_signature).toBe("inside");
    expect(failureSignature(outside).failure_signature).toBe("unknown");
  });

  it("D-SPIN-2 fallback cuts to 100 characters", () => {
    const sig = failureSignature(block("build", "x".repeat(150)));
    expect(sig.failure_signature).toBe("x".repeat(100));
  });

  it("D-SPIN-1 class comes from the gate name", () => {
    expect(
      ["tests", "lint", "security", "coverage", "unit-tests", "Tests"].map(
        failureClassOf,
      ),
    ).toStrictEqual([
      "tests",
      "lint",
      "security",
      "coverage",
      "other",
      "other",
    ]);
  });

  it("property: always returns a known class and a non-empty signature", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (gate, body) => {
        const sig = failureSignature(`### ${gate}: FAIL\n${body}`);
        return (
          ["tests", "lint", "security", "coverage", "other"].includes(
            sig.failure_class,
          ) && sig.failure_signature.length > 0
        );
      }),
    );
  });
});
