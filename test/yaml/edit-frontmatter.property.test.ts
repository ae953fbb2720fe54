import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editFrontmatter } from "../../src/yaml/edit-frontmatter.js";
import { FLOAT_KEYS } from "../../src/yaml/float-keys.js";
import {
  formatString,
  type FrontmatterMap,
  type FrontmatterScalar,
  type FrontmatterValue,
} from "../../src/yaml/format-yaml-value.js";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";

// --- the reference YAML subset (init.md I-TPL-1), as a line grammar for what specfuse writes ---
const TOKEN =
  /(?:[A-Za-z_][A-Za-z0-9_./-]*|-?\d+|-?\d+\.\d+|"(?:[^"\\\u0000-\u001f\u007f-\u009f\u2028\u2029]|\\\\|\\")*")/
    .source;
const WRITTEN_LINE = new RegExp(
  `^( *)(- )?[A-Za-z_][A-Za-z0-9_-]*:(?: (${TOKEN}|\\[(?:${TOKEN}(?:, ${TOKEN})*)?\\]))?$`,
);
const RESERVED = /^(?:yes|no|on|off|y|n|null|true|false)$/i;

// Whether every written line stays inside the reference subset: block maps and sequences, flow lists of
// scalars, double-quoted strings; no single quotes, block scalars, null/~, yes/no, flow maps, anchors or tags.
function isInSubset(lines: string[]): boolean {
  return lines.every((line) => {
    const m = WRITTEN_LINE.exec(line);
    if (m === null) return false;
    if ((m[2] ?? "") !== "" && (m[1] ?? "").length < 2) return false;
    const value = m[3] ?? "";
    const tokens = value.startsWith("[")
      ? value
          .slice(1, -1)
          .split(", ")
          .filter((t) => t !== "")
      : value === ""
        ? []
        : [value];
    return tokens.every(
      (t) => t.startsWith('"') || !RESERVED.test(t) || /^(true|false)$/.test(t),
    );
  });
}

// --- generators ---
const keyName = fc.stringMatching(/^[a-z_][a-z0-9_]{0,7}$/);
const word = fc
  .stringMatching(/^[a-z][a-z0-9]{0,6}$/)
  .filter((w) => !RESERVED.test(w));
const anyString = fc.string({ unit: "binary", maxLength: 12 });

const scalar: fc.Arbitrary<Exclude<FrontmatterScalar, null>> = fc.oneof(
  anyString,
  word,
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);
const flatMap: fc.Arbitrary<FrontmatterMap> = fc
  .uniqueArray(fc.tuple(keyName, fc.oneof(scalar, fc.constant(null))), {
    minLength: 1,
    maxLength: 4,
    selector: ([k]) => k,
  })
  .map((entries) => Object.fromEntries(entries));
const value: fc.Arbitrary<FrontmatterValue> = fc.oneof(
  scalar,
  fc.constant(null),
  fc.array(scalar, { maxLength: 4 }),
  flatMap,
  fc.array(flatMap, { minLength: 1, maxLength: 3 }),
);

/** A piece of an existing frontmatter, as a human or another tool may have written it. */
interface Piece {
  key: string | null;
  lines: string[];
}
const valueText: fc.Arbitrary<string[]> = fc.oneof(
  word.map((w) => [` ${w}`]),
  anyString.map((s) => [` ${formatString(s)}`]),
  fc.integer().map((n) => [` ${n}   # trailing comment`]),
  word.map((w) => [` 'single ${w}'`]),
  fc.array(word, { maxLength: 3 }).map((ws) => [` [${ws.join(", ")}]`]),
  fc
    .array(word, { minLength: 1, maxLength: 3 })
    .map((ws) => ["", ...ws.map((w) => `  - ${w}`)]),
  fc
    .array(word, { minLength: 1, maxLength: 3 })
    .map((ws) => ["", ...ws.map((w) => `- ${w}`)]),
  fc
    .array(word, { minLength: 1, maxLength: 3 })
    .map((ws) => ["", ...ws.map((w, i) => `  k${i}: ${w}`)]),
  fc
    .array(word, { minLength: 1, maxLength: 3 })
    .map((ws) => [" |", ...ws.map((w) => `  ${w}: text`)]),
);
const document = fc
  .record({
    entries: fc.uniqueArray(fc.tuple(keyName, valueText), {
      maxLength: 6,
      selector: ([k]) => k,
    }),
    extras: fc.array(fc.constantFrom("", "# a comment", "#"), { maxLength: 4 }),
    eol: fc.constantFrom("\n", "\r\n"),
    hasBom: fc.boolean(),
    body: fc.array(fc.oneof(word, fc.constant("status: body line")), {
      maxLength: 3,
    }),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ entries, extras, eol, hasBom, body, seed }) => {
    const pieces: Piece[] = entries.map(([k, [first, ...rest]]) => ({
      key: k,
      lines: [`${k}:${first ?? ""}`, ...rest],
    }));
    extras.forEach((line, i) =>
      pieces.splice((seed + i * 7) % (pieces.length + 1), 0, {
        key: null,
        lines: [line],
      }),
    );
    return { pieces, eol, bom: hasBom ? "\ufeff" : "", body };
  });

