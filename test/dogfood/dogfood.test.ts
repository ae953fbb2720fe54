import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintFeature } from "../../src/lint/lint-feature.js";
import { parseManifest, MANIFEST_PATH } from "../../src/scaffold/manifest.js";
import {
  managedFiles,
  shippedManifest,
} from "../../src/scaffold/managed-files.js";
import { readAssets } from "../../src/scaffold/read-target.js";
import { readFeature } from "../../src/workspace/read-feature.js";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";
import { parseYaml } from "../../src/yaml/parse-yaml.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

// This repository's own workspace (architecture.md A-LAYOUT-3).
const read = (rel: string) =>
  readFileSync(path.join(PROJECT_ROOT, rel), "utf8");
const pkg = JSON.parse(read("package.json")) as { version: string };
const featuresDir = path.join(PROJECT_ROOT, ".specfuse", "features");
const features = readdirSync(featuresDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("the repository's own .specfuse/ (architecture.md A-LAYOUT-3)", () => {
  it("A-LAYOUT-3 .specfuse/VERSION equals the package version", () => {
    expect(read(".specfuse/VERSION")).toBe(`${pkg.version}\n`);
  });

  it("A-LAYOUT-3 no versioned or managed file differs from what the package ships", async () => {
    const managed = managedFiles(pkg.version, await readAssets(PROJECT_ROOT));
    expect(managed.size).toBeGreaterThan(15);
    const differing = [...managed]
      .filter(([rel, m]) => read(rel) !== m.content)
      .map(([rel]) => rel);
    expect(
      differing,
      "run `npm run build && node bin/specfuse upgrade` and commit the result",
    ).toEqual([]);
  });

  it("I-MAN-1 the manifest records exactly the shipped hashes (upgrade would change nothing)", async () => {
    const managed = managedFiles(pkg.version, await readAssets(PROJECT_ROOT));
    const manifest = read(MANIFEST_PATH);
    expect(parseManifest(manifest).ok).toBe(true);
    expect(manifest).toBe(shippedManifest(managed));
  });

  it("A-LAYOUT-3 verification.yml runs npm test, npm run lint and npm run typecheck; plannext lints the feature", () => {
    const parsed = parseYaml(read(".specfuse/verification.yml"), 0);
    if (!parsed.ok) throw new Error("verification.yml does not parse");
    const sets = parsed.yaml.value as Record<
      string,
      Array<{ name: string; command: string }>
    >;
    expect(sets.code?.map((c) => c.command)).toEqual([
      "npm test",
      "npm run lint",
      "npm run typecheck",
    ]);
    expect(sets.plannext?.map((c) => c.command)).toEqual([
      "specfuse lint {feature_dir}",
    ]);
    expect(sets.doc?.length).toBeGreaterThan(0);
  });

  it("keeps at least one real feature, and no example feature", () => {
    expect(features.length).toBeGreaterThan(0);
    expect(features.some((f) => f.startsWith("FEAT-0000-"))).toBe(false);
  });

  it.each(features)(
    "%s lints with zero errors and zero warnings",
    async (folder) => {
      const rel = `.specfuse/features/${folder}`;
      const report = lintFeature(
        await readFeature(path.join(featuresDir, folder), rel),
        { strict: false, justClosedGate: null },
      );
      expect(report.diagnostics).toEqual([]);
    },
  );

  it.each(features)(
    "%s has a roadmap row whose Status matches its PLAN",
    (folder) => {
      const plan = parseFrontmatter(
        read(`.specfuse/features/${folder}/PLAN.md`),
      );
      if (plan.state !== "ok") throw new Error(`${folder}/PLAN.md`);
      const id = String(plan.data.feature_id);
      expect(folder.startsWith(`${id}-`)).toBe(true);
      const row = read(".specfuse/roadmap.md")
        .split("\n")
        .find((l) => l.startsWith(`| ${id} |`));
      const cells = row?.split("|").map((c) => c.trim());
      expect(cells?.[3]).toBe(plan.data.status);
      expect(cells?.[4]).toBe(folder);
    },
  );
});
