// Preloaded into a measured child with NODE_OPTIONS="--import <this file's URL>": at exit it writes the
// process's own peak RSS (KB) to the file named by SPECFUSE_BENCH_RSS_FILE.
import { writeFileSync } from "node:fs";

const target = process.env.SPECFUSE_BENCH_RSS_FILE;
if (target) {
  process.on("exit", () => {
    try {
      writeFileSync(target, String(process.resourceUsage().maxRSS));
    } catch {
      // a benchmark probe must never change the measured program's outcome
    }
  });
}
