import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeAttempt } from "../../src/evidence/analyze.js";
import { failLine } from "../../src/evidence/fail-line.js";
import { buildFindingsFile } from "../../src/evidence/findings-file.js";
import {
  NOTE_LIMITS,
  renderFailedNote,
} from "../../src/evidence/render-note.js";
import {
  buildRetryEvidence,
  RETRY_LIMITS,
} from "../../src/evidence/retry-evidence.js";
import type {
  AttemptEvidence,
  CheckRun,
  Finding,
} from "../../src/evidence/types.js";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");
function run(
  name: string,
  text: string,
  over: Partial<CheckRun["capture"]> = {},
): CheckRun {
  return {
    name,
    command: `npm run ${name}`,
    timeoutSeconds: 60,
    capture: {
      text,
      exitCode: 1,
      signal: null,
      isTimedOut: false,
      durationMs: 1,
      elidedBytes: 0,
      ...over,
    },
  };
}
const attempt = (checks: CheckRun[], a = 2) =>
  analyzeAttempt({ attempt: a, root: "/w", checks });
const tsErrors = (n: number, from = 1) =>
  Array.from(
    { length: n },
    (_, i) =>
      `src/a.ts(${i + from},1): error TS2304: Cannot find name 'x${i + from}'.`,
  ).join("\n");

describe("EV-BLK-1 the failed note", () => {
  it("per failing check: header, command, status, numbered findings, excerpt; then the passing checks", () => {
    const note = renderFailedNote(
      attempt([
        run("lint", "", { exitCode: 0 }),
        run(
          "tests",
          [
            "not ok 1 - adds",
            "  ---",
            "  location: '/w/test/a.test.js:4:1'",
            "  error: 'Expected 3'",
            "  expected: 3",
            "  actual: 4",
            "  ...",
          ].join("\n"),
        ),
        run("slow", "waiting", {
          isTimedOut: true,
          exitCode: null,
          signal: "SIGTERM",
        }),
        run("docs", "broken link\nError: 2 pages"),
        run("tsc", "", { exitCode: 0 }),
      ]),
    );
    expect(note).toMatchInlineSnapshot(`
      "### tests: FAIL
      $ npm run tests
      exit 1 · 1 finding
      1. test/a.test.js:4 adds
         Expected 3
         expected: 3
         actual: 4
      \`\`\`
      not ok 1 - adds
        ---
        location: '/w/test/a.test.js:4:1'
        error: 'Expected 3'
        expected: 3
        actual: 4
        ...
      \`\`\`

      ### slow: FAIL
      $ npm run slow
      timed out after 60s
      1. check "slow" exceeded its 60s limit
      \`\`\`
      waiting
      \`\`\`

      ### docs: FAIL
      $ npm run docs
      exit 1 · 0 findings
      No finding recognized; lines that look like errors:
        1| broken link
      > 2| Error: 2 pages
      \`\`\`
      broken link
      Error: 2 pages
      \`\`\`

      Passed: lint, tsc"
    `);
  });

  it("a capture holding ``` gets a longer fence; long excerpts keep the first 20 and last 40 lines", () => {
    const lines = [
      "```",
      ...Array.from({ length: 100 }, (_, i) => `line ${i}`),
    ];
    const note = renderFailedNote(attempt([run("x", lines.join("\n"))]));
    expect(note).toContain("\n````\n```\nline 0\n");
    expect(note).toContain("line 18\n[… 41 lines …]\nline 60\n");
    expect(note).toContain("line 99\n````\n\nPassed: none");
  });
});

