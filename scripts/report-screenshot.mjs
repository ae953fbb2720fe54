#!/usr/bin/env node
// Regenerates docs/report-demo.png: runs the demo (scripts/demo.mjs --keep), writes `specfuse report` in
// the kept repository, and screenshots the page in headless Chromium with the first failed attempt's
// evidence opened, through the same helper as the browser test (scripts/report-browser.mjs).
// Usage: npm run build && node scripts/report-screenshot.mjs [output.png]
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  CHROMIUM_PATH,
  hasChromium,
  screenshotReport,
} from "./report-browser.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.resolve(
  process.argv[2] ?? path.join(ROOT, "docs", "report-demo.png"),
);

function fail(message) {
  process.stderr.write(`report-screenshot: ${message}\n`);
  process.exit(1);
}

if (!hasChromium())
  fail(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);

const demo = spawnSync(
  process.execPath,
  [path.join(ROOT, "scripts", "demo.mjs"), "--keep"],
  {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  },
);
const kept = /^kept: (.+)$/m.exec(demo.stdout ?? "")?.[1];
if (demo.status !== 0 || kept === undefined)
  fail(`the demo failed (exit ${demo.status}):\n${demo.stdout}${demo.stderr}`);

try {
  const report = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin", "specfuse"), "report", "--json"],
    {
      cwd: kept,
      encoding: "utf8",
    },
  );
  if (report.status !== 0)
    fail(`specfuse report exited ${report.status}:\n${report.stderr}`);
  const file = path.join(kept, JSON.parse(report.stdout).file);
  const { problems, requests } = await screenshotReport(file, out);
  if (problems.length > 0 || requests.length > 0)
    fail(`the page is not clean:\n${[...problems, ...requests].join("\n")}`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
} finally {
  // The demo keeps its repository in a folder of its own under the temp directory.
  rmSync(path.dirname(kept), { recursive: true, force: true });
}
