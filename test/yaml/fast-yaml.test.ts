import fc from "fast-check";
import { LineCounter, parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import {
  fastLineOf,
  fastParseYaml,
  isPlain,
  isQuotedInner,
  PLAIN_SOURCE,
  QUOTED_INNER_SOURCE,
  resolvePlain,
} from "../../src/yaml/fast-yaml.js";
import { lineOf, parseYaml, type YamlDoc } from "../../src/yaml/parse-yaml.js";

const OPTIONS = {
  version: "1.2",
  schema: "core",
  uniqueKeys: true,
  merge: false,
} as const;

// The reference reading: the yaml package exactly as parse-yaml configures it, without the fast path.
function slow(text: string): { ok: boolean; value: unknown; doc: YamlDoc } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...OPTIONS, lineCounter });
  const ok = doc.errors.length === 0;
  const value: unknown = ok ? doc.toJS() : undefined;
  return { ok, value, doc: { value, doc, lineCounter, lineOffset: 0 } };
}

function pathsOf(
  value: unknown,
  prefix: Array<string | number> = [],
): Array<Array<string | number>> {
  if (Array.isArray(value))
    return value.flatMap((v, i) => [
      [...prefix, i],
      ...pathsOf(v, [...prefix, i]),
    ]);
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => [
      [...prefix, k],
      ...pathsOf(v, [...prefix, k]),
    ]);
  return [];
}

// Whenever the fast path answers, the yaml package must agree on validity, value and every line.
function agrees(text: string): void {
  const fast = fastParseYaml(text);
  if (fast === null) return;
  const ref = slow(text);
  expect(ref.ok, `fast path accepted invalid YAML:\n${text}`).toBe(true);
  expect(fast.value, text).toStrictEqual(ref.value);
  for (const p of pathsOf(ref.value))
    expect(fastLineOf(fast, p), `${p.join(".")} in\n${text}`).toBe(
      lineOf(ref.doc, p),
    );
}

const TRICKY = [
  "",
  "~",
  "null",
  "Null",
  "NULL",
  "nUll",
  "true",
  "True",
  "TRUE",
  "tRue",
  "false",
  "FALSE",
  "yes",
  "no",
  "on",
  "y",
  "1",
  "-5",
  "+5",
  "007",
  "08",
  "-0",
  "0o17",
  "0o8",
  "0x1F",
  "0xg",
  "1e3",
  "1E3",
  "-1e-3",
  ".5",
  "-.5",
  "+.5",
  "1.",
  "1.0",
  "2.50",
  ".inf",
  "-.inf",
  "+.Inf",
  ".nan",
  ".NaN",
  ".Nan",
  "1_000",
  "a b",
  "a:b",
  "a: b",
  "a #b",
  "#x",
  "- x",
  "-x",
  "-",
  "--",
  "---",
  "...",
  "a -",
  "[a, b]",
  "[]",
  "[ ]",
  "[a,,b]",
  "[a, [b]]",
  "[1, true, ~]",
  "[a]x",
  "{a: 1}",
  "'q'",
  '"q"',
  '"a\\"b"',
  "'it''s'",
  "'a # b'",
  '"x: y"',
  "é",
  "Ünï",
  "a\u00a0b",
  "*x",
  "&a x",
  "!tag x",
  "|",
  ">",
  "%x",
  "@x",
  "`x",
  "?x",
  "? x",
  ":x",
  "x:",
  "π3",
  "1.2.3",
  "FEAT-2026-0001/T01",
  "src/x.ts",
  "(x)",
  "$HOME",
  "a  b",
  "a\tb",
  "x\u2028y",
  "99999999999999999999",
  "0x7FFFFFFFFFFFFFFF",
  "1e400",
  "_",
  "/",
  "~x",
  "a=b",
  "<x>",
];
const KEYS = [
  "a",
  "b",
  "c_d",
  "e-f",
  "true",
  "Null",
  "__proto__",
  "a b",
  "1x",
  "x:y",
  "id",
  "k",
];

const scalar = fc.constantFrom(...TRICKY);
// Text of any code points, ASCII half the time (cheaper to generate than fc.string's "binary" unit).
const anyText = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 0x7f }),
        fc.integer({ min: 0x80, max: 0x10ffff }),
      ),
      { maxLength },
    )
    .map((cps) => String.fromCodePoint(...cps));
const key = fc.constantFrom(...KEYS);
const indent = fc.constantFrom(0, 0, 0, 1, 2, 2, 3, 4, 6);

const rawLine = fc.oneof(
  fc
    .tuple(indent, key, scalar)
    .map(([i, k, v]) => `${" ".repeat(i)}${k}: ${v}`),
  fc.tuple(indent, key).map(([i, k]) => `${" ".repeat(i)}${k}:`),
  fc.tuple(indent, scalar).map(([i, v]) => `${" ".repeat(i)}- ${v}`),
  fc
    .tuple(indent, key, scalar)
    .map(([i, k, v]) => `${" ".repeat(i)}- ${k}: ${v}`),
  fc.tuple(indent, scalar).map(([i, v]) => `${" ".repeat(i)}${v}`),
  fc.constantFrom(
    "",
    "# comment",
    "  # indented comment",
    "---",
    "...",
    "\t- a",
    "a: 1\r",
    "-",
  ),
);

