import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyAttempt,
  interruptedDecision,
  isZeroToken,
  type AttemptFacts,
  type OutcomeDecision,
  type PassResult,
} from "../../src/driver/attempt/decide-outcome.js";
import {
  OUTCOME_WORDS,
  describeLimit,
} from "../../src/driver/attempt/outcome-notes.js";
import { OUTCOMES, type AgentStatus } from "../../src/types/outcome.js";

const clean: AttemptFacts = {
  stop: null,
  timeout: null,
  isCostTracking: true,
  usage: { input_tokens: 10, output_tokens: 5, cost_usd: 0.01 },
  agentStatus: "complete",
  blockedReason: null,
  protectedPaths: [],
  verification: { isPassed: true, evidence: "### tests: PASS" },
  unchangedPaths: [],
  pass: { outcome: "passed" },
};

function decide(over: Partial<AttemptFacts>): OutcomeDecision {
  const c = classifyAttempt({ ...clean, ...over });
  if (c.status !== "decided") throw new Error(`needs ${c.step}`);
  return c.decision;
}

describe("classifyAttempt order (driver D-ATT-5)", () => {
  it("D-ATT-5 step 2 a stop beats everything, including a timeout", () => {
    const d = decide({
      stop: { kind: "signal", signal: "SIGINT" },
      timeout: { kind: "wall_clock", limitSeconds: 60 },
      agentStatus: "blocked",
    });
    expect(d.outcome).toBe("interrupted");
  });

  it("D-ATT-5 step 3 a timeout beats zero tokens and blocked", () => {
    const d = decide({
      timeout: { kind: "inactivity", limitSeconds: 1200 },
      usage: { input_tokens: 0 },
      agentStatus: "blocked",
    });
    expect(d.outcome).toBe("timeout");
    expect(d.extras).toStrictEqual({
      timeout_kind: "inactivity",
      limit_seconds: 1200,
    });
    expect(d.agentStatus).toBeNull();
  });

  it("D-ATT-5 step 4 zero tokens beats a blocked RESULT", () => {
    const d = decide({ usage: { input_tokens: 0 }, agentStatus: "blocked" });
    expect(d.outcome).toBe("zero_token");
    expect(d.note).toMatch(/^No agent output/);
  });

  it("D-ATT-5 step 5 blocked beats a protected-path change", () => {
    const d = decide({
      agentStatus: "blocked",
      blockedReason: "needs a product decision",
      protectedPaths: [".specfuse/verification.yml"],
    });
    expect(d).toMatchObject({
      outcome: "blocked",
      then: "escalate",
      note: null,
      agentStatus: "blocked",
      agentBlockedReason: "needs a product decision",
    });
  });

  it("D-ATT-5 step 6 a protected change beats verification and lists the paths", () => {
    const d = decide({
      protectedPaths: ["HEAD", ".specfuse/config.yml"],
      verification: { isPassed: false, evidence: "### tests: FAIL" },
    });
    expect(d.outcome).toBe("protected_path_modified");
    expect(d.extras).toStrictEqual({
      protected_paths: ["HEAD", ".specfuse/config.yml"],
    });
    expect(d.note).toContain("  - .specfuse/config.yml (off-limits)");
  });

  it("D-ATT-5 step 7 failed verification carries the evidence as note and a signature", () => {
    const evidence = "### tests: FAIL\n```\n$ npm test\nFAILED a::b\n```";
    const d = decide({
      verification: { isPassed: false, evidence },
      unchangedPaths: ["x"],
    });
    expect(d).toMatchObject({
      outcome: "failed",
      then: "retry",
      note: evidence,
      failure: { failure_class: "tests", failure_signature: "a::b" },
      extras: {},
    });
  });

  it("D-ATT-5 step 8 a files_changed mismatch beats the pass pipeline", () => {
    const d = decide({
      unchangedPaths: ["src/a.ts", "README.md"],
      pass: { outcome: "deliverable_missing", summary: "x", missing: ["y"] },
    });
    expect(d.outcome).toBe("files_changed_mismatch");
    expect(d.extras).toStrictEqual({
      unchanged_paths: ["src/a.ts", "README.md"],
    });
    expect(d.note?.split("\n")[0]).toBe(
      "files_changed lists paths that did not change: src/a.ts, README.md",
    );
  });

  it("D-ATT-5 step 9 passed keeps the squash", () => {
    const d = decide({});
    expect(d).toMatchObject({
      outcome: "passed",
      isCounted: true,
      tree: "keep",
      then: "done",
      note: null,
      agentStatus: "complete",
      extras: {},
    });
  });

  it("D-ATT-5 asks for the next step when its facts are not gathered yet", () => {
    const base = { ...clean };
    delete base.verification;
    delete base.unchangedPaths;
    delete base.pass;
    expect(classifyAttempt(base)).toStrictEqual({
      status: "needs",
      step: "verification",
    });
    expect(
      classifyAttempt({
        ...base,
        verification: { isPassed: true, evidence: "" },
      }),
    ).toStrictEqual({ status: "needs", step: "files_changed" });
    expect(
      classifyAttempt({
        ...base,
        verification: { isPassed: true, evidence: "" },
        unchangedPaths: [],
      }),
    ).toStrictEqual({ status: "needs", step: "pass" });
  });
});

