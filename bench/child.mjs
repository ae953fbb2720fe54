// Runs a built bin (or node itself) as a cold child process and reports its wall time, its own peak RSS and
// its own CPU time (user + system, all threads), read by a CommonJS preload at exit.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
);
// A CommonJS preload: it adds the same small cost to every measured process, `node -e 0` included, and
// starts no ESM loader of its own.
const PROBE = path.join(ROOT, "bench", "probe-rss.cjs");

/**
 * Spawns `bin/<bin> ...args` and returns `{ ms, rssKb, cpuMs, status, stdout }`.
 * @param {string} bin
 * @param {string[]} args
 * @param {{ cwd?: string, expectStatus?: number[], env?: Record<string, string>, root?: string }} options
 *   root: the package whose bin/ to run (default: this checkout)
 */
export function runBin(bin, args, options = {}) {
  return runCommand(path.join(options.root ?? ROOT, "bin", bin), args, options);
}

/**
 * Spawns `file ...args` (a bin, or process.execPath for `node -e 0`) and measures it like runBin.
 * @param {string} file
 * @param {string[]} args
 * @param {{ cwd?: string, expectStatus?: number[], env?: Record<string, string> }} options
 */
export function runCommand(
  file,
  args,
  { cwd = ROOT, expectStatus = [0], env = {} } = {},
) {
  return runMeasured(path.join(ROOT, "bin", bin), args, {
    cwd,
    expectStatus,
    env,
  });
}

/**
 * Spawns any executable (a bin, or `node <script>`) the same way: `{ ms, rssKb, cpuMs, status, stdout }`.
 * @param {string} file
 * @param {string[]} args
 * @param {{ cwd?: string, expectStatus?: number[], env?: Record<string, string> }} options
 */
export function runMeasured(
  file,
  args,
  { cwd = ROOT, expectStatus = [0], env = {} } = {},
) {
  const scratch = mkdtempSync(path.join(tmpdir(), "specfuse-bench-"));
  const rssFile = path.join(scratch, "rss");
  try {
    const start = performance.now();
    const r = spawnSync(file, args, {
      cwd,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        ...env,
        NO_COLOR: "1",
        NODE_OPTIONS:
          `${process.env.NODE_OPTIONS ?? ""} --require ${PROBE}`.trim(),
        SPECFUSE_BENCH_RSS_FILE: rssFile,
      },
    });
    const ms = performance.now() - start;
    if (r.error) throw r.error;
    if (!expectStatus.includes(r.status ?? -1))
      throw new Error(
        `${path.basename(file)} ${args.join(" ")} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`,
      );
    let probe = {};
    try {
      probe = JSON.parse(readFileSync(rssFile, "utf8"));
    } catch {
      probe = {};
    }
    return {
      ms,
      rssKb: probe.rssKb,
      cpuMs: probe.cpuMs,
      status: r.status,
      stdout: r.stdout,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