// Near-valid lines: few keys (so duplicates happen), mostly safe values, some tricky ones.
const nearKey = fc.constantFrom("a", "b", "k", "id");
const nearValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "1",
      "a",
      "true",
      "x y",
      "~",
      "-5",
      ".5",
      "[a, b]",
      "'q'",
      "src/x.ts",
    ),
  },
  { weight: 1, arbitrary: scalar },
);
const nearIndent = fc.constantFrom(0, 0, 0, 2, 4);
const nearLine = fc.oneof(
  fc
    .tuple(nearIndent, nearKey, nearValue)
    .map(([i, k, v]) => `${" ".repeat(i)}${k}: ${v}`),
  fc.tuple(nearIndent, nearKey).map(([i, k]) => `${" ".repeat(i)}${k}:`),
  fc.tuple(nearIndent, nearValue).map(([i, v]) => `${" ".repeat(i)}- ${v}`),
  fc
    .tuple(nearIndent, nearKey, nearValue)
    .map(([i, k, v]) => `${" ".repeat(i)}- ${k}: ${v}`),
);

// Structured documents: well-formed trees in block style with varied indentation and spellings.
type Tree = {
  [k: string]: string | string[] | Tree | Tree[] | { flow: string[] };
};
const tree: fc.Memo<Tree> = fc.memo(
  (depth) =>
    fc.dictionary(
      fc.constantFrom(
        "a",
        "b",
        "id",
        "file",
        "depends_on",
        "gates",
        "x_y",
        "z-z",
      ),
      depth <= 1
        ? fc.oneof(
            scalar,
            fc.array(scalar, { maxLength: 3 }),
            fc.record({ flow: fc.array(scalar, { maxLength: 3 }) }),
          )
        : fc.oneof(
            scalar,
            fc.array(scalar, { maxLength: 3 }),
            fc.record({ flow: fc.array(scalar, { maxLength: 3 }) }),
            tree(depth - 1),
            fc.array(tree(depth - 1), { minLength: 1, maxLength: 3 }),
          ),
      { maxKeys: 4 },
    ) as fc.Arbitrary<Tree>,
);

function render(
  t: Tree,
  at: number,
  step: number,
  isSameIndentSeq: boolean,
): string[] {
  const pad = " ".repeat(at);
  const out: string[] = [];
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === "string") out.push(`${pad}${k}: ${v}`);
    else if (Array.isArray(v)) {
      out.push(`${pad}${k}:`);
      const seqAt = isSameIndentSeq ? at : at + step;
      for (const item of v) {
        if (typeof item === "string") out.push(`${" ".repeat(seqAt)}- ${item}`);
        else {
          const inner = render(item, seqAt + 2, step, isSameIndentSeq);
          if (inner.length === 0) out.push(`${" ".repeat(seqAt)}- a: 1`);
          else
            out.push(
              `${" ".repeat(seqAt)}- ${inner[0]!.trimStart()}`,
              ...inner.slice(1),
            );
        }
      }
    } else if ("flow" in v && Array.isArray(v.flow))
      out.push(`${pad}${k}: [${v.flow.join(", ")}]`);
    else {
      out.push(`${pad}${k}:`);
      out.push(...render(v as Tree, at + step, step, isSameIndentSeq));
    }
  }
  return out;
}

