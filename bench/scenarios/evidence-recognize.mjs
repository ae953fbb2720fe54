// evidence-recognize (evidence.md EV-FIND-2, issue target < 50 ms): one 1 MiB failing capture cut and cleaned
// (EV-CAP-1), then read by every recognizer, merged and counted (analyzeCheck), in-process (src/evidence bundled on demand by scripts/load-source.mjs).
import { loadSource } from "../../scripts/load-source.mjs";
import { generateCapture } from "../fixtures/gen-capture.mjs";

export const evidenceRecognize = {
  name: "evidence-recognize",
  description:
    "cut, clean and read a 1 MiB failing capture through every recognizer",
  target: { ms: 50 },
  warmup: 3,
  iterations: 20,
  async setup() {
    const raw = Buffer.from(
      generateCapture({ bytes: 1024 * 1024, seed: 7 }),
      "utf8",
    );
    const { analyzeCheck, cutCapture } = await loadSource("evidence/index.ts");
    return {
      async run() {
        const cpu = process.cpuUsage();
        const cut = cutCapture(raw);
        const evidence = analyzeCheck(
          {
            name: "tests",
            command: "npm test",
            timeoutSeconds: 900,
            capture: {
              text: cut.text,
              exitCode: 1,
              signal: null,
              isTimedOut: false,
              durationMs: 1,
              elidedBytes: cut.elidedBytes,
            },
          },
          "/bench/app",
        );
        if (evidence.findings.length < 100)
          throw new Error(
            `expected many findings, got ${evidence.findings.length}`,
          );
        const used = process.cpuUsage(cpu);
        // CPU time too: on a shared machine the wall time mostly measures the other processes.
        return { cpuMs: (used.user + used.system) / 1000 };
      },
      async teardown() {},
    };
  },
};
