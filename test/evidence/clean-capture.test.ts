import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cleanCapture,
  cutCapture,
  elisionLine,
  joinCapture,
} from "../../src/evidence/clean-capture.js";

describe("EV-CAP-1 cleaning", () => {
  it.each([
    ["colour", "\u001b[31mFAIL\u001b[0m x", "FAIL x"],
    ["OSC link", "\u001b]8;;http://x\u0007link\u001b]8;;\u0007", "link"],
    ["\\r overwrite keeps the last segment", "10%\r50%\r100%", "100%"],
    ["a trailing \\r keeps the text", "done\r", "done"],
    ["CRLF", "a\r\nb", "a\nb"],
    [
      "cursor to column 1 rewrites the line",
      "  running\u001b[1G ✗ failed\u001b[K",
      " ✗ failed",
    ],
    [
      "controls and NUL removed, tabs kept",
      "a\u0000b\u0007c\td\u0008",
      "abc\td",
    ],
    ["trailing spaces dropped", "x   \ny\t", "x\ny"],
  ])("%s", (_name, input, want) => {
    expect(cleanCapture(input)).toBe(want);
  });
});

describe("EV-CAP-1 cutting: first 256 KiB and last 768 KiB around an elision line", () => {
  it("keeps a small output whole", () => {
    expect(cutCapture("a\nb\n")).toStrictEqual({
      text: "a\nb\n",
      elidedBytes: 0,
      totalBytes: 4,
    });
  });

  it("cuts a large output and counts the bytes it dropped", () => {
    const out = Buffer.concat([
      Buffer.from("HEAD\n"),
      Buffer.alloc(2 * 1024 * 1024, "x"),
      Buffer.from("\nTAIL\n"),
    ]);
    const cut = cutCapture(out);
    expect(cut.totalBytes).toBe(out.length);
    expect(cut.elidedBytes).toBe(out.length - 256 * 1024 - 768 * 1024);
    expect(cut.text.startsWith("HEAD\n")).toBe(true);
    expect(cut.text.endsWith("\nTAIL\n")).toBe(true);
    expect(cut.text).toContain(`\n${elisionLine(cut.elidedBytes)}\n`);
  });

  it("a check printing 100 MB keeps 1 MiB", () => {
    const cut = cutCapture(Buffer.alloc(100 * 1024 * 1024, "y"));
    expect(Buffer.byteLength(cut.text)).toBeLessThan(1024 * 1024 + 64);
  });

  it("cuts on character boundaries: a split character is dropped and counted", () => {
    const text = "é".repeat(10); // 2 bytes each
    const cut = cutCapture(text, 5, 5);
    expect(cut.text).toBe(`éé\n${elisionLine(12)}\néé`);
  });

  it("binary garbage decodes without throwing", () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256);
    expect(() => cutCapture(garbage, 1000, 1000)).not.toThrow();
  });

  it("joinCapture of a streamed head and tail equals cutCapture", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.nat(40),
        fc.nat(40),
        (s, h, t) => {
          const bytes = Buffer.from(s, "utf8");
          const whole = cutCapture(bytes, h, t);
          const isWhole = bytes.length <= h + t;
          const streamed = joinCapture(
            bytes.subarray(0, isWhole ? bytes.length : h),
            isWhole ? new Uint8Array(0) : bytes.subarray(bytes.length - t),
            bytes.length,
          );
          expect(streamed).toStrictEqual(whole);
          expect(Buffer.byteLength(whole.text)).toBeLessThanOrEqual(
            isWhole
              ? bytes.length
              : h + t + elisionLine(whole.elidedBytes).length + 2,
          );
          expect(whole.text).not.toContain("\uFFFD");
        },
      ),
    );
  });
});
