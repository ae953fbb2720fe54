import { describe, expect, it } from "vitest";
import {
  buildBookkeepingMessage,
  buildSquashMessage,
  oneLine,
  type SquashMessageInput,
} from "../../src/driver/commit/commit-message.js";
import { dedent } from "../helpers/dedent.js";

const base: SquashMessageInput = {
  prefix: "feat",
  title: "Add token bucket limiter",
  summary: "Token bucket with configurable refill, plus tests.",
  wuId: "FEAT-2026-0042/T01",
  type: "implementation",
  attempts: 2,
  model: "sonnet",
  verifiedBy: ["tests", "lint"],
  costUsd: 0.4123,
};

describe("buildSquashMessage (F-GIT-1, D-GIT-7)", () => {
  it("F-GIT-1: subject, body, then the trailers in order", () => {
    expect(buildSquashMessage(base)).toBe(dedent`
      feat: Add token bucket limiter

      Token bucket with configurable refill, plus tests.

      Feature: FEAT-2026-0042/T01
      Work-Unit-Type: implementation
      Attempts: 2
      Model: sonnet
      Verified-By: tests, lint
      Cost-USD: 0.4123
    `);
  });

  it("F-GIT-1: no body without a summary, no Cost-USD without usage", () => {
    expect(buildSquashMessage({ ...base, summary: null, costUsd: undefined }))
      .toBe(dedent`
      feat: Add token bucket limiter

      Feature: FEAT-2026-0042/T01
      Work-Unit-Type: implementation
      Attempts: 2
      Model: sonnet
      Verified-By: tests, lint
    `);
    expect(buildSquashMessage({ ...base, summary: "  \n " })).not.toContain(
      "\n\n\n",
    );
  });

  it("F-GIT-1: the body is the summary's first non-blank line", () => {
    const msg = buildSquashMessage({
      ...base,
      summary: "\nFirst line.\nSecond line.",
    });
    expect(msg.split("\n")[2]).toBe("First line.");
    expect(msg).not.toContain("Second line.");
  });

  it("F-GIT-2: every value is one line", () => {
    const msg = buildSquashMessage({
      ...base,
      title: "Multi\nline\r\ntitle",
      model: "claude\nopus",
      verifiedBy: ["unit\ntests", "lint"],
    });
    expect(msg.split("\n")[0]).toBe("feat: Multi line title");
    expect(msg).toContain("\nModel: claude opus\n");
    expect(msg).toContain("\nVerified-By: unit tests, lint\n");
  });

  it("F-WRITE-4: Cost-USD is a plain decimal, never an exponent", () => {
    expect(buildSquashMessage({ ...base, costUsd: 1e-6 })).toContain(
      "\nCost-USD: 0.000001\n",
    );
    expect(buildSquashMessage({ ...base, costUsd: 2 })).toContain(
      "\nCost-USD: 2.0\n",
    );
    expect(buildSquashMessage({ ...base, costUsd: 0 })).toContain(
      "\nCost-USD: 0.0\n",
    );
  });

  it("ends with exactly one newline and no trailing spaces", () => {
    const msg = buildSquashMessage({ ...base, model: "", verifiedBy: [] });
    expect(msg.endsWith("\n")).toBe(true);
    expect(msg.endsWith("\n\n")).toBe(false);
    expect(msg.split("\n").filter((l) => l !== l.trimEnd())).toStrictEqual([]);
  });
});

describe("buildBookkeepingMessage (F-GIT-3)", () => {
  it("is the subject, a blank line and Feature", () => {
    expect(
      buildBookkeepingMessage({
        subject: "chore(loop): gate 2 awaiting_review",
        feature: "FEAT-2026-0042",
      }),
    ).toBe("chore(loop): gate 2 awaiting_review\n\nFeature: FEAT-2026-0042\n");
  });
});

describe("oneLine", () => {
  it.each([
    ["a\nb", "a b"],
    ["  a \t b  ", "a b"],
    ["a\r\n\r\nb", "a b"],
    ["", ""],
  ])("%j → %j", (input, want) => {
    expect(oneLine(input)).toBe(want);
  });
});
