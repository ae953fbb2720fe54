import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderRulesDoc } from "../../src/lint/render-rules-doc.js";
import { RULE_TABLE } from "../../src/lint/rule-table.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

describe("docs/rules.md", () => {
  it("is the page generated from the rule table (run `npm run build && node scripts/gen-rules-doc.mjs`)", () => {
    expect(
      readFileSync(path.join(PROJECT_ROOT, "docs", "rules.md"), "utf8"),
    ).toBe(renderRulesDoc());
  });

  it("lists every rule once", () => {
    const page = renderRulesDoc();
    for (const r of RULE_TABLE)
      expect(page.split(`| \`${r.code}\` |`)).toHaveLength(2);
  });
});
