import { describe, expect, it } from "vitest";
import { loadFeatureModel } from "../../src/plan/feature-model.js";
import {
  featureProblems,
  formatProblem,
  problemError,
} from "../../src/operator/feature-problems.js";
import { DIR, FOLDER, featureFiles, snapshotOf } from "./feature-fixture.js";

const files = () =>
  featureFiles([
    {
      gate: 1,
      status: "open",
      units: [{ id: "T01" }, { id: "T02", isMissing: true }],
    },
  ]);
const problems = (f: Record<string, string>) => {
  const snapshot = snapshotOf(f);
  return featureProblems(snapshot, loadFeatureModel(snapshot, FOLDER));
};

describe("unparseable files of a feature (cli.md C-STATUS-3)", () => {
  it("a clean feature has none; a missing unit file is not a parse problem", () => {
    expect(problems(files())).toEqual([]);
  });

  it("C-STATUS-3 PLAN, GATE and WU frontmatter errors carry file and line", () => {
    const f = files();
    f["PLAN.md"] = (f["PLAN.md"] ?? "").replace(
      "title: Rate limits",
      "title: [unclosed",
    );
    f["GATE-01.md"] = "---\ngate: 1\nstatus: {oops\n---\n";
    f["WU-T01.md"] = '---\nid: "unterminated\n---\n';
    const found = problems(f);
    expect(found.map((p) => [p.code, p.file, p.line])).toEqual([
      ["yaml_error", `${DIR}/PLAN.md`, 4],
      ["yaml_error", `${DIR}/GATE-01.md`, 3],
      ["yaml_error", `${DIR}/WU-T01.md`, 2],
    ]);
    expect(formatProblem(found[0] ?? ({} as never))).toMatch(
      /^\.specfuse\/features\/.*\/PLAN.md:4: frontmatter: /,
    );
    expect(problemError(found[2] ?? ({} as never))).toMatchObject({
      code: "yaml_error",
      line: 2,
    });
  });

  it("a missing PLAN and a PLAN without a graph", () => {
    expect(problems({}).map((p) => p.code)).toEqual(["plan_missing"]);
    expect(
      problems({ "PLAN.md": "---\nstatus: active\n---\n# no graph\n" }).map(
        (p) => p.code,
      ),
    ).toEqual(["graph_missing"]);
  });
});
