// Preloaded into a measured child with NODE_OPTIONS="--require <this file>": at exit it writes the process's
// own peak RSS (KB) and CPU time (user + system, ms) as JSON to SPECFUSE_BENCH_RSS_FILE. A CommonJS preload,
// so measuring `node -e 0` does not start the ESM loader that the measured program may not need.
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (see above)
const { writeFileSync } = require("node:fs");

const target = process.env.SPECFUSE_BENCH_RSS_FILE;
if (target) {
  process.on("exit", () => {
    try {
      const usage = process.resourceUsage();
      const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
      writeFileSync(target, JSON.stringify({ rssKb: usage.maxRSS, cpuMs }));
    } catch {
      // a benchmark probe must never change the measured program's outcome
    }
  });
}
