// status and run --dry-run on 10,000 units (issue 9: linear in units and edges; target < 2 s each), on a
// seeded chain (each unit depends on the one before; the first quarter done) and on a wide graph (10,000
// independent units under one close). Whole-process wall time and peak RSS of a cold CLI.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runBin } from "../child.mjs";
import { generateWorkspace } from "../fixtures/gen-workspace.mjs";

const UNITS = 10_000;

// One scenario: `args` in a fresh workspace of the given shape.
function scenario(name, shape, args) {
  return {
    name,
    description: `specfuse ${args.join(" ")}, ${UNITS.toLocaleString("en")} units, ${shape === "chain" ? "a chain" : "a wide graph"}, cold process`,
    target: { ms: 2000 },
    warmup: 0,
    iterations: 3,
    async setup() {
      const dir = mkdtempSync(path.join(tmpdir(), `specfuse-bench-${shape}-`));
      generateWorkspace(dir, { units: UNITS, shape, seed: 9 });
      return {
        run: () => runBin("specfuse", args, { cwd: dir, env: { CI: "1" } }),
        async teardown() {
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

export const statusChain = scenario("status-10k-chain", "chain", ["status"]);
export const statusWide = scenario("status-10k-wide", "wide", ["status"]);
export const dryRunChain = scenario("dry-run-10k-chain", "chain", [
  "run",
  "--dry-run",
]);
export const dryRunWide = scenario("dry-run-10k-wide", "wide", [
  "run",
  "--dry-run",
]);
