// Benchmark harness (architecture.md A-BENCH-3): warm-up, then N timed iterations; median, p95 and ops/s
// as a table or JSON; warns (never fails) when a scenario's median is more than 20% slower than
// bench/baseline.json. No dependencies beyond node:.
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/**
 * @typedef {object} Sample
 * @property {number} ms wall time of one iteration
 * @property {number | undefined} rssKb peak RSS of the measured process, when the scenario reports it
 * @property {number | undefined} cpuMs CPU time (user + system) of the measured process, when reported
 */

/**
 * Runs fn `warmup` times untimed, then `iterations` times timed.
 * fn may return `{ rssKb, cpuMs }` (and `ms` to report its own timing, e.g. a child process's).
 * @returns {Promise<Sample[]>}
 */
export async function measure(fn, { warmup = 1, iterations = 5 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const extra = (await fn()) ?? {};
    const ms =
      typeof extra.ms === "number" ? extra.ms : performance.now() - start;
    samples.push({ ms, rssKb: extra.rssKb, cpuMs: extra.cpuMs });
  }
  return samples;
}

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil(q * sorted.length) - 1),
  );
  return sorted[i];
}

/** Summary statistics of one scenario's samples. */
export function summarize(name, samples, target = {}) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const rss = samples
    .map((s) => s.rssKb)
    .filter((v) => typeof v === "number")
    .sort((a, b) => a - b);
  const median = quantile(ms, 0.5);
  const summary = {
    name,
    n: ms.length,
    minMs: ms[0],
    medianMs: median,
    p95Ms: quantile(ms, 0.95),
    maxMs: ms[ms.length - 1],
    opsPerSec: median > 0 ? 1000 / median : Infinity,
  };
  const cpu = samples
    .map((s) => s.cpuMs)
    .filter((v) => typeof v === "number")
    .sort((a, b) => a - b);
  if (cpu.length > 0) summary.cpuMedianMs = quantile(cpu, 0.5);
  if (rss.length > 0) {
    summary.rssMinMb = rss[0] / 1024;
    summary.rssMedianMb = quantile(rss, 0.5) / 1024;
    summary.rssMaxMb = rss[rss.length - 1] / 1024;
  }
  if (target.ms !== undefined) summary.targetMs = target.ms;
  if (target.rssMb !== undefined) summary.targetRssMb = target.rssMb;
  summary.meetsTarget =
    (target.ms === undefined || median < target.ms) &&
    (target.rssMb === undefined ||
      summary.rssMaxMb === undefined ||
      summary.rssMaxMb < target.rssMb);
  return summary;
}

/** Reads bench/baseline.json: `{ "<scenario>": { "medianMs": n } }`; a missing file is an empty baseline. */
export function readBaseline(file) {
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, "utf8"));
}

/**
 * Warnings for scenarios more than `threshold` slower than the baseline median: wall time, or CPU time for
 * the rows of a group scenario (their baseline entries hold `cpuMedianMs`).
 */
export function compareWithBaseline(summaries, baseline, threshold = 0.2) {
  const warnings = [];
  for (const s of summaries) {
    const entry = baseline[s.name] ?? {};
    const isCpu = typeof entry.cpuMedianMs === "number";
    const before = isCpu ? entry.cpuMedianMs : entry.medianMs;
    const now = isCpu ? s.cpuMedianMs : s.medianMs;
    if (typeof before !== "number" || before <= 0 || typeof now !== "number")
      continue;
    const change = now / before - 1;
    if (change > threshold)
      warnings.push(
        `${s.name}: ${isCpu ? "CPU" : "median"} ${now.toFixed(1)} ms is ${(change * 100).toFixed(0)}% slower than the baseline ${before.toFixed(1)} ms`,
      );
  }
  return warnings;
}

const fmt = (v, digits = 1) =>
  v === undefined || Number.isNaN(v) ? "-" : v.toFixed(digits);

