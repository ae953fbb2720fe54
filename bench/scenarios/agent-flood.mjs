// agent-flood (issue 9): 300 MB of agent stdout through exec's runProcess with the driver's agent options
// (bounded window, transcript streamed to a file). Reports the runner's own peak RSS; target < 200 MB.
// SPECFUSE_BENCH_FLOOD_MB overrides the volume.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, runMeasured } from "../child.mjs";

const MB = Number(process.env.SPECFUSE_BENCH_FLOOD_MB ?? "300");
const RUNNER = path.join(ROOT, "bench", "fixtures", "flood-run.mjs");

export const agentFlood = {
  name: "agent-flood",
  description: `${MB} MB of agent stdout through runProcess, window + transcript file`,
  target: { rssMb: 200 },
  warmup: 0,
  iterations: 2,
  async setup() {
    const dir = mkdtempSync(path.join(tmpdir(), "specfuse-bench-flood-"));
    return {
      run() {
        const r = runMeasured(process.execPath, [
          RUNNER,
          path.join(ROOT, "dist"),
          dir,
          String(MB),
        ]);
        const kept = JSON.parse(r.stdout);
        const size = statSync(kept.outputFile).size;
        if (!kept.hasResult || size < MB * 1024 * 1024)
          throw new Error(
            `agent-flood: lost output (${JSON.stringify(kept)}, file ${size} bytes)`,
          );
        return r;
      },
      async teardown() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};