function build(doc: {
  pieces: Piece[];
  eol: string;
  bom: string;
  body: string[];
}) {
  const { pieces, eol, bom, body } = doc;
  const head = `${bom}---${eol}`;
  const spans = new Map<string, [number, number]>();
  let text = head;
  for (const p of pieces) {
    const start = text.length;
    text += p.lines.map((l) => l + eol).join("");
    if (p.key !== null) spans.set(p.key, [start, text.length]);
  }
  const closeAt = text.length;
  text += `---${eol}${body.map((l) => l + eol).join("")}`;
  return { text, spans, closeAt };
}

// What a written value reads back as: strings lose control characters, -0 is 0.
function expected(v: FrontmatterValue | undefined): unknown {
  // generated strings hold no lone surrogates; control characters and U+2028/9 become spaces
  if (typeof v === "string")
    return v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
  if (typeof v === "number") return Object.is(v, -0) ? 0 : v;
  if (Array.isArray(v)) return v.map((x) => expected(x as FrontmatterValue));
  if (v !== null && typeof v === "object")
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, expected(x)]),
    );
  return v;
}

function normalizeZero(v: unknown): unknown {
  if (typeof v === "number") return Object.is(v, -0) ? 0 : v;
  if (Array.isArray(v)) return v.map(normalizeZero);
  if (v !== null && typeof v === "object")
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, normalizeZero(x)]),
    );
  return v;
}

const target = (keys: string[]) =>
  fc.oneof(
    keys.length > 0 ? fc.constantFrom(...keys) : keyName,
    keyName,
    fc.constantFrom(...FLOAT_KEYS),
  );

describe("editFrontmatter properties (architecture.md A-TEST-5, formats.md F-WRITE-1..6)", () => {
  it("a one-key edit keeps every other byte, re-parses, reads back identically and stays in the subset", () => {
    fc.assert(
      fc.property(
        document.chain((doc) => {
          const keys = doc.pieces.flatMap((p) =>
            p.key === null ? [] : [p.key],
          );
          return fc.tuple(fc.constant(doc), target(keys), value);
        }),
        ([doc, key, newValue]) => {
          const { text, spans, closeAt } = build(doc);
          const before = parseFrontmatter(text);
          expect(before.state).toBe("ok");
          const out = editFrontmatter(text, [[key, newValue]]);
          const span = spans.get(key) ?? [closeAt, closeAt];
          // every byte outside the replaced extent is kept (F-WRITE-1)
          expect(out.startsWith(text.slice(0, span[0]))).toBe(true);
          const suffix = text.slice(span[1]);
          expect(out.endsWith(suffix)).toBe(true);
          const written = out.slice(span[0], out.length - suffix.length);
          const writtenLines = written.split(doc.eol).slice(0, -1);
          expect(written).toBe(writtenLines.map((l) => l + doc.eol).join(""));
          expect(isInSubset(writtenLines)).toBe(true);
          // re-parses, with the new value and every other key unchanged (F-WRITE-6)
          const after = parseFrontmatter(out);
          expect(after.state).toBe("ok");
          expect(normalizeZero(after.data[key])).toStrictEqual(
            expected(newValue),
          );
          const others = (d: Record<string, unknown>) =>
            Object.fromEntries(Object.entries(d).filter(([k]) => k !== key));
          expect(others(after.data)).toStrictEqual(others(before.data));
          expect(after.body).toBe(before.body);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("removing a key drops exactly its extent", () => {
    fc.assert(
      fc.property(
        document.filter((d) => d.pieces.some((p) => p.key !== null)),
        (doc) => {
          const { text, spans } = build(doc);
          const [key, [start, end]] = [...spans][0] as [
            string,
            [number, number],
          ];
          const out = editFrontmatter(text, [[key, undefined]]);
          expect(out).toBe(text.slice(0, start) + text.slice(end));
          expect(parseFrontmatter(out).data).not.toHaveProperty(key);
        },
      ),
    );
  });

  it("several changes equal the same changes applied one at a time", () => {
    fc.assert(
      fc.property(
        document,
        fc.array(
          fc.tuple(fc.oneof(keyName, fc.constantFrom(...FLOAT_KEYS)), value),
          {
            maxLength: 4,
          },
        ),
        (doc, changes) => {
          const { text } = build(doc);
          const once = editFrontmatter(text, changes);
          const stepwise = changes.reduce(
            (t, c) => editFrontmatter(t, [c]),
            text,
          );
          expect(once).toBe(stepwise);
        },
      ),
    );
  });
});
