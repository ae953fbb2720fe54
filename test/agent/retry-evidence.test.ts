import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildRetryEvidence,
  cutChars,
  EVIDENCE_LIMITS,
  shapeRecentNote,
  summarizeAttempt,
  type PriorAttempt,
} from "../../src/agent/retry-evidence.js";

const numbered = (n: number, width = 0) =>
  Array.from({ length: n }, (_, i) => `line ${i + 1}`.padEnd(width, ".")).join(
    "\n",
  );

describe("shapeRecentNote (D-PROMPT-5 most recent note)", () => {
  it("keeps a note of at most 8,000 characters and under 200 lines whole", () => {
    expect(shapeRecentNote(numbered(199))).toBe(numbered(199));
    const exact = "x".repeat(8000);
    expect(shapeRecentNote(exact)).toBe(exact);
  });

  it("200 short lines: first 100, the elision line, last 100", () => {
    const shaped = shapeRecentNote(numbered(300));
    const out = shaped.split("\n");
    expect(out).toHaveLength(201);
    expect(out[0]).toBe("line 1");
    expect(out[99]).toBe("line 100");
    expect(out[100]).toMatch(
      /^\.\.\. \[100 lines \/ \d+ chars elided\] \.\.\.$/,
    );
    expect(out[101]).toBe("line 201");
    expect(out[200]).toBe("line 300");
  });

  it("counts the elided characters exactly", () => {
    const note = numbered(300);
    const shaped = shapeRecentNote(note);
    const [head, tail] = shaped.split(/\n\.\.\. \[.*\] \.\.\.\n/);
    const chars = Number(/\/ (\d+) chars/.exec(shaped)?.[1]);
    expect(chars).toBe(note.length - (head?.length ?? 0) - (tail?.length ?? 0));
  });

  it("long lines: each window is capped at 4,000 characters, the tail cut from the front", () => {
    const note = numbered(150, 100);
    const shaped = shapeRecentNote(note);
    const [head = "", tail = ""] = shaped.split(/\n\.\.\. \[.*\] \.\.\.\n/);
    expect(head.length).toBe(4000);
    expect(note.startsWith(head)).toBe(true);
    expect(tail.length).toBe(4000);
    expect(note.endsWith(tail)).toBe(true);
  });

  it("bounds: any note shapes to the whole note or to two ≤4,000-char windows (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 120 }), { maxLength: 400 }),
        (ls) => {
          const note = ls.join("\n").replace(/\s+$/, "");
          const shaped = shapeRecentNote(note);
          if (shaped === note) return;
          const m =
            /\n(\.\.\. \[\d+ lines \/ \d+ chars elided\] \.\.\.)\n/.exec(
              shaped,
            );
          expect(m).not.toBeNull();
          const head = shaped.slice(0, m!.index);
          const tail = shaped.slice(m!.index + m![0].length);
          expect(head.length).toBeLessThanOrEqual(EVIDENCE_LIMITS.windowChars);
          expect(tail.length).toBeLessThanOrEqual(EVIDENCE_LIMITS.windowChars);
          expect(note.startsWith(head)).toBe(true);
          expect(note.endsWith(tail)).toBe(true);
        },
      ),
    );
  });
});

describe("cutChars", () => {
  it("never splits a surrogate pair", () => {
    expect(cutChars("a😀b", 2)).toBe("a");
    expect(cutChars("a😀b", 2, true)).toBe("b");
    expect(cutChars("abc", 5)).toBe("abc");
  });
});

describe("summarizeAttempt (earlier attempts)", () => {
  it("failed: outcome, class and signature, then the excerpt", () => {
    expect(
      summarizeAttempt({
        attempt: 1,
        outcome: "failed",
        note: "### tests: FAIL\n...",
        failureClass: "tests",
        failureSignature: "test_bucket_refill",
        failureExcerpt: "FAILED test_bucket_refill - assert 1 == 2\n",
      }),
    ).toBe(
      "Attempt 1: failed\ntests: test_bucket_refill\nFAILED test_bucket_refill - assert 1 == 2",
    );
  });

  it("other outcomes: the note's first line, or just the outcome", () => {
    expect(
      summarizeAttempt({
        attempt: 2,
        outcome: "timeout",
        note: "\nwall-clock limit of 45 minutes fired\nadvice…",
      }),
    ).toBe("Attempt 2: timeout\nwall-clock limit of 45 minutes fired");
    expect(
      summarizeAttempt({ attempt: 3, outcome: "interrupted", note: null }),
    ).toBe("Attempt 3: interrupted");
  });

  it("is at most 1,000 characters", () => {
    const s = summarizeAttempt({
      attempt: 1,
      outcome: "failed",
      note: "",
      failureClass: "other",
      failureSignature: "x",
      failureExcerpt: "E".repeat(5000),
    });
    expect(s.length).toBe(1000);
    expect(s.endsWith("…")).toBe(true);
  });
});

describe("buildRetryEvidence (D-PROMPT-5)", () => {
  const failed = (attempt: number, size = 10): PriorAttempt => ({
    attempt,
    outcome: "failed",
    note: `### tests: FAIL\n${"x".repeat(size)}`,
    failureClass: "tests",
    failureSignature: `sig${attempt}`,
    failureExcerpt: "E".repeat(990),
  });

  it("is empty on a first attempt", () => {
    expect(buildRetryEvidence([])).toBe("");
  });

  it("lists every earlier attempt oldest first and labels the most recent, which comes last", () => {
    const text = buildRetryEvidence([failed(2), failed(1), failed(3)]);
    const order = [...text.matchAll(/^Attempt (\d)/gm)].map((m) => m[1]);
    expect(order).toStrictEqual(["1", "2", "3"]);
    expect(text).toMatch(
      /Attempt 3 \(the most recent\): failed\n### tests: FAIL/,
    );
    expect(text).not.toMatch(/omitted/);
  });

  it("above 14,000 characters drops the oldest summaries first, replaced by one line", () => {
    const history = Array.from({ length: 10 }, (_, i) => failed(i + 1, 7900));
    const text = buildRetryEvidence(history);
    expect(text.length).toBeLessThanOrEqual(EVIDENCE_LIMITS.totalChars);
    const omitted = Number(/\((\d+) older attempts omitted\)/.exec(text)?.[1]);
    expect(omitted).toBeGreaterThan(0);
    const shown = [...text.matchAll(/^Attempt (\d+)/gm)].map((m) =>
      Number(m[1]),
    );
    expect(shown[0]).toBe(omitted + 1);
    expect(shown[shown.length - 1]).toBe(10);
    const fewer = buildRetryEvidence(history.slice(0, 2));
    expect(fewer).not.toMatch(/omitted/);
  });
});
