import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";

const LINE = fc.constantFrom(
  "---",
  "--- ",
  "---x",
  "----",
  "a: 1",
  "b: [x, y]",
  "oops",
  "",
  "# T",
  "body text",
  "\uFEFF---",
  "-- -",
  "c: |",
  "  block",
);

function visible(text: string) {
  const fm = parseFrontmatter(text);
  return {
    state: fm.state,
    data: fm.data,
    issue: fm.issue,
    body: fm.body,
    bodyLine: fm.bodyLine,
    closeLine: fm.closeLine,
  };
}

describe("parseFrontmatter fence scanning (formats.md F-FM-1, L-CONF-5 items 4 and 8)", () => {
  it("LF text reads exactly like the same text with CRLF or CR endings (property)", () => {
    fc.assert(
      fc.property(
        fc.array(LINE, { maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        (lines, hasBom, isTrailing) => {
          const text = `${hasBom ? "\uFEFF" : ""}${lines.join("\n")}${isTrailing ? "\n" : ""}`;
          const expected = visible(text);
          expect(visible(text.replace(/\n/g, "\r\n"))).toStrictEqual(expected);
          expect(visible(text.replace(/\n/g, "\r"))).toStrictEqual(expected);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it.each<[string, string, number | null]>([
    ["---\n---", "", 2],
    ["---\n---\n", "", 2],
    ["---\na: 1\n---\nx\ny", "x\ny", 3],
    ["---\na: 1", "", null],
    ["---", "", null],
    ["\uFEFF---\na: 1\n---\nbody", "body", 3],
    ["\uFEFF\uFEFF---\na: 1\n---\n", "\uFEFF---\na: 1\n---\n", null],
  ])("%j has body %j and closing line %s", (text, body, closeLine) => {
    const fm = parseFrontmatter(text);
    expect([fm.body, fm.closeLine]).toStrictEqual([body, closeLine]);
  });
});
