// The figure: `specfuse-lint` on 2,000 units in 50-wide layers (each layer depends on the
// previous one), from a cold process: whole-process wall time (target < 400 ms) and the child's own
// peak RSS (target < 150 MB), min/median/max over 5 runs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runBin } from "../child.mjs";
import { generateFeature } from "../fixtures/gen-feature.mjs";

export const lint2000Cold = {
  name: "lint-2000-cold",
  description:
    "specfuse-lint <folder>, 2,000 units, 50-wide layers, cold process",
  target: { ms: 400, rssMb: 150 },
  warmup: 1,
  iterations: 5,
  async setup() {
    const parent = mkdtempSync(path.join(tmpdir(), "specfuse-bench-"));
    const { dir } = generateFeature(parent, {
      units: 2000,
      gates: 10,
      width: 50,
      deps: 3,
      seed: 42,
    });
    return {
      run: () => runBin("specfuse-lint", [dir]),
      async teardown() {
        rmSync(parent, { recursive: true, force: true });
      },
    };
  },
};
