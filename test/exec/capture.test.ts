import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCapture, elisionMarker } from "../../src/exec/capture.js";
import { cleanLine, stripAnsi } from "../../src/exec/terminal-text.js";

// EV-CAP-1 stated directly: clean the whole output, then keep the first H and last T bytes on character boundaries.
function oracle(text: string, head: number, tail: number): string {
  const cleaned = text.split("\n").map(cleanLine).join("\n");
  const bytes = Buffer.from(cleaned, "utf8");
  if (bytes.length <= head + tail) return cleaned;
  let h = head;
  while (h > 0 && ((bytes[h] ?? 0) & 0xc0) === 0x80) h -= 1;
  let t = bytes.length - tail;
  while (t < bytes.length && ((bytes[t] ?? 0) & 0xc0) === 0x80) t += 1;
  const elided = bytes.length - h - (bytes.length - t);
  return `${bytes.subarray(0, h).toString("utf8")}\n${elisionMarker(elided)}\n${bytes.subarray(t).toString("utf8")}`;
}

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

describe("terminal text (EV-CAP-1: without ANSI or \\r overwrites)", () => {
  it("removes colour, cursor and OSC sequences", () => {
    expect(stripAnsi("\u001b[31mred\u001b[0m \u001b]0;title\u0007ok")).toBe(
      "red ok",
    );
  });

  it("keeps the last non-empty segment of a line overwritten with \\r", () => {
    expect(cleanLine("10%\r50%\r100%")).toBe("100%");
    expect(cleanLine("done\r")).toBe("done");
    expect(cleanLine("\u001b[2Kbar\r\u001b[2K")).toBe("bar");
  });
});

describe("createCapture (EV-CAP-1: first 256 KiB + last 768 KiB)", () => {
  it("keeps short output whole, cleaned", () => {
    const c = createCapture();
    c.push(Buffer.from("\u001b[32mPASS\u001b[0m a\n1/3\r2/3\r3/3\nend"));
    expect(c.result()).toStrictEqual({
      text: "PASS a\n3/3\nend",
      totalBytes: 14,
      elidedBytes: 0,
    });
  });

  it("joins head and tail with the marker and counts the bytes left out, at real bounds", () => {
    const c = createCapture();
    const line = `${"x".repeat(1023)}\n`;
    for (let i = 0; i < 3 * 1024; i++) c.push(Buffer.from(line));
    const r = c.result();
    expect(r.totalBytes).toBe(3 * 1024 * 1024);
    expect(r.elidedBytes).toBe(2 * 1024 * 1024);
    const [head, tail] = r.text.split(`\n${elisionMarker(2 * 1024 * 1024)}\n`);
    expect(Buffer.byteLength(head ?? "")).toBe(256 * 1024);
    expect(Buffer.byteLength(tail ?? "")).toBe(768 * 1024);
  });

  it("property: streaming equals clean-then-cut, however the bytes are chunked", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: "grapheme", maxLength: 12 }),
            fc.constantFrom("\u001b[1m", "\u001b[0m", "\r", "\n", "é€😀"),
          ),
          { maxLength: 30 },
        ),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.nat({ max: 20 }),
        fc.nat({ max: 30 }),
        (parts, cuts, head, tail) => {
          const text = parts.join("");
          const c = createCapture({ headBytes: head, tailBytes: tail });
          for (const chunk of chunked(Buffer.from(text), cuts)) c.push(chunk);
          expect(c.result().text).toBe(oracle(text, head, tail));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("holds a line longer than its line bound in parts, never splitting a character", () => {
    const c = createCapture({ lineBytes: 8 });
    c.push(Buffer.from("ééééééé\nok\n"));
    expect(c.result().text).toBe("ééééééé\nok\n");
  });
});
