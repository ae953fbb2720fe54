import { describe, expect, it } from "vitest";
import {
  findResultBlock,
  firstLine,
  parseResultBlock,
} from "../../src/agent/result-block.js";
import { dedent } from "../helpers/dedent.js";

const FENCE = "```";

describe("findResultBlock (D-RESULT-1, F-RES-2)", () => {
  it("takes the last block, allows trailing spaces on the opening line, and ends at a line starting with ```", () => {
    const text = dedent`
      Intro
      ${FENCE}result
      status: blocked
      ${FENCE}
      Then:
      ${FENCE}result${"   "}
      status: complete
      ${FENCE}trailing junk
    `;
    expect(findResultBlock(text)).toBe("status: complete");
  });

  it.each([
    ["no block", "just text"],
    ["another language", `${FENCE}yaml\nstatus: complete\n${FENCE}`],
    ["indented fence", `  ${FENCE}result\nstatus: complete\n${FENCE}`],
    ["text after the tag", `${FENCE}result yaml\nstatus: complete\n${FENCE}`],
    ["never closed", `${FENCE}result\nstatus: complete\n`],
  ])("%s → none", (_label, text) => {
    expect(findResultBlock(text)).toBeNull();
  });

  it("an empty block is found (and is malformed)", () => {
    expect(findResultBlock(`${FENCE}result\n${FENCE}`)).toBe("");
    expect(parseResultBlock(`${FENCE}result\n${FENCE}`).agentStatus).toBe(
      "malformed",
    );
  });

  it("accepts CRLF line ends", () => {
    expect(
      findResultBlock(`${FENCE}result\r\nstatus: complete\r\n${FENCE}\r\n`),
    ).toBe("status: complete");
  });
});

describe("parseResultBlock (D-RESULT-2, D-RESULT-3)", () => {
  const block = (body: string) =>
    `Done.\n\n${FENCE}result\n${body}\n${FENCE}\n`;

  it("complete: files_changed list, first line of summary", () => {
    expect(
      parseResultBlock(
        block(dedent`
          status: complete
          summary: |
            Added the bucket.
            Second line.
          files_changed:
            - src/a.ts
            - ./src/b.ts
          acceptance_criteria:
            - text: it works
              met: true
              evidence: tests pass
          blocked_reason:
        `),
      ),
    ).toStrictEqual({
      agentStatus: "complete",
      blockedReason: null,
      filesChanged: ["src/a.ts", "./src/b.ts"],
      summary: "Added the bucket.",
      warnings: [],
    });
  });

  it("blocked: the reason as a string, or null when absent", () => {
    expect(
      parseResultBlock(block("status: blocked\nblocked_reason: 42")),
    ).toMatchObject({ agentStatus: "blocked", blockedReason: "42" });
    expect(
      parseResultBlock(block("status: blocked\nblocked_reason: [a, b]")),
    ).toMatchObject({ blockedReason: '["a","b"]' });
    expect(parseResultBlock(block("status: blocked"))).toMatchObject({
      agentStatus: "blocked",
      blockedReason: null,
    });
  });

  it("missing: no block, with a warning", () => {
    const r = parseResultBlock("I did it.");
    expect(r.agentStatus).toBe("missing");
    expect(r.warnings).toStrictEqual([
      "no RESULT block in the agent's final message; verification decides",
    ]);
  });

  it.each([
    ["a YAML error", "status: [complete", /YAML error on line 1/],
    ["a list root", "- status: complete", /not a mapping/],
    ["a scalar root", "complete", /not a mapping/],
    ["an unknown status", "status: done", /found "done"/],
    ["no status", "summary: hi", /found none/],
    ["a non-string status", "status: true", /found true/],
  ])("malformed: %s", (_label, body, why) => {
    const r = parseResultBlock(block(body));
    expect(r.agentStatus).toBe("malformed");
    expect(r.filesChanged).toBeNull();
    expect(r.warnings[0]).toMatch(why);
    expect(r.warnings[0]).toMatch(/verification decides$/);
  });

  it("files_changed that is not a list is ignored with a warning; null is silent", () => {
    expect(
      parseResultBlock(block("status: complete\nfiles_changed: src/a.ts")),
    ).toMatchObject({
      filesChanged: null,
      warnings: [
        "RESULT files_changed is not a list (found src/a.ts); ignored",
      ],
    });
    expect(
      parseResultBlock(block("status: complete\nfiles_changed:")),
    ).toMatchObject({ filesChanged: null, warnings: [] });
    expect(
      parseResultBlock(block("status: complete\nfiles_changed: [a, 7, null]")),
    ).toMatchObject({ filesChanged: ["a", "7"] });
  });

  it("the summary is cut to 200 characters without splitting a character", () => {
    const long = "😀".repeat(250);
    const r = parseResultBlock(block(`status: complete\nsummary: "${long}"`));
    expect(Array.from(r.summary ?? "")).toHaveLength(200);
    expect(firstLine("\n\n  first \nsecond")).toBe("first");
  });
});
