import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/schemas/ajv.js";
import { GATE_FRONTMATTER_SCHEMA } from "../../src/schemas/gate-frontmatter.js";
import { PLAN_FRONTMATTER_SCHEMA } from "../../src/schemas/plan-frontmatter.js";
import { WU_FRONTMATTER_SCHEMA } from "../../src/schemas/wu-frontmatter.js";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

const SCHEMAS = [
  ["plan", PLAN_FRONTMATTER_SCHEMA],
  ["gate", GATE_FRONTMATTER_SCHEMA],
  ["wu", WU_FRONTMATTER_SCHEMA],
] as const;

// The frontmatter of a file as the tools read it.
function fm(lines: string[]): Record<string, unknown> {
  const parsed = parseFrontmatter(`---\n${lines.join("\n")}\n---\nbody\n`);
  if (parsed.state !== "ok") throw new Error(parsed.issue?.reason);
  return parsed.data;
}

describe("frontmatter JSON Schemas (formats.md §4–§6)", () => {
  it.each(SCHEMAS)(
    "scaffold/schemas/%s-frontmatter.schema.json equals the TypeScript const",
    (name, schema) => {
      const file = path.join(
        PROJECT_ROOT,
        "scaffold",
        "schemas",
        `${name}-frontmatter.schema.json`,
      );
      const onDisk: unknown = JSON.parse(readFileSync(file, "utf8"));
      // Regenerate with: npm run build && node scripts/gen-rules-doc.mjs --schemas
      expect(onDisk).toStrictEqual(JSON.parse(JSON.stringify(schema)));
    },
  );

  const wu = compileSchema(WU_FRONTMATTER_SCHEMA);
  const good = [
    "id: FEAT-2026-0001/T01",
    "type: implementation",
    "status: pending",
  ];

  it.each<[string, string[]]>([
    ["the minimum", []],
    ["unknown keys (F-FM-3)", ["my_note: anything"]],
    ["a null effort", ["effort:"]],
    [
      "a full unit",
      [
        "model: claude-opus-4-1",
        "effort: high",
        "planned_cost_usd: '1.5'",
        "produces: [src/a.ts]",
        "extra_gates: security",
        "timeout_minutes: 0.5",
        "max_attempts: 10",
        "commit_type: fix(api)!",
        "unsandboxed: true",
        "unsandboxed_rationale: docker socket",
        "verdict: met_locally",
      ],
    ],
  ])("accepts a WU frontmatter with %s", (_name, extra) => {
    expect(wu(fm([...good, ...extra])), JSON.stringify(wu.errors)).toBe(true);
  });

  it.each<[string, string[]]>([
    [
      "a bad id",
      ["id: FEAT-2026-0001/T1", "type: implementation", "status: pending"],
    ],
    ["no type", ["id: FEAT-2026-0001/T01", "status: pending"]],
    ["an unknown status", [...good.slice(0, 2), "status: finished"]],
    ["a bad model", [...good, "model: gpt-4o"]],
    ["an empty effort string", [...good, 'effort: ""']],
    ["a word as planned cost", [...good, "planned_cost_usd: lots"]],
    ["max_attempts 11", [...good, "max_attempts: 11"]],
    ["unsandboxed without rationale", [...good, "unsandboxed: true"]],
    ["a list of lists as produces", [...good, "produces: [[a]]"]],
  ])("rejects a WU frontmatter with %s", (_name, lines) => {
    expect(wu(fm(lines))).toBe(false);
  });

  it("checks PLAN and GATE frontmatter", () => {
    const plan = compileSchema(PLAN_FRONTMATTER_SCHEMA);
    const planLines = [
      "feature_id: FEAT-2026-0001",
      "title: T",
      "branch: feat/x",
      "roadmap_goal: G",
      "status: active",
      "planned_cost_usd: 6.0",
    ];
    expect(plan(fm(planLines))).toBe(true);
    expect(plan(fm(planLines.slice(1)))).toBe(false);
    expect(plan(fm([...planLines.slice(0, 4), "status: finished"]))).toBe(
      false,
    );
    const gate = compileSchema(GATE_FRONTMATTER_SCHEMA);
    expect(gate(fm(["gate: 1", "status: open", "cost_budget_usd: 10"]))).toBe(
      true,
    );
    expect(gate(fm(["gate: 1", "cost_budget_usd: lots"]))).toBe(false);
    expect(gate(fm(["gate: 1", "status: shut"]))).toBe(false);
  });
});
