import { describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";
import { projectNameFor, renderRoadmap } from "../../src/scaffold/render-roadmap.js";
import type { ExampleAssets } from "../../src/scaffold/scaffold-assets.js";
import { dedent } from "../helpers/dedent.js";
import { subsetViolations } from "./support/yaml-subset.js";

const SEED = dedent`
  ---
  project: __SPECFUSE_PROJECT__
  ---
  # Roadmap

  Guidance.

  | Feature ID | Title | Status | Folder | Detail |
  |---|---|---|---|---|
`;
const example: ExampleAssets = {
  folder: "FEAT-0000-0001-hello",
  featureId: "FEAT-0000-0001",
  files: new Map(),
  roadmapRow: "| FEAT-0000-0001 | Hello | active | FEAT-0000-0001-hello | below |\n",
  roadmapDetail: "## FEAT-0000-0001 — Hello\n\nDetail.\n",
};

describe("roadmap seed (init.md I-RMP-1, I-RMP-2)", () => {
  it.each([
    ["billing", "project: billing"],
    ["@acme/web-app", 'project: "@acme/web-app"'],
    ["yes", 'project: "yes"'],
    ['my "quoted" dir', 'project: "my \\"quoted\\" dir"'],
  ])("I-RMP-1 project %s is written inside the YAML subset", (name, line) => {
    const text = renderRoadmap(SEED, name, null);
    expect(text.split("\n")[1]).toBe(line);
    expect(parseFrontmatter(text).data).toEqual({ project: name });
    expect(subsetViolations(line)).toEqual([]);
  });

  it("I-RMP-1 the project is the package name, else the directory name", () => {
    expect(projectNameFor("@acme/web", "checkout")).toBe("@acme/web");
    expect(projectNameFor(null, "checkout")).toBe("checkout");
  });

  it("I-RMP-2 the example row goes into the table and its detail section after it", () => {
    expect(renderRoadmap(SEED, "demo", example)).toBe(dedent`
      ---
      project: demo
      ---
      # Roadmap

      Guidance.

      | Feature ID | Title | Status | Folder | Detail |
      |---|---|---|---|---|
      | FEAT-0000-0001 | Hello | active | FEAT-0000-0001-hello | below |

      ## FEAT-0000-0001 — Hello

      Detail.
    `);
  });
});
