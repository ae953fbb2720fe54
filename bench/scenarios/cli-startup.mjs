// cli-startup: `specfuse --version` from a cold process (target < 150 ms, architecture.md A-BENCH-3).
import { runBin } from "../child.mjs";

export const cliStartup = {
  name: "cli-startup",
  description: "specfuse --version, cold process",
  target: { ms: 150 },
  warmup: 2,
  iterations: 10,
  async setup() {
    return {
      run: () => runBin("specfuse", ["--version"]),
      async teardown() {},
    };
  },
};