/** The summaries as a plain-text table. */
export function formatTable(summaries) {
  const header = [
    "scenario",
    "n",
    "min ms",
    "median ms",
    "p95 ms",
    "max ms",
    "ops/s",
    "cpu ms",
    "rss MB min/med/max",
    "target",
  ];
  const rows = summaries.map((s) => [
    s.name,
    String(s.n),
    fmt(s.minMs),
    fmt(s.medianMs),
    fmt(s.p95Ms),
    fmt(s.maxMs),
    fmt(s.opsPerSec, 2),
    fmt(s.cpuMedianMs),
    s.rssMaxMb === undefined
      ? "-"
      : `${fmt(s.rssMinMb)}/${fmt(s.rssMedianMb)}/${fmt(s.rssMaxMb)}`,
    s.targetMs === undefined && s.targetRssMb === undefined
      ? "-"
      : `${[s.targetMs === undefined ? null : `<${s.targetMs} ms`, s.targetRssMb === undefined ? null : `<${s.targetRssMb} MB`].filter(Boolean).join(", ")} ${s.meetsTarget ? "ok" : "MISSED"}`,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => r[i].length)),
  );
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join("  ");
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ].join("\n");
}

/**
 * Measures a group of commands in interleaved rounds (one warm-up round, then `rounds` rounds, each running
 * every command once in order), so that machine load drifts over all of them alike. Each command's run()
 * returns `{ ms, cpuMs, rssKb }` of its own process. The first command is the reference (`node -e 0`).
 * @param {Array<{ name: string, run: () => { ms: number, cpuMs?: number, rssKb?: number }, target?: object }>} commands
 * @returns {Promise<object[]>} one summary per command, with CPU medians and the ratio to the reference
 */
export async function measureGroup(commands, { rounds = 9, warmup = 1 } = {}) {
  const samples = commands.map(() => []);
  for (let r = 0; r < warmup + rounds; r++)
    for (let c = 0; c < commands.length; c++) {
      const s = await commands[c].run();
      if (r >= warmup) samples[c].push(s);
    }
  const cpuOf = (list) =>
    list.map((s) => s.cpuMs).filter((v) => typeof v === "number");
  const reference = median(cpuOf(samples[0] ?? []));
  return commands.map((command, c) => {
    const cpu = cpuOf(samples[c]).sort((a, b) => a - b);
    const cpuMedianMs = median(cpu);
    const summary = {
      name: command.name,
      n: samples[c].length,
      cpuMedianMs,
      cpuMinMs: cpu[0],
      cpuMaxMs: cpu[cpu.length - 1],
      vsNode: cpuMedianMs / reference,
      overNodeMs: cpuMedianMs - reference,
      medianMs: median(samples[c].map((s) => s.ms)),
      rssMedianMb: median(samples[c].map((s) => s.rssKb ?? NaN)) / 1024,
    };
    summary.target = command.target ?? null;
    summary.meetsTarget = meetsCpuTarget(summary, command.target);
    return summary;
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return quantile(sorted, 0.5);
}

// A CPU target: `maxCpuMs` (absolute), `maxVsNode` (ratio) or `maxOverNodeMs` (difference).
function meetsCpuTarget(s, target) {
  if (target === undefined) return null;
  return (
    (target.maxCpuMs === undefined || s.cpuMedianMs <= target.maxCpuMs) &&
    (target.maxVsNode === undefined || s.vsNode <= target.maxVsNode) &&
    (target.maxOverNodeMs === undefined || s.overNodeMs <= target.maxOverNodeMs)
  );
}

function describeTarget(target) {
  if (target === null || target === undefined) return "-";
  return [
    target.maxCpuMs === undefined ? null : `<= ${target.maxCpuMs} ms`,
    target.maxVsNode === undefined ? null : `<= ${target.maxVsNode}x`,
    target.maxOverNodeMs === undefined
      ? null
      : `<= node +${target.maxOverNodeMs} ms`,
  ]
    .filter(Boolean)
    .join(", ");
}

/** A group's summaries as a plain-text table (CPU time of the whole process, median of the rounds). */
export function formatGroupTable(title, summaries) {
  const header = [
    title,
    "n",
    "cpu ms",
    "min",
    "max",
    "x node",
    "+ms",
    "wall ms",
    "rss MB",
    "target",
  ];
  const rows = summaries.map((s) => [
    s.name,
    String(s.n),
    fmt(s.cpuMedianMs),
    fmt(s.cpuMinMs),
    fmt(s.cpuMaxMs),
    fmt(s.vsNode, 2),
    fmt(s.overNodeMs),
    fmt(s.medianMs),
    fmt(s.rssMedianMb),
    s.meetsTarget === null
      ? "-"
      : `${describeTarget(s.target)} ${s.meetsTarget ? "ok" : "MISSED"}`,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => r[i].length)),
  );
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join("  ");
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ].join("\n");
}
