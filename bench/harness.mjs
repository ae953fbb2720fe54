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

/** Warnings for scenarios more than `threshold` slower than the baseline median. */
export function compareWithBaseline(summaries, baseline, threshold = 0.2) {
  const warnings = [];
  for (const s of summaries) {
    const before = baseline[s.name]?.medianMs;
    if (typeof before !== "number" || before <= 0) continue;
    const change = s.medianMs / before - 1;
    if (change > threshold)
      warnings.push(
        `${s.name}: median ${s.medianMs.toFixed(1)} ms is ${(change * 100).toFixed(0)}% slower than the baseline ${before.toFixed(1)} ms`,
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
