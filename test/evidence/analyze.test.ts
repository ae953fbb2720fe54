import { describe, expect, it } from "vitest";
import { analyzeAttempt, analyzeCheck } from "../../src/evidence/analyze.js";
import type { CheckRun } from "../../src/evidence/types.js";

const ROOT = "/w";
function run(
  name: string,
  text: string,
  over: Partial<CheckRun["capture"]> = {},
  extra: Partial<CheckRun> = {},
): CheckRun {
  return {
    name,
    command: `run ${name}`,
    timeoutSeconds: 900,
    capture: {
      text,
      exitCode: 1,
      signal: null,
      isTimedOut: false,
      durationMs: 5,
      elidedBytes: 0,
      ...over,
    },
    ...extra,
  };
}
const pass = (name: string, text = "") => run(name, text, { exitCode: 0 });
const tsError = (n: number) =>
  `src/a.ts(${n},1): error TS2304: Cannot find name 'x${n}'.`;

describe("EV-SIG-5 counts", () => {
  it.each([
    ["a pass counts 0", pass("lint"), 0],
    ["a pass with FINDINGS: 3 counts 3", pass("lint", "FINDINGS: 3\nok"), 3],
    ["the last FINDINGS line wins", run("lint", "FINDINGS: 9\nFINDINGS: 4"), 4],
    [
      "a fail counts its findings",
      run("tsc", [tsError(1), tsError(2)].join("\n")),
      2,
    ],
    ["a fail with no finding is null", run("x", "something broke"), null],
    [
      "a timeout is null, FINDINGS line or not",
      run("x", "FINDINGS: 2", {
        isTimedOut: true,
        exitCode: null,
        signal: "SIGTERM",
      }),
      null,
    ],
  ])("%s", (_name, check, count) => {
    expect(analyzeCheck(check, ROOT).count).toBe(count);
  });

  it("findings_total sums the counts and is null when one is null", () => {
    const ok = analyzeAttempt({
      attempt: 1,
      root: ROOT,
      checks: [pass("a", "FINDINGS: 2"), run("tsc", tsError(1))],
    });
    expect(ok.findingsTotal).toBe(3);
    expect(ok.outcomes).toStrictEqual([
      { name: "a", result: "pass", exit_code: 0, findings: 2 },
      { name: "tsc", result: "fail", exit_code: 1, findings: 1 },
    ]);
    const unknown = analyzeAttempt({
      attempt: 1,
      root: ROOT,
      checks: [pass("a"), run("x", "broke")],
    });
    expect(unknown.findingsTotal).toBeNull();
  });
});

describe("EV-FIND-4 and EV-FIND-2 on timeouts and failing checks only", () => {
  it("a check killed by its limit yields the timeout finding first, then what it printed", () => {
    const c = analyzeCheck(
      run(
        "tests",
        tsError(3),
        { isTimedOut: true, exitCode: null, signal: "SIGKILL" },
        { timeoutSeconds: 1.5 },
      ),
      ROOT,
    );
    expect(c.result).toBe("timeout");
    expect(c.findings.map((f) => f.message)).toStrictEqual([
      'check "tests" exceeded its 1.5s limit',
      "Cannot find name 'x3'.",
    ]);
  });

  it("a passing check is not read, even when its output looks like a failure", () => {
    expect(analyzeCheck(pass("tsc", tsError(1)), ROOT).findings).toStrictEqual(
      [],
    );
  });

  it("a signal without the limit is a fail", () => {
    expect(
      analyzeCheck(run("x", "", { exitCode: null, signal: "SIGSEGV" }), ROOT)
        .result,
    ).toBe("fail");
  });
});

describe("EV-REC-3 fallback", () => {
  it("up to 20 error-word lines with a line of context, zero counts excluded", () => {
    const lines = [
      "start",
      "0 errors, 0 failures",
      "Tests: 0 failed",
      "loading",
      "FATAL: disk full",
      "after",
      "",
    ];
    const c = analyzeCheck(run("x", lines.join("\n")), ROOT);
    expect(c.findings).toStrictEqual([]);
    expect(c.fallback).toStrictEqual([
      { line: 4, text: "loading", isMatch: false },
      { line: 5, text: "FATAL: disk full", isMatch: true },
      { line: 6, text: "after", isMatch: false },
    ]);
  });

  it("stops at 20 matches", () => {
    const text = Array.from({ length: 50 }, (_, i) => `error ${i}`).join("\n");
    expect(
      analyzeCheck(run("x", text), ROOT).fallback.filter((l) => l.isMatch),
    ).toHaveLength(20);
  });
});

