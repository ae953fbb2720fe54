import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createLineSplitter,
  createTailBuffer,
  decodeFromBoundary,
} from "../../src/exec/output-buffer.js";

// Splits a buffer into chunks at the given cut points.
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort(
    (a, b) => a - b,
  );
  const parts: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    parts.push(bytes.subarray(from, p));
    from = p;
  }
  return parts;
}

describe("createLineSplitter", () => {
  it("splits on \\n across chunks, drops a trailing \\r, and flushes the last partial line", () => {
    const s = createLineSplitter();
    expect(s.push(Buffer.from("ab"))).toStrictEqual([]);
    expect(s.push(Buffer.from("c\r\nd\n\ne"))).toStrictEqual(["abc", "d", ""]);
    expect(s.flush()).toBe("e");
    expect(s.flush()).toBeNull();
  });

  it("never breaks a multibyte character split between chunks", () => {
    const bytes = Buffer.from("é€😀\n");
    const s = createLineSplitter();
    const out = [...bytes].flatMap((b) => s.push(Buffer.from([b])));
    expect(out).toStrictEqual(["é€😀"]);
  });

  it("yields the same lines however the bytes are chunked (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme" }), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (lines, cuts) => {
          const text = lines.map((l) => l.replace(/[\r\n]/g, "")).join("\n");
          const s = createLineSplitter();
          const got = chunked(Buffer.from(text), cuts).flatMap((c) =>
            s.push(c),
          );
          const last = s.flush();
          if (last !== null) got.push(last);
          const expected = text.split("\n");
          if (expected[expected.length - 1] === "") expected.pop();
          expect(got).toStrictEqual(expected);
        },
      ),
    );
  });
});

describe("createTailBuffer", () => {
  it("keeps everything without a limit", () => {
    const b = createTailBuffer();
    b.push(Buffer.from("hello "));
    b.push(Buffer.from("world"));
    expect(b.text()).toBe("hello world");
    expect(b.droppedBytes()).toBe(0);
  });

  it("keeps a suffix of at most the limit, starting at a character boundary (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (text, limit, cuts) => {
          const b = createTailBuffer(limit);
          const bytes = Buffer.from(text);
          for (const c of chunked(bytes, cuts)) b.push(c);
          const kept = b.text();
          expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(limit);
          expect(text.endsWith(kept)).toBe(true);
          expect(b.droppedBytes()).toBe(Math.max(0, bytes.length - limit));
          expect(kept).not.toContain("\uFFFD");
        },
      ),
    );
  });

  it("decodeFromBoundary skips orphaned continuation bytes only", () => {
    const euro = Buffer.from("€x");
    expect(decodeFromBoundary(euro.subarray(1))).toBe("x");
    expect(decodeFromBoundary(Buffer.from("abc"))).toBe("abc");
  });
});

describe("bounds (issue 9: no unbounded buffering)", () => {
  it("a line over the cap is delivered cut on a character boundary, and the next line is whole", () => {
    const s = createLineSplitter(5);
    expect(s.push(Buffer.from("abcé"))).toStrictEqual([]);
    expect(s.push(Buffer.from("fghij".repeat(1000)))).toStrictEqual([]);
    expect(s.push(Buffer.from("\nnext\n"))).toStrictEqual(["abcé", "next"]);
  });

  it("a tail buffer drops whole chunks and cuts only the oldest kept one", () => {
    const t = createTailBuffer(10);
    for (let i = 0; i < 1000; i++) t.push(Buffer.from(`${i % 10}`.repeat(7)));
    expect(t.text()).toBe("8889999999");
    expect(t.droppedBytes()).toBe(7000 - 10);
  });
});
