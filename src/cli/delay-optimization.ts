import { setFlagsFromString } from "node:v8";

// V8 optimizes a function once it has run "enough"; in a sub-second CLI run that background compilation
// costs more CPU than it saves (2,000-unit lint: ~470 → ~290 ms CPU on Node 20, ~500 → ~350 ms on Node 22),
// while 20,000 units lint as fast as before. The knob differs by V8 version, and V8 prints an error for a
// flag it does not know, so only the versions measured get one (docs/build.md).
// The flags per V8 major version; a version not listed gets none.
export const FLAGS_BY_V8_MAJOR: Readonly<Record<number, readonly string[]>> = {
  // Node 20: V8 11.x counts bytecode executed; 8x the default budget.
  11: ["--interrupt-budget=1048576"],
  // Node 22 and 23: V8 12.x counts invocations; 10x the default counts.
  12: [
    "--invocation-count-for-turbofan=30000",
    "--invocation-count-for-maglev=4000",
  ],
};

// Raises V8's optimization thresholds for this process; call before the hot code first runs.
export function delayOptimization(v8Version: string): void {
  const major = Number.parseInt(v8Version, 10);
  for (const flag of FLAGS_BY_V8_MAJOR[major] ?? []) setFlagsFromString(flag);
}