describe("pass pipeline outcomes (driver D-PASS-2..6, F-EV-4 extras)", () => {
  const guards: Array<[string, PassResult, Record<string, unknown>]> = [
    [
      "squash_commit_failed",
      { outcome: "squash_commit_failed", summary: "hook said no" },
      { summary: "hook said no" },
    ],
    [
      "smoke_import_failed",
      { outcome: "smoke_import_failed", summary: "exit 1" },
      { summary: "exit 1" },
    ],
    [
      "closing_deliverable_missing",
      {
        outcome: "closing_deliverable_missing",
        summary: "verdict_missing: set it",
        assertion: "verdict_missing",
      },
      { summary: "verdict_missing: set it", assertion: "verdict_missing" },
    ],
    [
      "deliverable_missing",
      {
        outcome: "deliverable_missing",
        summary: "declared deliverable absent: a",
        missing: ["a"],
      },
      { summary: "declared deliverable absent: a", missing: ["a"] },
    ],
    [
      "no_deliverable_files",
      { outcome: "no_deliverable_files", summary: "no deliverable files" },
      { summary: "no deliverable files" },
    ],
  ];
  it.each(guards)(
    "D-OUT-1 %s: counted, restore, retry, guard summary as note",
    (outcome, pass, extras) => {
      const d = decide({ pass });
      expect(d.outcome).toBe(outcome);
      expect(d.isCounted).toBe(true);
      expect(d.tree).toBe("restore");
      expect(d.then).toBe("retry");
      expect(d.extras).toStrictEqual(extras);
      expect(d.note?.startsWith((pass as { summary: string }).summary)).toBe(
        true,
      );
    },
  );
});

describe("interrupted (driver D-OUT-1, D-SIGNAL-2, D-LOCK-5, D-REC-3)", () => {
  it("D-SIGNAL-2 a signal is not counted and restores", () => {
    expect(
      interruptedDecision({ kind: "signal", signal: "SIGTERM" }),
    ).toMatchObject({
      outcome: "interrupted",
      isCounted: false,
      tree: "restore",
      then: "stop",
      note: null,
      extras: { interrupt_reason: "signal:SIGTERM", counted: false },
    });
  });
  it("D-LOCK-5 a lost lock leaves the tree untouched", () => {
    expect(interruptedDecision({ kind: "lock_compromised" })).toMatchObject({
      isCounted: true,
      tree: "untouched",
      extras: { interrupt_reason: "lock_compromised", counted: true },
    });
  });
  it("D-REC-3 a crash counts and has a note", () => {
    const d = interruptedDecision({ kind: "driver_crash" });
    expect(d.extras).toStrictEqual({
      interrupt_reason: "driver_crash",
      counted: true,
    });
    expect(d.note).toMatch(/^Attempt interrupted/);
  });
});

