import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildEvidence,
  cleanLines,
  configurationErrorEvidence,
  failureExcerpt,
  gateBlock,
  headBytes,
  stripAnsi,
  tailBytes,
  tailLines,
} from "../../src/verify/evidence.js";
import { dedent } from "../helpers/dedent.js";

const numbered = (n: number) =>
  Array.from({ length: n }, (_, i) => `out ${i + 1}`).join("\n") + "\n";

describe("stripAnsi and cleanLines", () => {
  it.each([
    ["\u001b[31mred\u001b[0m", "red"],
    ["\u001b[1;32m✓\u001b[22m ok", "✓ ok"],
    ["\u001b]0;title\u0007text", "text"],
    ["\u001b]8;;https://x\u001b\\link\u001b]8;;\u001b\\", "link"],
    ["\u009b2Kline", "line"],
    ["\u001b(Bplain", "plain"],
    ["\u001b[?25lhidden cursor\u001b[?25h", "hidden cursor"],
  ])("%j → %j", (input, expected) => {
    expect(stripAnsi(input)).toBe(expected);
  });

  it("trims trailing whitespace, keeps what a \\r overwrite leaves, drops blank end lines", () => {
    expect(
      cleanLines("a  \r\nprogress 10%\rprogress 100%\nb\t\n\n  \n"),
    ).toStrictEqual(["a", "progress 100%", "b"]);
    expect(cleanLines("")).toStrictEqual([]);
  });

  it("tailLines keeps the last n", () => {
    expect(tailLines(numbered(20), 3)).toStrictEqual([
      "out 18",
      "out 19",
      "out 20",
    ]);
    expect(tailLines("x", 0)).toStrictEqual([]);
  });
});

describe("gate evidence (D-VER-5)", () => {
  it("a failing gate: header, fence, $ command, last 15 lines", () => {
    const block = gateBlock({
      name: "tests",
      command: "npm test",
      isPassed: false,
      isTimedOut: false,
      timeoutSeconds: 900,
      output: `\u001b[31m${numbered(20)}\u001b[0m`,
    });
    expect(block).toBe(
      [
        "### tests: FAIL",
        "```",
        "$ npm test",
        ...numbered(20).trim().split("\n").slice(5),
        "```",
      ].join("\n"),
    );
  });

  it("a passing gate with no output has the same shape", () => {
    expect(
      gateBlock({
        name: "lint",
        command: "true",
        isPassed: true,
        isTimedOut: false,
        timeoutSeconds: 900,
        output: "",
      }),
    ).toBe("### lint: PASS\n```\n$ true\n```");
  });

  it("a timed-out gate: last 10 lines, then the GATE TIMEOUT line", () => {
    const block = gateBlock({
      name: "e2e-tests",
      command: "npm run e2e",
      isPassed: false,
      isTimedOut: true,
      timeoutSeconds: 0.5,
      output: numbered(30),
    });
    const lines = block.split("\n");
    expect(lines.slice(0, 3)).toStrictEqual([
      "### e2e-tests: FAIL",
      "```",
      "$ npm run e2e",
    ]);
    expect(lines.slice(3, 13)).toStrictEqual(
      numbered(30).trim().split("\n").slice(20),
    );
    expect(lines.slice(13)).toStrictEqual([
      "GATE TIMEOUT: exceeded 0.5s; process group killed",
      "```",
    ]);
  });

  it("blocks are separated by one blank line", () => {
    const gate = (name: string, isPassed: boolean) => ({
      name,
      command: `run ${name}`,
      isPassed,
      isTimedOut: false,
      timeoutSeconds: 900,
      output: `${name} output\n`,
    });
    expect(buildEvidence([gate("tests", false), gate("lint", true)])).toBe(
      dedent`
      ### tests: FAIL
      \`\`\`
      $ run tests
      tests output
      \`\`\`

      ### lint: PASS
      \`\`\`
      $ run lint
      lint output
      \`\`\`
    `.trimEnd(),
    );
  });

  it("D-VER-2: the configuration error starts with CONFIGURATION ERROR:, names the set and clears the unit", () => {
    for (const problem of ["missing", "empty"] as const) {
      const text = configurationErrorEvidence("plannext", problem);
      expect(text.startsWith("CONFIGURATION ERROR:")).toBe(true);
      expect(text).toContain('"plannext"');
      expect(text).toMatch(/not at fault/);
      expect(text).not.toMatch(/^### .+: FAIL$/m);
    }
  });
});

describe("failureExcerpt (D-SPIN-4)", () => {
  it("keeps only the lines naming a failure, case-insensitively", () => {
    const evidence = dedent`
      ### tests: FAIL
      \`\`\`
      $ pytest
      collected 3 items
      FAILED test_a.py::test_x - AssertionError
      Traceback (most recent call last):
      some other line
      ValueError: bad
      an exception happened
      \`\`\`
    `;
    expect(failureExcerpt(evidence)).toBe(
      [
        "### tests: FAIL",
        "FAILED test_a.py::test_x - AssertionError",
        "Traceback (most recent call last):",
        "ValueError: bad",
        "an exception happened",
      ].join("\n"),
    );
  });

  it("uses the whole evidence when nothing matches, and keeps the last 500 bytes at a character boundary", () => {
    expect(failureExcerpt("all good\n")).toBe("all good\n");
    const long = `Error ${"é".repeat(400)}`;
    const excerpt = failureExcerpt(long);
    expect(Buffer.byteLength(excerpt)).toBeLessThanOrEqual(500);
    expect(long.endsWith(excerpt)).toBe(true);
    expect(excerpt).toBe("é".repeat(250));
  });
});

describe("byte-bounded cuts (A-TEST-5 evidence truncation bounds)", () => {
  it("tailBytes is a suffix within the bound, whole characters only (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.nat({ max: 600 }),
        (text, n) => {
          const cut = tailBytes(text, n);
          expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(Math.max(n, 0));
          expect(text.endsWith(cut)).toBe(true);
          expect(Buffer.byteLength(cut)).toBeGreaterThanOrEqual(
            Math.min(n, Buffer.byteLength(text)) - 3,
          );
          if (Buffer.byteLength(text) <= n) expect(cut).toBe(text);
        },
      ),
    );
  });

  it("headBytes is a prefix within the bound, whole characters only (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.nat({ max: 600 }),
        (text, n) => {
          const cut = headBytes(text, n);
          expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(n);
          expect(text.startsWith(cut)).toBe(true);
          expect(cut).not.toContain("\uFFFD");
        },
      ),
    );
  });

  it("gate blocks never exceed 15 output lines, whatever the output (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 60 }),
        fc.boolean(),
        (lines, isTimedOut) => {
          const block = gateBlock({
            name: "g",
            command: "c",
            isPassed: false,
            isTimedOut,
            timeoutSeconds: 1,
            output: lines.join("\n"),
          });
          const body = block.split("\n").slice(3, -1);
          expect(body.length).toBeLessThanOrEqual(isTimedOut ? 11 : 15);
          if (isTimedOut)
            expect(body[body.length - 1]).toMatch(/^GATE TIMEOUT: /);
        },
      ),
    );
  });
});
