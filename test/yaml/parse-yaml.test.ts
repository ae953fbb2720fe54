import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineOf, parseYaml } from "../../src/yaml/parse-yaml.js";
import { rewriteLenient } from "../../src/yaml/leniency.js";
import { dedent } from "../helpers/dedent.js";

describe("parseYaml (formats.md F-YAML-1..4)", () => {
  it.each([
    ["-5", -5],
    ["1e3", 1000],
    ["007", 7],
    ["TRUE", true],
    ["null", null],
    ["~", null],
    ["yes", "yes"],
    ["2026-06-15T02:40:05+00:00", "2026-06-15T02:40:05+00:00"],
    ["0x1F", 31],
  ])("reads %s with the YAML 1.2 core schema (F-YAML-2)", (text, expected) => {
    const r = parseYaml(`v: ${text}\n`);
    expect(r.ok && (r.yaml.value as { v: unknown }).v).toStrictEqual(expected);
  });

  it("rejects duplicate keys at the line of the repeat", () => {
    const r = parseYaml("a: 1\nb: 2\na: 3\n", 10);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ line: 13, excerpt: "a: 3" });
  });

  it("rejects a second document", () => {
    const r = parseYaml("a: 1\n---\nb: 2\n");
    expect(r.ok).toBe(false);
  });

  it('applies the leniency retry to plain values containing ": " (F-YAML-3)', () => {
    const r = parseYaml("roadmap_goal: Cut p99 latency: no regressions\n");
    expect(r.ok && r.yaml.value).toStrictEqual({
      roadmap_goal: "Cut p99 latency: no regressions",
    });
  });

  it("reports the original first error when the retry also fails", () => {
    const r = parseYaml("a: b: c\nd: [1\n", 4);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.line).toBe(5);
  });

  it("locates keys and sequence items by file line", () => {
    const text = dedent`
      gates:
        - gate: 1
          work_units:
            - id: A
              depends_on: [B, C]
    `;
    const r = parseYaml(text, 20);
    if (!r.ok) throw new Error("parse failed");
    expect(lineOf(r.yaml, ["gates", 0])).toBe(22);
    expect(lineOf(r.yaml, ["gates", 0, "work_units", 0, "id"])).toBe(24);
    expect(lineOf(r.yaml, ["gates", 0, "work_units", 0, "depends_on", 1])).toBe(
      25,
    );
    expect(lineOf(r.yaml, ["gates", 3])).toBeNull();
  });

  it("property: parse errors carry in-range file line numbers (A-TEST-5)", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.integer({ min: 0, max: 1000 }),
        (text, offset) => {
          const r = parseYaml(text, offset);
          if (r.ok) return true;
          const lines = text.split("\n").length;
          return r.issue.line >= offset + 1 && r.issue.line <= offset + lines;
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("rewriteLenient", () => {
  it.each([
    ["title: a: b", 'title: "a: b"'],
    ["  - key: ends with:", '  - key: "ends with:"'],
    ["k: `code`", 'k: "`code`"'],
    ["k: @at", 'k: "@at"'],
    ['k: "quoted: already"', 'k: "quoted: already"'],
    ["k: [a: b]", "k: [a: b]"],
    ["k: plain", "k: plain"],
    ['k: a: "b" \\ c # note', 'k: "a: \\"b\\" \\\\ c"'],
  ])("%s → %s", (input, output) => {
    expect(rewriteLenient(input)).toBe(output);
  });
});