describe("zero-token rule (driver D-ATT-5 step 4, D-GUARD-2, Q7)", () => {
  const rows: Array<
    [string, boolean, Parameters<typeof isZeroToken>[1], boolean]
  > = [
    ["all zero", true, { input_tokens: 0, output_tokens: 0 }, true],
    [
      "cache tokens count as input",
      true,
      { input_tokens: 0, cache_read_input_tokens: 5 },
      false,
    ],
    [
      "cache creation counts",
      true,
      { input_tokens: 0, cache_creation_input_tokens: 1 },
      false,
    ],
    ["no input_tokens key", true, { output_tokens: 0 }, false],
    ["no usage at all", true, null, false],
    ["cost tracking off", false, { input_tokens: 0 }, false],
  ];
  it.each(rows)("D-GUARD-2 %s", (_n, tracking, usage, expected) => {
    expect(isZeroToken(tracking, usage)).toBe(expected);
  });
});

describe("notes and words (driver D-OUT-1, D-UI-3)", () => {
  it("D-OUT-1 timeout note names the limit and gives the advice", () => {
    const wall =
      decide({ timeout: { kind: "wall_clock", limitSeconds: 2700 } }).note ??
      "";
    expect(wall.split("\n")[0]).toBe(
      "Timed out: the wall-clock limit of 45 min (2700 s) was reached before the attempt finished.",
    );
    expect(wall).toMatch(/watch modes/);
    expect(wall).toMatch(/servers/);
    expect(wall).toMatch(/stdin/);
    const idle =
      decide({ timeout: { kind: "inactivity", limitSeconds: 30 } }).note ?? "";
    expect(idle.split("\n")[0]).toContain(
      "nothing was printed for 30 s, the inactivity limit",
    );
  });

  it("describeLimit keeps decimals plain", () => {
    expect(describeLimit(90)).toBe("1.5 min (90 s)");
    expect(describeLimit(0.25)).toBe("0.25 s");
  });

  it("D-UI-3 every outcome has a word", () => {
    expect(Object.keys(OUTCOME_WORDS).sort()).toStrictEqual(
      [...OUTCOMES].sort(),
    );
    expect(OUTCOME_WORDS.files_changed_mismatch).toBe("FILES-MISMATCH");
  });
});

describe("property: classification is total (driver D-ATT-5)", () => {
  const status = fc.constantFrom<AgentStatus>(
    "complete",
    "blocked",
    "missing",
    "malformed",
  );
  const facts = fc.record({
    stop: fc.option(
      fc.oneof(
        fc.constant({ kind: "signal" as const, signal: "SIGINT" }),
        fc.constant({ kind: "lock_compromised" as const }),
      ),
    ),
    timeout: fc.option(
      fc.record({
        kind: fc.constantFrom("wall_clock" as const, "inactivity" as const),
        limitSeconds: fc.double({ min: 0.001, max: 1e5, noNaN: true }),
      }),
    ),
    isCostTracking: fc.boolean(),
    usage: fc.option(
      fc.record(
        { input_tokens: fc.nat(3), cache_read_input_tokens: fc.nat(3) },
        { requiredKeys: [] },
      ),
    ),
    agentStatus: status,
    blockedReason: fc.option(fc.string()),
    protectedPaths: fc.array(fc.string({ minLength: 1 }), { maxLength: 2 }),
    verification: fc.option(
      fc.record({ isPassed: fc.boolean(), evidence: fc.string() }),
      { nil: undefined },
    ),
    unchangedPaths: fc.option(fc.array(fc.string(), { maxLength: 2 }), {
      nil: undefined,
    }),
    pass: fc.option(
      fc.oneof(
        fc.constant<PassResult>({ outcome: "passed" }),
        fc.constant<PassResult>({
          outcome: "no_deliverable_files",
          summary: "s",
        }),
      ),
      { nil: undefined },
    ),
  });
  it("every input decides an outcome or names the next step", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const c = classifyAttempt(f);
        if (c.status === "needs")
          return ["verification", "files_changed", "pass"].includes(c.step);
        const d = c.decision;
        return (
          (OUTCOMES as readonly string[]).includes(d.outcome) &&
          (d.outcome === "failed") === (d.failure !== null) &&
          (d.outcome !== "passed" || d.tree === "keep") &&
          (d.isCounted || d.outcome === "interrupted")
        );
      }),
    );
  });
});
