#!/usr/bin/env node
// Summarizes V8 CPU profiles (`node --cpu-prof`): self time per script and per function, largest first;
// given several profiles of the same command, it averages them (start-up profiles are noisy).
// Usage: node bench/profile-summary.mjs <file.cpuprofile>... [--top 25]
// Example: node --cpu-prof --cpu-prof-dir=/tmp/prof bin/specfuse-lint <folder>; then this on the file.
import { readFileSync } from "node:fs";
import path from "node:path";

/** Self time (ms) per node id, from the sample deltas. */
function selfTimes(profile) {
  const self = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
  }
  return self;
}

function shortUrl(url) {
  if (url === "") return "(native or V8)";
  const i = url.indexOf("node_modules/");
  if (i >= 0) return url.slice(i);
  const d = url.lastIndexOf("/dist/");
  if (d >= 0) return url.slice(d + 1);
  return url.startsWith("node:") ? url : path.basename(url);
}

function top(map, n) {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/** `{ total, byScript, byFunction }` of one profile. */
export function summarizeProfile(profile, n = 25) {
  const self = selfTimes(profile);
  const byScript = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    total += ms;
    const { url, functionName, lineNumber } = node.callFrame;
    const script = shortUrl(url);
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    const fn = `${functionName || "(anonymous)"} ${script}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  return { total, byScript: top(byScript, n), byFunction: top(byFunction, n) };
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]).endsWith("profile-summary.mjs")
) {
  const args = process.argv.slice(2);
  const k = args.indexOf("--top");
  const n = k >= 0 ? Number(args[k + 1]) : 25;
  const files = args.filter((a, i) => !a.startsWith("--") && i !== k + 1);
  if (files.length === 0) {
    console.error("usage: profile-summary.mjs <file.cpuprofile>... [--top N]");
    process.exitCode = 2;
  } else {
    const all = files.map((f) =>
      summarizeProfile(JSON.parse(readFileSync(f, "utf8")), Infinity),
    );
    const mean = (key) => {
      const sum = new Map();
      for (const s of all)
        for (const [name, ms] of s[key])
          sum.set(name, (sum.get(name) ?? 0) + ms / all.length);
      return top(sum, n);
    };
    const total = all.reduce((t, s) => t + s.total, 0) / all.length;
    console.log(
      `${files.length} profile(s), mean sampled ${total.toFixed(1)} ms`,
    );
    console.log("\nself time by script (mean ms):");
    for (const [name, ms] of mean("byScript"))
      console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
    console.log("\nself time by function (mean ms):");
    for (const [name, ms] of mean("byFunction"))
      console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
  }
}
