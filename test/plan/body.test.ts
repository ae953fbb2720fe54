import { describe, expect, it } from "vitest";
import {
  acceptanceSlice,
  missingSections,
  sectionSlice,
  titleOf,
} from "../../src/plan/body.js";
import { dedent } from "../helpers/dedent.js";

describe("section detector (formats.md F-WU-11)", () => {
  it.each([
    ["## Context", true],
    ["**Context.**", true],
    ["Context:", true],
    ["Contextual", true],
    ["- Context", false],
    ["> **Context**", false],
    ["_Context_", false],
    ["### 1. Context", false],
    ["context:", true],
  ])("%s counts as Context: %s", (line, expected) => {
    expect(missingSections(`${line}\n`).includes("Context")).toBe(!expected);
  });

  it("lists missing sections in order", () => {
    expect(
      missingSections("**Context.** x\n**Verification.** y\n"),
    ).toStrictEqual([
      "Acceptance criteria",
      "Do not touch",
      "Escalation triggers",
    ]);
  });

  it("slices a section up to the next heading (lint.md L-DRAFT-4)", () => {
    const body = dedent`
      **Context.** heading text does not count
      **Acceptance criteria.**
      - one
      ## Next
    `;
    expect(sectionSlice(body, "Context")?.trim()).toBe("");
    expect(sectionSlice(body, "Acceptance criteria")?.trim()).toBe("- one");
    expect(sectionSlice(body, "Do not touch")).toBeNull();
  });

  it("slices acceptance criteria (lint.md L-DEF-3)", () => {
    expect(
      acceptanceSlice(
        "**Acceptance criteria.** inline\nrun the e2e suite\n**Do not touch.**\n",
      ),
    ).toBe("run the e2e suite\n");
    expect(acceptanceSlice("### Acceptance criteria\n- a\n- b")).toBe(
      "- a\n- b",
    );
    expect(acceptanceSlice("no criteria")).toBe("");
  });
});

describe("titleOf (formats.md F-WU-10)", () => {
  it("takes the first # line outside fenced code", () => {
    expect(
      titleOf("```\n# not this\n```\n#  Real title  \n# second", "X"),
    ).toBe("Real title");
  });
  it("falls back to the id", () => {
    expect(titleOf("## only level two", "FEAT-2026-0001/T01")).toBe(
      "FEAT-2026-0001/T01",
    );
  });
});
