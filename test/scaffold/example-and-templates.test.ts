import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { writeFeatureFromTemplates } from "./support/fill-templates.js";
import { checkFeature } from "./support/structure-check.js";

const EXAMPLE = path.join(PROJECT_ROOT, "scaffold", "example", "FEAT-0000-0001-hello-greeting");
const fm = (file: string) => parseFrontmatter(readFileSync(path.join(EXAMPLE, file), "utf8")).data;

// These pin the lint-relevant facts with the project's own parsers; test/e2e/init*.test.ts runs the real linter.
describe("the example feature (init.md §8)", () => {
  it("I-EX-1 PLAN, gate and the three pending units with their ids, types and costs", () => {
    expect(fm("PLAN.md")).toMatchObject({
      feature_id: "FEAT-0000-0001",
      status: "active",
      branch: "feat/FEAT-0000-0001-hello-greeting",
      planned_cost_usd: 0.2,
    });
    expect(String(fm("PLAN.md").roadmap_goal)).not.toContain("\n");
    expect(fm("GATE-01.md")).toEqual({ gate: 1, status: "open" });
    expect(fm("WU-01-greet-function.md")).toMatchObject({
      id: "FEAT-0000-0001/T01",
      type: "implementation",
      status: "pending",
      planned_cost_usd: 0.05,
      produces: ["hello/greet.mjs", "hello/greet.test.mjs"],
      extra_gates: ["example"],
    });
    expect(fm("WU-02-greet-cli.md")).toMatchObject({
      id: "FEAT-0000-0001/T02",
      type: "implementation",
      planned_cost_usd: 0.05,
      produces: ["hello/cli.mjs", "hello/cli.test.mjs"],
      extra_gates: ["example"],
    });
    expect(fm("WU-90-gate-1-close.md")).toEqual({
      id: "FEAT-0000-0001/G1-CLOSE",
      type: "close",
      status: "pending",
      planned_cost_usd: 0.1,
    });
  });

  it("I-EX-3 no errors and no warnings under the structural check (sections, costs, produces, phrases, shape)", () => {
    expect(checkFeature(EXAMPLE)).toEqual([]);
  });

  it("I-EX-3 the structural check is not vacuous: it flags a broken copy", async () => {
    const { cpSync, writeFileSync } = await import("node:fs");
    const dir = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true });
    const wu = path.join(dir, "WU-02-greet-cli.md");
    writeFileSync(
      wu,
      readFileSync(wu, "utf8")
        .replace("planned_cost_usd: 0.05\n", "")
        .replace("**Do not touch.**", "**Off limits.**")
        .replace("**Acceptance criteria.**\n", "**Acceptance criteria.**\n- an integration test passes\n"),
    );
    expect(checkFeature(dir).map((f) => `${f.severity} ${f.message}`)).toEqual(
      expect.arrayContaining([
        "error section Do not touch missing",
        expect.stringMatching(/^warning oracle-like phrase/),
        "warning planned cost missing",
      ]),
    );
  });
});

describe("templates filled with sample values (init.md I-TPL-2)", () => {
  it("I-TPL-2 a feature built from the three templates has no errors", () => {
    const dir = tempDir();
    writeFeatureFromTemplates(dir);
    expect(checkFeature(dir).filter((f) => f.severity === "error")).toEqual([]);
  });
});
