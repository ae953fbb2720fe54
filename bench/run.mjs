#!/usr/bin/env node
// Benchmark runner and scenario registry (architecture.md §6). `npm run bench` builds, then runs every
// scenario; `node bench/run.mjs lint-large cli-startup` runs some. Flags: --json, --list,
// --iterations N, --update-baseline (writes the medians to bench/baseline.json), --against DIR (group
// scenarios also run DIR/bin/*, another built checkout, for before/after figures in one run).
// To add a scenario: export { name, description, target?, warmup?, iterations?, setup() } from a file in
// bench/scenarios/ and list it in SCENARIOS. setup() returns { run(), teardown() }; run() may return
// { ms, rssKb, cpuMs } to report a child process's own figures. A scenario with kind "group" instead returns
// { commands, teardown() } and is measured in interleaved rounds (harness.mjs measureGroup).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./child.mjs";
import {
  compareWithBaseline,
  formatGroupTable,
  formatTable,
  measure,
  measureGroup,
  readBaseline,
  summarize,
} from "./harness.mjs";
import { cliStartup } from "./scenarios/cli-startup.mjs";
import { evidenceRecognize } from "./scenarios/evidence-recognize.mjs";
import { cpuStartup } from "./scenarios/cpu-startup.mjs";
import { gitSteps } from "./scenarios/git-steps.mjs";
import { lint2000Cold } from "./scenarios/lint-2000-cold.mjs";
import { lintLarge } from "./scenarios/lint-large.mjs";
import { runLarge } from "./scenarios/run-large.mjs";
import { agentFlood } from "./scenarios/agent-flood.mjs";
import {
  dryRunChain,
  dryRunWide,
  statusChain,
  statusWide,
} from "./scenarios/scale-10k.mjs";

// The registry, in run order.
export const SCENARIOS = [
  cpuStartup,
  cliStartup,
  lintLarge,
  lint2000Cold,
  gitSteps,
  runLarge,
  evidenceRecognize,
  statusChain,
  statusWide,
  dryRunChain,
  dryRunWide,
  agentFlood,
];

const BASELINE = path.join(ROOT, "bench", "baseline.json");

async function main(argv) {
  const isJson = argv.includes("--json");
  const i = argv.indexOf("--iterations");
  const iterations = i >= 0 ? Number(argv[i + 1]) : undefined;
  const j = argv.indexOf("--against");
  const against = j >= 0 ? argv[j + 1] : undefined;
  const names = argv.filter(
    (a, k) =>
      !a.startsWith("--") &&
      argv[k - 1] !== "--iterations" &&
      argv[k - 1] !== "--against",
  );
  if (argv.includes("--list")) {
    for (const s of SCENARIOS)
      console.log(`${s.name.padEnd(16)} ${s.description}`);
    return 0;
  }
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(`unknown scenario: ${unknown.join(", ")} (try --list)`);
    return 2;
  }
  const chosen =
    names.length === 0
      ? SCENARIOS
      : SCENARIOS.filter((s) => names.includes(s.name));
  const summaries = [];
  const groups = [];
  for (const scenario of chosen) {
    if (!isJson)
      console.error(`running ${scenario.name}: ${scenario.description}`);
    if (scenario.kind === "group") {
      const fixture = await scenario.setup({ against });
      try {
        const rows = await measureGroup(fixture.commands, {
          rounds: iterations ?? scenario.rounds ?? 9,
        });
        groups.push({ name: scenario.name, summaries: rows });
      } finally {
        await fixture.teardown();
      }
      continue;
    }
    const fixture = await scenario.setup();
    try {
      const samples = await measure(fixture.run, {
        warmup: scenario.warmup ?? 1,
        iterations: iterations ?? scenario.iterations ?? 5,
      });
      summaries.push(summarize(scenario.name, samples, scenario.target ?? {}));
    } finally {
      await fixture.teardown();
    }
  }
  const grouped = groups.flatMap((g) =>
    g.summaries.map((s) => ({ ...s, name: `${g.name}: ${s.name}` })),
  );
  const warnings = compareWithBaseline(
    [...summaries, ...grouped],
    readBaseline(BASELINE),
  );
  if (isJson)
    console.log(JSON.stringify({ summaries, groups, warnings }, null, 2));
  else {
    for (const g of groups)
      console.log(`${formatGroupTable(g.name, g.summaries)}\n`);
    if (summaries.length > 0) console.log(formatTable(summaries));
    for (const w of warnings) console.error(`warning: ${w}`);
  }
  if (argv.includes("--update-baseline")) {
    const baseline = readBaseline(BASELINE);
    for (const s of summaries)
      baseline[s.name] = { medianMs: Number(s.medianMs.toFixed(1)) };
    for (const s of grouped)
      if (!s.name.includes(": before: "))
        baseline[s.name] = { cpuMedianMs: Number(s.cpuMedianMs.toFixed(1)) };
    writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
    console.error(`updated ${path.relative(ROOT, BASELINE)}`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