describe("fast YAML path (formats.md F-YAML-1; must equal the yaml package)", () => {
  it("resolves plain scalars like the core schema", () => {
    const cases: Array<[string, unknown]> = [
      ["", null],
      ["~", null],
      ["Null", null],
      ["nUll", "nUll"],
      ["TRUE", true],
      ["tRue", "tRue"],
      ["False", false],
      ["yes", "yes"],
      ["007", 7],
      ["-5", -5],
      ["+5", 5],
      ["0o17", 15],
      ["0o8", "0o8"],
      ["0x1F", 31],
      ["1e3", 1000],
      [".5", 0.5],
      ["1.", 1],
      [".inf", Infinity],
      ["-.Inf", -Infinity],
      ["1_000", "1_000"],
      ["Tx", "Tx"],
      ["Nope", "Nope"],
      ["Fine", "Fine"],
      ["~x", "~x"],
      ["-0", -0],
    ];
    for (const [text, value] of cases)
      expect(resolvePlain(text), text).toStrictEqual(value);
    expect(resolvePlain(".nan")).toBeNaN();
  });

  it("resolves any plain scalar like the yaml package's core schema (property)", () => {
    const ch = fc.constantFrom(
      ..."0123456789+-.eExXoOaAfFnNlLtTuUrRsS_~ ".split(""),
      "inf",
      "nan",
      "null",
      "true",
      "FALSE",
    );
    fc.assert(
      fc.property(fc.array(ch, { minLength: 1, maxLength: 7 }), (parts) => {
        const text = parts.join("").trim();
        const reference = parseDocument(text, OPTIONS).toJS() as unknown;
        if (typeof reference === "object" && reference !== null) return;
        expect(Object.is(resolvePlain(text), reference), text).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads typical frontmatter and graphs, with key and item lines", () => {
    const text = [
      "id: FEAT-2026-0001/T01",
      "type: implementation",
      "# a comment",
      "planned_cost_usd: 1.50",
      "produces: [src/a.ts, test/a.test.ts]",
      "gates:",
      "  - gate: 1",
      "    work_units:",
      "    - id: X",
      "      depends_on: []",
      "title: 'A: B'",
    ].join("\n");
    const fast = fastParseYaml(text);
    expect(fast).not.toBeNull();
    agrees(text);
    expect(fastLineOf(fast!, ["gates", 0, "work_units", 0, "depends_on"])).toBe(
      10,
    );
    expect(fastLineOf(fast!, ["produces", 1])).toBe(5);
  });

  it.each([
    ["a multi-line plain scalar", "a: one\n  two"],
    ["a comment after a value", "a: 1 # one"],
    ["a duplicate key", "a: 1\na: 2"],
    ["a second document", "a: 1\n---\nb: 2"],
    ["a block scalar", "a: |\n  text"],
    ["an anchor", "a: &x 1"],
    ["a tab", "a:\t1"],
    ["a colon inside a plain value", "a: b: c"],
    ["an escape in double quotes", 'a: "x\\ty"'],
    ["a root sequence", "- a"],
    ["an indented root", "  a: 1"],
  ])("leaves %s to the full parser", (_name, text) => {
    expect(fastParseYaml(text)).toBeNull();
  });

  it("never disagrees with the yaml package on arbitrary lines (property)", () => {
    fc.assert(
      fc.property(fc.array(rawLine, { maxLength: 8 }), (lines) =>
        agrees(lines.join("\n")),
      ),
      { numRuns: 3000 },
    );
  });

  it("never disagrees on near-valid documents, duplicates included (property)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(nearLine, { minLength: 1, maxLength: 6 }),
        (lines) => {
          const text = lines.join("\n");
          if (fastParseYaml(text) !== null) accepted++;
          agrees(text);
        },
      ),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(150);
  });

  it("reads well-formed block trees exactly like the yaml package (property)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        tree(3),
        fc.constantFrom(1, 2, 4),
        fc.boolean(),
        (t, step, same) => {
          const text = render(t, 0, step, same).join("\n");
          if (fastParseYaml(text) !== null) accepted++;
          agrees(text);
        },
      ),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it("reads a long non-ASCII value that ends in an indicator in linear time (no backtracking blow-up)", () => {
    const value = `a${"ä".repeat(5000)}: b`;
    expect(isPlain(value)).toBe(false);
    expect(fastParseYaml(`title: Заголовок ${"ж".repeat(60)}: x`)).toBeNull();
    expect(fastParseYaml(`title: Заголовок ${"ж".repeat(60)}`)).toStrictEqual(
      expect.objectContaining({ line: 1 }),
    );
  });

  it("accepts the same plain scalars as the former pattern with overlapping classes (property)", () => {
    const former =
      /^(?:[\p{L}\p{N}_./~(+$]|-[0-9.])(?:[\p{L}\p{N}_./~()+=;<>^$ -]|[^\x00-\x7F\p{C}\p{Z}])*$/u;
    fc.assert(
      fc.property(
        anyText(8),
        fc.string({ unit: "grapheme-ascii", maxLength: 4 }),
        (a, b) => {
          expect(isPlain(a + b)).toBe(former.test(a + b));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("answers its scalar tests in ASCII exactly as the Unicode patterns do (property)", () => {
    const plain = new RegExp(PLAIN_SOURCE, "u");
    const inner = new RegExp(QUOTED_INNER_SOURCE, "u");
    const piece = fc.oneof(
      fc.string({ unit: "binary-ascii", maxLength: 6 }),
      anyText(3),
      fc.constantFrom(...TRICKY),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (parts) => {
        const text = parts.join("");
        expect(isPlain(text)).toBe(plain.test(text));
        expect(isQuotedInner(text)).toBe(inner.test(text));
      }),
      { numRuns: 1000 },
    );
  });

  it("parseYaml keeps working through the fast path (lineOf, lazy doc)", () => {
    const parsed = parseYaml("a: 1\nb:\n  - x\n", 4);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.yaml.fast).toBeDefined();
    expect(lineOf(parsed.yaml, ["b", 0])).toBe(7);
    expect(parsed.yaml.doc.toJS()).toStrictEqual({ a: 1, b: ["x"] });
  });
});
