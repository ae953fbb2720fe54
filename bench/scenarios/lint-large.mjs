// lint-large: 1,000 units across 20 gates, read and linted in-process (architecture.md A-BENCH-2).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSource } from "../../scripts/load-source.mjs";
import { generateFeature } from "../fixtures/gen-feature.mjs";

export const lintLarge = {
  name: "lint-large",
  description: "readFeature + lintFeature, 1,000 units in 20 gates, in-process",
  warmup: 2,
  iterations: 10,
  async setup() {
    const parent = mkdtempSync(path.join(tmpdir(), "specfuse-bench-"));
    const { dir } = generateFeature(parent, {
      units: 1000,
      gates: 20,
      width: 50,
      deps: 3,
      seed: 7,
    });
    const { readFeature } = await loadSource("workspace/read-feature.ts");
    const { lintFeature } = await loadSource("lint/lint-feature.ts");
    return {
      async run() {
        const report = lintFeature(await readFeature(dir, "bench"), {
          strict: false,
          justClosedGate: null,
        });
        if (report.errors > 0)
          throw new Error(`generated feature has ${report.errors} lint errors`);
      },
      async teardown() {
        rmSync(parent, { recursive: true, force: true });
      },
    };
  },
};
