// run-large (driver.md D-PERF-1, architecture.md A-BENCH-2): `specfuse run` over one gate of 80
// independent units with an instant stand-in agent and checks that always pass. Reports whole-run wall
// time and peak RSS; the target is 80 ms of driver overhead per unit (wall time minus what the
// stand-in agent and the check cost on their own, calibrated in setup) and RSS under 200 MB.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT, runBin } from "../child.mjs";
import { generateRunRepo } from "../fixtures/gen-run-feature.mjs";

const UNITS = 80;
const OVERHEAD_TARGET_MS = 80;
const AGENT = path.join(ROOT, "bench", "fixtures", "instant-agent.sh");

// What one unit's agent and check cost without the driver: the floor under the driver's own time.
function standInCostMs(dir) {
  const runs = 10;
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    spawnSync(AGENT, [], {
      cwd: dir,
      input: "prompt",
      env: { ...process.env, SPECFUSE_WORK_UNIT: `CAL/T${i}` },
    });
    spawnSync("/bin/sh", ["-c", "true"], { cwd: dir });
  }
  return (performance.now() - start) / runs;
}

const samples = [];

export const runLarge = {
  name: "run-large",
  description: `specfuse run, ${UNITS} independent units, instant agent`,
  target: { ms: UNITS * OVERHEAD_TARGET_MS, rssMb: 200 },
  warmup: 0,
  iterations: 3,
  async setup() {
    const dir = mkdtempSync(path.join(tmpdir(), "specfuse-bench-run-"));
    const repo = generateRunRepo(dir, { units: UNITS });
    const floor = standInCostMs(dir);
    this.target = {
      ms: Math.round(UNITS * (OVERHEAD_TARGET_MS + floor)),
      rssMb: 200,
    };
    return {
      run() {
        repo.git("checkout", "-q", "-f", "main");
        repo.git("reset", "-q", "--hard", repo.head);
        repo.git("clean", "-qfdx");
        try {
          repo.git("branch", "-q", "-D", "feat/bench");
        } catch {
          // first iteration: no branch yet
        }
        const r = runBin("specfuse", ["run"], {
          cwd: dir,
          env: { SPECFUSE_AGENT_CMD: AGENT, CI: "1" },
        });
        samples.push(r.ms);
        return r;
      },
      async teardown() {
        const sorted = [...samples].sort((a, b) => a - b);
        const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
        console.error(
          `run-large: ${(median / UNITS).toFixed(1)} ms per unit in all; stand-in agent + check ${floor.toFixed(1)} ms; ` +
            `driver overhead ${(median / UNITS - floor).toFixed(1)} ms per unit (target < ${OVERHEAD_TARGET_MS})`,
        );
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};
