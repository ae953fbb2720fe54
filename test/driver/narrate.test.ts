import { describe, expect, it } from "vitest";
import { makePaint } from "../../src/output/color.js";
import {
  attemptLine,
  headerLine,
  oneLine,
  unitLine,
} from "../../src/driver/narrate.js";

const plain = { paint: makePaint(false), isTTY: false };

describe("run narration (driver D-UI-1, D-UI-3; cli.md C-COLOR-2)", () => {
  it("writes the header and the unit line", () => {
    expect(
      headerLine({
        featureId: "F",
        gate: 2,
        gateStatus: "open",
        unitCount: 1,
        branch: "feat/x",
        isTerminal: true,
      }),
    ).toBe("specfuse run: F gate 2 (open, terminal), 1 unit on feat/x");
    expect(
      unitLine("09:05:01", {
        id: "F/T01",
        type: "implementation",
        model: "sonnet",
        effort: "low",
      }),
    ).toBe("[09:05:01] F/T01 [implementation] model=sonnet effort=low");
  });

  it("writes attempt lines with words off a TTY and symbols on one", () => {
    const input = {
      attempt: 2,
      max: 3,
      outcome: "passed" as const,
      elapsedMs: 65_000,
      costUsd: 0.4123,
      detail: "abc1234",
    };
    expect(attemptLine(input, plain)).toBe(
      "  attempt 2/3 PASS 1:05 $0.41 abc1234",
    );
    expect(attemptLine(input, { paint: makePaint(false), isTTY: true })).toBe(
      "  ✓ attempt 2/3 PASS 1:05 $0.41 abc1234",
    );
    expect(
      attemptLine(
        { ...input, outcome: "zero_token", costUsd: null, detail: "" },
        plain,
      ),
    ).toBe("  attempt 2/3 ZERO-TOKEN 1:05");
  });

  it("cuts notes to their first non-blank line", () => {
    expect(oneLine("\n\n  first line  \nsecond", 200)).toBe("first line");
    expect(oneLine("x".repeat(300), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
