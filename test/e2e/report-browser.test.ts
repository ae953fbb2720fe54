import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { DIR } from "../operator/feature-fixture.js";
import { ranRepo } from "./ran-feature.js";

/** The shared browser helper (scripts/report-browser.mjs), typed for the test. */
interface Page {
  locator(selector: string): Locator;
  screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
}
interface Locator {
  first(): Locator;
  count(): Promise<number>;
  click(): Promise<void>;
  isVisible(): Promise<boolean>;
  textContent(): Promise<string | null>;
  getAttribute(name: string): Promise<string | null>;
  evaluate<T>(fn: (el: HTMLElementLike) => T): Promise<T>;
}
interface HTMLElementLike {
  open?: boolean;
  getBoundingClientRect(): { top: number; bottom: number };
}
interface BrowserHelper {
  CHROMIUM_PATH: string;
  isCI(): boolean;
  hasChromium(): boolean;
  launchChromium(): Promise<{ context: unknown; close(): Promise<void> }>;
  openReport(
    context: unknown,
    file: string,
  ): Promise<{ page: Page; problems: string[]; requests: string[] }>;
}

const helper = (await import(
  pathToFileURL(path.join(PROJECT_ROOT, "scripts", "report-browser.mjs")).href
)) as BrowserHelper;
// Locally without Chromium the test is skipped, saying so; in CI a missing browser fails it (.ci/run installs it).
const isSkipped = !helper.hasChromium() && !helper.isCI();
const name = isSkipped
  ? `SKIPPED: no Chromium at ${helper.CHROMIUM_PATH} (apt-get install -y chromium); CI never skips this`
  : "the report in headless Chromium: no console error, no request, every unit shown, a failed attempt's evidence one click away";

describe("the report as a person sees it (issue 16 §3)", () => {
  it.skipIf(isSkipped)(name, async () => {
    const { repo } = ranRepo();
    const r = await runCli(["report"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    const file = path.join(repo.dir, DIR, "work", "report.html");
    const browser = await helper.launchChromium();
    try {
      const { page, problems, requests } = await helper.openReport(
        browser.context,
        file,
      );
      const png = path.join(tempDir("specfuse-shot-"), "report.png");
      await page.screenshot({ path: png, fullPage: true });
      const bytes = readFileSync(png);
      expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(bytes.length).toBeGreaterThan(10_000);

      for (const id of ["T01", "T02"]) {
        expect(
          await page
            .locator(`.timeline .tl-label:has-text("${id}")`)
            .first()
            .isVisible(),
        ).toBe(true);
        expect(
          await page
            .locator(`.graph .node text.id:text-is("${id}")`)
            .isVisible(),
        ).toBe(true);
        expect(
          await page.locator(`table td b:text-is("${id}")`).isVisible(),
        ).toBe(true);
      }

      const evidence = page.locator("details#ev-1");
      const note = page.locator("details#ev-1 pre");
      expect(await evidence.evaluate((el) => el.open)).toBe(false);
      expect(await note.isVisible()).toBe(false);
      await page.locator('a.bar[data-evidence="ev-1"]').click();
      expect(await evidence.evaluate((el) => el.open)).toBe(true);
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toBe("### tests: FAIL\n");
      // The click scrolled the evidence into view.
      const top = await evidence.evaluate(
        (el) => el.getBoundingClientRect().top,
      );
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(900);

      // The second failed attempt opens from its summary, like any <details>.
      await page.locator("details#ev-2 > summary").click();
      expect(await page.locator("details#ev-2 pre").textContent()).toBe(
        "### tests: FAIL again\n",
      );

      expect(problems).toEqual([]);
      expect(requests).toEqual([]);

      // The watch itself works: a page that logs an error and fetches an image is caught on both counts.
      const bad = path.join(tempDir("specfuse-bad-page-"), "bad.html");
      writeFileSync(
        bad,
        `<!doctype html><script>console.error("boom")</script><img src="http://127.0.0.1:9/x.png">`,
      );
      const seen = await helper.openReport(browser.context, bad);
      expect(seen.problems).toContain("console.error: boom");
      expect(seen.requests).toEqual(["http://127.0.0.1:9/x.png"]);
    } finally {
      await browser.close();
    }
  });
});
