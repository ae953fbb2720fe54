import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderTransitionDiagram } from "../../src/audit/transition-diagram.js";
import {
  TRANSITION_ROWS,
  type Entity,
} from "../../src/audit/transition-table.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

const doc = readFileSync(path.join(PROJECT_ROOT, "docs", "audit.md"), "utf8");

describe("docs/audit.md (the transition table as a diagram)", () => {
  it.each<Entity>(["unit", "gate", "feature"])(
    "the %s diagram is the one generated from the table",
    (entity) => {
      const block = new RegExp(
        `<!-- transitions:${entity} -->\\n([\\s\\S]*?)\\n<!-- /transitions:${entity} -->`,
      ).exec(doc)?.[1];
      expect(block).toBe(renderTransitionDiagram(entity));
    },
  );

  it("every row appears in a diagram, with its actors", () => {
    for (const r of TRANSITION_ROWS)
      expect(doc).toContain(`|${r.id} ${r.by.join(", ")}|`);
  });

  it("has a Slack and a Discord example", () => {
    expect(doc).toMatch(/format: slack/);
    expect(doc).toMatch(/format: discord/);
  });
});