describe("EV-BLK-2 bounds", () => {
  it("deals findings round-robin over failing checks and names the findings file for the rest", () => {
    const note = renderFailedNote(
      attempt([run("a", tsErrors(200)), run("b", tsErrors(3, 500))], 4),
    );
    expect(note).toMatch(/### b: FAIL[\s\S]*3\. src\/a\.ts:502 TS2304/);
    expect(note).toMatch(/… \d+ more \(attempt-4\.findings\.json\)/);
    const findings = note.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(findings.length).toBeGreaterThan(20);
  });

  it("property: a finding 600 B, all findings 8,000 B, excerpts 6,000 B, the note 16,000 B", () => {
    const text = fc.array(
      fc.oneof(
        fc.string({ unit: "grapheme", maxLength: 80 }),
        fc
          .string({ unit: "grapheme", maxLength: 2000 })
          .map((s) => `::error file=src/${s.slice(0, 40)}.js,line=1::${s}`),
        fc
          .nat(99)
          .map((n) => `src/a.ts(${n},1): error TS2304: ${"é".repeat(n * 7)}`),
      ),
      { maxLength: 120 },
    );
    const check = fc.record({
      name: fc.string({ minLength: 1, maxLength: 300 }),
      lines: text,
      isTimedOut: fc.boolean(),
      isPassing: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(check, { minLength: 1, maxLength: 12 }),
        (checks) => {
          const e = attempt(
            checks.map((c, i) =>
              run(`${c.name}${i}`, c.lines.join("\n"), {
                isTimedOut: c.isTimedOut,
                exitCode: c.isPassing && !c.isTimedOut ? 0 : 1,
              }),
            ),
          );
          const note = renderFailedNote(e);
          expect(bytes(note)).toBeLessThanOrEqual(NOTE_LIMITS.note);
          const items = note.split(/\n(?=\d+\. |… \d+ more)/);
          for (const item of items.slice(1)) {
            const own = item.split("\n```")[0]?.split("\n### ")[0] ?? "";
            expect(bytes(own)).toBeLessThanOrEqual(NOTE_LIMITS.finding + 1);
          }
          const dealt = note
            .split("\n### ")
            .map((b) => b.split(/\n`{3,}\n|\n\(no output\)/)[0] ?? "")
            .flatMap((b) => b.split("\n").slice(3))
            .filter(
              (l) =>
                !l.startsWith("No finding recognized") &&
                !l.startsWith("note: "),
            );
          expect(bytes(dealt.join("\n"))).toBeLessThanOrEqual(
            NOTE_LIMITS.findings,
          );
          const excerpts = [
            ...note.matchAll(/\n(`{3,})\n[\s\S]*?\n\1(?=\n|$)/g),
          ].map((m) => m[0]);
          expect(bytes(excerpts.join(""))).toBeLessThanOrEqual(
            NOTE_LIMITS.excerpts + 64,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("attempt-<a>.findings.json", () => {
  it("holds every finding, the counts and the fallback", () => {
    const e = attempt(
      [
        run("a", tsErrors(300)),
        run("b", "Error: x"),
        run("c", "", { exitCode: 0 }),
      ],
      3,
    );
    const file = buildFindingsFile(e);
    expect(file).toMatchObject({
      version: 1,
      attempt: 3,
      signature: null,
      findings_total: null,
    });
    expect(file.findings).toHaveLength(300);
    expect(file.fallback).toStrictEqual({
      b: [{ line: 1, text: "Error: x", is_match: true }],
    });
    expect(
      file.checks.map((c) => [c.name, c.result, c.findings]),
    ).toStrictEqual([
      ["a", "fail", 300],
      ["b", "fail", null],
      ["c", "pass", 0],
    ]);
  });
});

describe("EV-BLK-4 the FAIL line", () => {
  it.each([
    [
      "first finding and how many more",
      [run("lint", "", { exitCode: 0 }), run("tsc", tsErrors(3))],
      "tsc: src/a.ts:1 TS2304: Cannot find name 'x1'. (+2 more)",
    ],
    [
      "a timeout",
      [
        run("tests", "", {
          isTimedOut: true,
          exitCode: null,
          signal: "SIGTERM",
        }),
      ],
      "tests: timed out after 60s",
    ],
    [
      "no finding",
      [run("docs", "oops")],
      "docs: exit 1, no recognized finding",
    ],
    [
      "no finding, killed by a signal",
      [run("docs", "", { exitCode: null, signal: "SIGKILL" })],
      "docs: signal SIGKILL, no recognized finding",
    ],
    ["nothing failed", [run("x", "", { exitCode: 0 })], ""],
  ])("%s", (_name, checks, want) => {
    expect(failLine(attempt(checks))).toBe(want);
  });
});

describe("EV-BLK-3 retry evidence", () => {
  const finding = (n: number): Finding => ({
    check: "tests",
    runner: "node-test",
    test: `t${n}`,
    message: `boom ${n}\nmore`,
  });

  it("the latest note whole, each earlier failed attempt as a count and three one-line findings", () => {
    const text = buildRetryEvidence([
      {
        attempt: 2,
        outcome: "timeout",
        note: "The agent hit its 45-minute limit.\nMore.",
      },
      {
        attempt: 1,
        outcome: "failed",
        note: "### tests: FAIL",
        findings: [1, 2, 3, 4].map(finding),
      },
      { attempt: 3, outcome: "failed", note: "### tests: FAIL\nwhole note\n" },
    ]);
    expect(text).toBe(
      [
        "## Evidence from earlier attempts of this unit",
        "Attempt 1: failed — 4 findings\n- tests: t1: boom 1\n- tests: t2: boom 2\n- tests: t3: boom 3",
        "Attempt 2: timeout\nThe agent hit its 45-minute limit.",
        "Attempt 3 (the most recent): failed\n### tests: FAIL\nwhole note",
      ].join("\n\n"),
    );
  });

  it("a failed attempt without findings says so; no history is empty", () => {
    expect(buildRetryEvidence([])).toBe("");
    const text = buildRetryEvidence([
      { attempt: 1, outcome: "failed", note: "### x: FAIL", findings: null },
      { attempt: 2, outcome: "zero_token", note: null },
    ]);
    expect(text).toContain(
      "Attempt 1: failed — no recognized finding\n### x: FAIL",
    );
    expect(text.endsWith("Attempt 2 (the most recent): zero_token")).toBe(true);
  });

  it("property: within 20,000 bytes, the oldest summaries dropped first, each within 1,000 bytes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme", maxLength: 3000 }), {
          minLength: 1,
          maxLength: 40,
        }),
        (notes) => {
          const history = notes.map((note, i) => ({
            attempt: i + 1,
            outcome: i % 2 === 0 ? "failed" : "timeout",
            note: note.repeat(6),
            findings:
              i % 2 === 0
                ? [finding(i), { ...finding(i + 1), message: note }]
                : null,
          }));
          const text = buildRetryEvidence(history);
          expect(bytes(text)).toBeLessThanOrEqual(RETRY_LIMITS.total);
          expect(text).toContain(`Attempt ${notes.length} (the most recent)`);
          const shown = [...text.matchAll(/^Attempt (\d+):/gm)].map((m) =>
            Number(m[1]),
          );
          expect(shown).toStrictEqual([...shown].sort((a, b) => a - b));
          if (shown.length > 0)
            expect(shown[shown.length - 1]).toBe(notes.length - 1);
        },
      ),
      { numRuns: 40 },
    );
  });
});

// The evidence of a hostile check: names, commands and output made to break the note's shape.
describe("hostile input", () => {
  it("newlines in names and commands stay on their line; the note stays bounded", () => {
    const e: AttemptEvidence = attempt([
      {
        ...run("a\n### fake: FAIL", "x".repeat(1_000_000)),
        command: "echo\n$ rm -rf /",
      },
    ]);
    const note = renderFailedNote(e);
    expect(note.split("\n")[0]).toBe("### a ### fake: FAIL: FAIL");
    expect(note.split("\n")[1]).toBe("$ echo $ rm -rf /");
    expect(bytes(note)).toBeLessThanOrEqual(NOTE_LIMITS.note);
  });
});
