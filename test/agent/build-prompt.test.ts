import { describe, expect, it } from "vitest";
import { buildPrompt, type PromptInput } from "../../src/agent/build-prompt.js";
import { dedent } from "../helpers/dedent.js";

function input(over: Partial<PromptInput> = {}): PromptInput {
  return {
    feature: {
      id: "2026-11-rate-limits",
      title: "Rate limits",
      roadmapGoal: "Protect the API from bursts",
    },
    gate: { number: 2, isTerminal: false },
    unit: {
      id: "2026-11-rate-limits/T03",
      type: "implementation",
      effort: "high",
      body: "\n\n# Token bucket\n\n## Context\nBuild it.\n\n",
      produces: [],
    },
    attempt: 1,
    maxAttempts: 3,
    wallClockMinutes: 45,
    inactivityMinutes: 20,
    protectedPaths: [".specfuse/verification.yml", ".specfuse/config.yml"],
    protectionExceptions: [],
    gates: [{ name: "tests", command: "npm test" }],
    smokeCommands: [],
    history: [],
    ...over,
  };
}

const sectionsOf = (prompt: string) => ({
  preamble: prompt.indexOf("You are carrying out one work unit"),
  terse: prompt.indexOf("Be terse."),
  context: prompt.indexOf("## Feature context\n- Feature:"),
  unit: prompt.indexOf("## Work unit 2026-11-rate-limits/T03"),
  evidence: prompt.indexOf("## Evidence from earlier attempts"),
});

describe("buildPrompt (D-PROMPT-1..5)", () => {
  it("D-PROMPT-1: sections in order, separated by blank lines; no terseness at high effort; no evidence on attempt 1", () => {
    const prompt = buildPrompt(input());
    const s = sectionsOf(prompt);
    expect(s.preamble).toBe(0);
    expect(s.terse).toBe(-1);
    expect(s.evidence).toBe(-1);
    expect(s.context).toBeGreaterThan(s.preamble);
    expect(s.unit).toBeGreaterThan(s.context);
    expect(prompt).toContain("\n\n## Feature context\n");
    expect(prompt.endsWith("Build it.\n")).toBe(true);
  });

  it.each(["low", "medium"])(
    "D-PROMPT-3: %s effort adds the terseness directive after the preamble",
    (effort) => {
      const prompt = buildPrompt(input({ unit: { ...input().unit, effort } }));
      const s = sectionsOf(prompt);
      expect(s.terse).toBeGreaterThan(s.preamble);
      expect(s.terse).toBeLessThan(s.context);
      expect(prompt).toMatch(/no narration between tool calls/);
      expect(prompt).toMatch(/quote error messages exactly/);
    },
  );

  it("D-PROMPT-2: the preamble covers points (a) to (g)", () => {
    const prompt = buildPrompt(
      input({
        unit: { ...input().unit, produces: ["docs/limits.md"] },
        protectionExceptions: ["You may set your own `verdict`."],
        smokeCommands: ['python -c "from app import main"'],
        gates: [
          { name: "tests", command: "npm test" },
          { name: "plan-lint", command: "specfuse lint .specfuse/features/x" },
        ],
      }),
    );
    expect(prompt).toMatch(
      /fresh process\. You know nothing about earlier attempts/,
    ); // (a)
    expect(prompt).toMatch(/`\.specfuse\/rules\/` are binding/); // (b)
    expect(prompt).toMatch(
      /Git commands that write .* are denied; read-only ones/,
    ); // (c)
    expect(prompt).toContain(
      "    - .specfuse/verification.yml\n    - .specfuse/config.yml",
    ); // (d)
    expect(prompt).toContain(
      "Allowed for this unit: You may set your own `verdict`.",
    );
    expect(prompt).toContain(
      "  - tests: `npm test`\n  - plan-lint: `specfuse lint .specfuse/features/x`",
    ); // (e)
    expect(prompt).toContain("must exist and be non-empty: docs/limits.md");
    expect(prompt).toContain(
      'after the commit, `python -c "from app import main"` must exit 0',
    );
    expect(prompt).toContain("at least one file besides this unit's own file");
    expect(prompt).toContain(dedent`
      \`\`\`result
      status: complete
      summary: One sentence on what this attempt did.
      files_changed:
        - path/from/the/repository/root.ts
      acceptance_criteria:
        - text: The criterion, as the work unit states it
          met: true
          evidence: The command you ran and what it showed
      blocked_reason:
      \`\`\`
    `); // (f)
    expect(prompt).toMatch(
      /listing a path that did not change fails the attempt/,
    );
    expect(prompt).toMatch(
      /Use `blocked` only for a decision a human must make/,
    );
    expect(prompt).toMatch(/Never weaken, skip or delete tests/); // (g)
    expect(prompt).toMatch(/no watch modes, dev servers/);
    expect(prompt).toMatch(/Report honestly/);
  });

  it("D-PROMPT-4: feature, gate, unit, attempt and limit", () => {
    const prompt = buildPrompt(
      input({
        attempt: 2,
        maxAttempts: 5,
        wallClockMinutes: 0.5,
        inactivityMinutes: 0,
        gate: { number: 3, isTerminal: true },
      }),
    );
    expect(prompt).toContain(dedent`
      ## Feature context
      - Feature: 2026-11-rate-limits — Rate limits
      - Roadmap goal: Protect the API from bursts
      - Gate: 3 (the terminal gate of this feature)
      - Work unit: 2026-11-rate-limits/T03 (type implementation)
      - Attempt: 2 of 5
      - Time limit: 0.5 minutes of wall-clock time
    `);
    expect(buildPrompt(input())).toContain(
      "- Time limit: 45 minutes of wall-clock time; stopped after 20 minutes without output",
    );
  });

  it("omits an absent title and roadmap goal", () => {
    const prompt = buildPrompt(
      input({ feature: { id: "f", title: null, roadmapGoal: "" } }),
    );
    expect(prompt).toContain("- Feature: f\n- Gate:");
  });

  it("closing types are told about the closing-deliverable checks; no empty-files guard", () => {
    const prompt = buildPrompt(
      input({ unit: { ...input().unit, type: "close" } }),
    );
    expect(prompt).toMatch(/closing-deliverable checks for a close unit/);
    expect(prompt).not.toMatch(/at least one file besides/);
  });

  it("issue 17 point 1: close and close-intermediate units are pointed at the document that lists their checks, and told to set a verdict", () => {
    for (const type of ["close", "close-intermediate"]) {
      const prompt = buildPrompt(input({ unit: { ...input().unit, type } }));
      expect(prompt).toContain(
        `closing-deliverable checks for a ${type} unit must all hold: .specfuse/docs/closing-units.md lists them`,
      );
      expect(prompt).toContain(
        "must carry a `verdict:` (met, met_locally, partially_met or not_met)",
      );
      expect(prompt).not.toContain("see .specfuse/rules/");
    }
    const plan = buildPrompt(
      input({ unit: { ...input().unit, type: "plan-next" } }),
    );
    expect(plan).toContain(".specfuse/docs/closing-units.md");
    expect(plan).not.toContain("`verdict:`");
  });

  it("D-PROMPT-5: retry evidence comes last", () => {
    const prompt = buildPrompt(
      input({
        attempt: 2,
        history: [
          { attempt: 1, outcome: "zero_token", note: "no agent output" },
        ],
      }),
    );
    const s = sectionsOf(prompt);
    expect(s.evidence).toBeGreaterThan(s.unit);
    expect(
      prompt.endsWith(
        "Attempt 1 (the most recent): zero_token\nno agent output\n",
      ),
    ).toBe(true);
  });
});
