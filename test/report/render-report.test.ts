import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build-report.js";
import { attemptKey } from "../../src/report/build-timeline.js";
import { classToken, escapeHtml, hrefOf } from "../../src/report/html.js";
import { sizeOf } from "../../src/report/render-evidence.js";
import { renderReport } from "../../src/report/render-report.js";
import { eventsOf, outcome } from "../history/events-fixture.js";
import { modelOf } from "../operator/feature-fixture.js";

const F = "FEAT-2026-0042";
const HOSTILE = `<script>alert("x")</script> & "quotes" 'too'`;

function model(hasEvents = true) {
  const m = buildReport({
    model: modelOf([
      {
        gate: 1,
        units: [
          { id: "T01", status: "done" },
          { id: "T02", status: "blocked_human", deps: ["T01"] },
        ],
      },
    ]),
    events: hasEvents
      ? eventsOf([
          outcome(`${F}/T01`, 1, "passed", 10),
          outcome(`${F}/T02`, 1, "failed", 20, { summary: HOSTILE }),
          outcome(`${F}/T02`, 2, "deliverable_missing", 40),
          { type: "brand_new_type", corr: F, at: 41 },
        ])
      : [],
    skippedLines: hasEvents ? 2 : 0,
    notes: new Map([
      [
        attemptKey(`${F}/T02`, 1, 1),
        {
          path: `.specfuse/features/a b/work/${F}_T02/attempt-1.md`,
          href: `${F}_T02/attempt-1.md`,
          text: `### tests: FAIL\n</pre>${HOSTILE}`,
          bytes: 90_000,
          isCut: true,
          omitted: null,
        },
      ],
    ]),
    findings: new Map(),
    commits: new Map(),
    problems: hasEvents ? [] : [`${F}/WU-T02.md:3: frontmatter: ${HOSTILE}`],
    generatedAt: "2026-11-22T03:00:00.000Z",
    version: "0.4.0",
  });
  const u = m.units[0];
  if (u !== undefined) u.title = HOSTILE;
  m.feature.title = HOSTILE;
  return m;
}

describe("the report page (issue 16 §3)", () => {
  it("is one self-contained document: a CSP that forbids fetching, inline style and script, no URL of any host", () => {
    const html = renderReport(model());
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`,
    );
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\ssrc=|<link|@import|url\((?!#)/);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it("escapes every text from the plan, the events and the notes", () => {
    const html = renderReport(model());
    expect(html).not.toContain(`<script>alert`);
    expect(html).not.toContain(`</pre><script`);
    expect(html).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;",
    );
    expect(html).toContain(`href="FEAT-2026-0042_T02/attempt-1.md"`);
  });

  it("shows every unit, the bars with a legend, and the failed attempts as closed details one click away", () => {
    const html = renderReport(model());
    for (const id of ["T01", "T02"]) expect(html).toContain(`>${id}<`);
    expect(html).toContain(
      `<a class="bar c-failed" style="left:25%;width:25%" href="#ev-1" data-evidence="ev-1"`,
    );
    expect(html).toContain(`<span class="bar c-passed"`);
    expect(html).toMatch(
      /<details class="evidence c-failed" id="ev-1"><summary>/,
    );
    expect(html).toMatch(
      /<details class="evidence c-guard" id="ev-2"><summary>/,
    );
    expect(html).toContain("No note file was found for this attempt");
    expect(html).toContain("the page shows its first");
    expect(html).toMatch(
      /class="legend"[^]*failed verification[^]*refused by a guard/,
    );
    expect(html).toContain(
      "1 event was ignored because this version does not know its type: brand_new_type (1).",
    );
    expect(html).toContain(
      "2 lines of events.jsonl are not an event and were skipped.",
    );
    expect(html).toContain('aria-label="dependency graph"');
  });

  it("a feature with no events says so and still shows the units, the graph and the problems", () => {
    const html = renderReport(model(false));
    expect(html).toContain("No events yet.");
    expect(html).toContain("No attempt of this gate has been recorded.");
    expect(html).toContain("No attempt failed: there is no evidence to read.");
    expect(html).toContain("Some files could not be read or parsed");
    expect(html).toContain("frontmatter: &lt;script&gt;");
    expect(html).toMatch(
      /<g class="node s-done"[^]*<g class="node s-blocked_human"/,
    );
    expect(html).not.toContain('class="legend"');
  });

  it("helpers: escaping, class tokens, links and sizes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
    expect(classToken(`in progress"><x`)).toBe("in-progress---x");
    expect(hrefOf("a b/javascript:x/#?.md")).toBe(
      "a%20b/javascript%3Ax/%23%3F.md",
    );
    expect([sizeOf(812), sizeOf(12_700), sizeOf(3_300_000)]).toEqual([
      "812 B",
      "12.4 KiB",
      "3.1 MiB",
    ]);
  });
});
