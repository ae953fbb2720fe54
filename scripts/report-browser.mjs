// Opens a `specfuse report` page in headless Chromium (the Debian package) and looks at it the way a
// person would: what the console said, which requests it made, a screenshot. Shared by the browser test
// (test/e2e/report-browser.test.ts) and scripts/report-screenshot.mjs (docs/report-demo.png).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const CHROMIUM_PATH = "/usr/bin/chromium";

// No sandbox (CI runs as root), no GPU, and nothing that phones home.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Whether the CI variable selects CI (cli.md §2: any value except empty, "false" or "0").
export function isCI(env = process.env) {
  const v = env.CI;
  return v !== undefined && v !== "" && v !== "false" && v !== "0";
}

// Whether the browser is installed where the tests expect it.
export function hasChromium() {
  return existsSync(CHROMIUM_PATH);
}

// Starts Chromium with a new, empty user-data-dir; returns the context and a close() that removes the dir.
export async function launchChromium({ width = 1280, height = 900 } = {}) {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(path.join(os.tmpdir(), "specfuse-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width, height },
      timeout: 30_000,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(
      `Chromium did not start from ${CHROMIUM_PATH}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Loads a report file in a new page, recording console errors, page errors and every request but the file itself.
export async function openReport(context, file) {
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const problems = [];
  const requests = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning")
      problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (r.url().split("#")[0] !== url) requests.push(r.url());
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, problems, requests };
}

// Renders a report to a PNG: the whole page, with the first failed attempt's evidence opened by a click on its bar.
export async function screenshotReport(file, png, options = {}) {
  const browser = await launchChromium(options);
  try {
    const { page, problems, requests } = await openReport(
      browser.context,
      file,
    );
    const bar = page.locator("a.bar").first();
    if ((await bar.count()) > 0) await bar.click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: png, fullPage: true });
    return { problems, requests };
  } finally {
    await browser.close();
  }
}
