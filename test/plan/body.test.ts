import fc from "fast-check";
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

  it("F-WU-10 reads the same title as splitting the whole body into lines (property)", () => {
    // The former implementation, kept as the oracle for the early-stopping scan.
    const bySplitting = (body: string, fallback: string): string => {
      let isInFence = false;
      for (const line of body.split("\n")) {
        if (/^\s*(```|~~~)/.test(line)) {
          isInFence = !isInFence;
          continue;
        }
        if (isInFence) continue;
        const m = /^#[ \t]+(\S.*)$/.exec(line);
        if (m !== null) return (m[1] ?? "").trim();
      }
      return fallback;
    };
    const piece = fc.constantFrom(
      "# Title",
      "#  spaced  ",
      "#\tTab",
      "#",
      "# ",
      "## two",
      "```",
      "  ~~~ts",
      "text",
      "# crlf\r",
      "\n",
      "\r\n",
      "",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }),
        fc.boolean(),
        (parts, isNl) => {
          const body = parts.join(isNl ? "\n" : "");
          expect(titleOf(body, "ID")).toBe(bySplitting(body, "ID"));
        },
      ),
    );
  });
});