describe("EV-SIG-2 and EV-SIG-4 over an attempt", () => {
  it("a failing check with no finding makes the signature null: unnamed failures never spin", () => {
    const e = analyzeAttempt({
      attempt: 1,
      root: ROOT,
      checks: [run("tsc", tsError(1)), run("x", "broke")],
    });
    expect(e.findings).toHaveLength(1);
    expect(e.signature).toBeNull();
  });

  it("all passing: not failed, no signature", () => {
    const e = analyzeAttempt({ attempt: 1, root: ROOT, checks: [pass("a")] });
    expect(e).toMatchObject({
      isFailed: false,
      signature: null,
      failureExcerpt: "",
      findingsTotal: 0,
    });
  });

  it.each([
    [
      "the first failing check's name when it is a class",
      ["lint", tsError(1)],
      "lint",
    ],
    [
      "else tests by a test runner",
      ["verify", "not ok 1 - adds\n::error::x"],
      "tests",
    ],
    ["else lint by a linter", ["check", tsError(1)], "lint"],
    ["else other", ["check", "::error::custom"], "other"],
  ])("failure_class: %s", (_name, [name, text], cls) => {
    const e = analyzeAttempt({
      attempt: 1,
      root: ROOT,
      checks: [pass("tests"), run(name ?? "", text ?? "")],
    });
    expect(e.failureClass).toBe(cls);
  });

  it("failure_excerpt: the first findings, one line each, within 500 bytes", () => {
    const text = Array.from({ length: 40 }, (_, i) => tsError(i + 1)).join(
      "\n",
    );
    const e = analyzeAttempt({
      attempt: 1,
      root: ROOT,
      checks: [run("tsc", text)],
    });
    expect(e.failureExcerpt.split("\n")[0]).toBe(
      "tsc: src/a.ts:1 TS2304: Cannot find name 'x1'.",
    );
    expect(Buffer.byteLength(e.failureExcerpt)).toBeLessThanOrEqual(500);
    const fallback = analyzeAttempt({
      attempt: 1,
      root: ROOT,
      checks: [run("x", "Error: boom")],
    });
    expect(fallback.failureExcerpt).toBe("x: Error: boom");
  });
});

describe("EV-REC-2 eslint warnings", () => {
  it("count only when the check failed with no eslint error", () => {
    const warn =
      "/w/a.js:1:1: Unexpected console statement. [Warning/no-console]";
    const err = "/w/a.js:2:1: 'x' is not defined. [Error/no-undef]";
    expect(
      analyzeCheck(run("lint", warn), ROOT).findings.map((f) => f.rule),
    ).toStrictEqual(["no-console"]);
    expect(
      analyzeCheck(run("lint", `${warn}\n${err}`), ROOT).findings.map(
        (f) => f.rule,
      ),
    ).toStrictEqual(["no-undef"]);
  });
});

describe("JUnit reports (EV-CAP-2) next to the console", () => {
  it("adds the failures the console did not name, and reports a file that is not XML", () => {
    const c = analyzeCheck(
      run(
        "tests",
        "[ERROR] Failures:\n[ERROR]   WalletTest.deposits:12 expected: <5> but was: <10>\n[INFO]",
        {},
        {
          reports: [
            {
              path: "r/TEST-a.xml",
              text: '<testsuite><testcase classname="a.WalletTest" name="deposits"><failure message="m"/></testcase><testcase classname="a.WalletTest" name="other"><error message="boom"/></testcase></testsuite>',
            },
            { path: "r/TEST-b.xml", text: "garbage" },
          ],
        },
      ),
      ROOT,
    );
    expect(c.findings.map((f) => [f.runner, f.test])).toStrictEqual([
      ["surefire", "WalletTest > deposits"],
      ["junit-xml", "a.WalletTest > other"],
    ]);
    expect(c.diagnostics).toHaveLength(1);
    expect(c.diagnostics[0]).toMatchObject({
      check: "tests",
      file: "r/TEST-b.xml",
      line: 1,
    });
  });
});

describe("field bounds (EV-FIND-1)", () => {
  it("message 400 B, expected and actual 120 B, the root dropped from messages", () => {
    const long = "é".repeat(500);
    const c = analyzeCheck(
      run("t", `::error file=/w/src/a.js::at /w/src/a.js ${long}`),
      ROOT,
    );
    const f = c.findings[0];
    expect(f?.file).toBe("src/a.js");
    expect(f?.message.startsWith("at src/a.js é")).toBe(true);
    expect(Buffer.byteLength(f?.message ?? "")).toBeLessThanOrEqual(400);
    const v = analyzeCheck(
      run(
        "t",
        `[ERROR] Failures:\n[ERROR]   A.b:1 expected: <${"x".repeat(300)}> but was: <y>`,
      ),
      ROOT,
    );
    expect(
      Buffer.byteLength(v.findings[0]?.expected ?? ""),
    ).toBeLessThanOrEqual(120);
  });
});
