import { formatUsd } from "../driver/unit/cost.js";
import { OUTCOME_CATEGORIES } from "../history/outcome-category.js";
import { formatElapsed } from "../output/format-elapsed.js";
import { escapeHtml as e } from "./html.js";
import { REPORT_SCRIPT, REPORT_STYLE } from "./report-assets.js";
import type { ReportGate, ReportModel, ReportUnit } from "./report-model.js";
import { renderEvidence } from "./render-evidence.js";
import { renderGraph } from "./render-graph.js";
import { renderTimeline, utc } from "./render-timeline.js";

// Nothing may be fetched: no network, no external asset (issue 16 §3).
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const money = (v: number | null) => (v === null ? "–" : formatUsd(v));
const time = (v: number | null) => (v === null ? "–" : formatElapsed(v * 1000));

// The whole self-contained page from the report model; pure.
export function renderReport(m: ReportModel): string {
  const f = m.feature;
  const title = `${f.id} · ${f.title}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} · specfuse report</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<p class="sub">${e(f.dir)} · status ${e(f.status ?? "no status")}${f.branch === null ? "" : ` · branch ${e(f.branch)}`}</p>
${cards(m)}
${banners(m)}
</header>
<main>
${gateSections(m)}
<section id="graph"><h2>Dependency graph</h2>
<div class="graph">${renderGraph(m.graph, m.units)}</div></section>
<section id="evidence"><h2>Evidence of failed attempts</h2>
${renderEvidence(m.evidence)}</section>
</main>
${footer(m)}
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function cards(m: ReportModel): string {
  const t = m.totals;
  const card = (value: string, label: string) =>
    `<div class="card"><b>${e(value)}</b><span>${e(label)}</span></div>`;
  return `<div class="cards">${[
    card(`${t.done}/${t.units}`, "units done"),
    card(String(t.attempts), "attempts"),
    card(String(t.failed), "attempts not passed"),
    card(money(t.costUsd), "spent"),
    card(time(t.durationSeconds), "agent time"),
    card(String(m.gates.length), m.gates.length === 1 ? "gate" : "gates"),
  ].join("")}</div>`;
}

function banners(m: ReportModel): string {
  const out: string[] = [];
  if (!m.hasEvents)
    out.push(
      `<div class="banner"><b>No events yet.</b> This feature's events.jsonl is missing or holds no event, so there is no timeline and no evidence: nothing has run. The units, their costs from the frontmatter and the dependency graph below come from the plan.</div>`,
    );
  if (m.problems.length > 0)
    out.push(
      `<div class="banner bad"><b>Some files could not be read or parsed</b>; what they hold is missing below.<ul>${m.problems.map((p) => `<li>${e(p)}</li>`).join("")}</ul></div>`,
    );
  if (m.legend.length > 0) {
    const items = OUTCOME_CATEGORIES.filter((c) =>
      m.legend.includes(c.category),
    )
      .map(
        (c) =>
          `<span class="c-${c.category}"><span class="swatch"></span>${e(c.label)}</span>`,
      )
      .join("");
    out.push(`<div class="legend" aria-label="legend">${items}</div>`);
  }
  return out.join("\n");
}

function gateSections(m: ReportModel): string {
  const byId = new Map(m.units.map((u) => [u.id, u]));
  return m.gates
    .map((g) => {
      const units = g.unitIds
        .map((id) => byId.get(id))
        .filter((u): u is ReportUnit => u !== undefined);
      const timeline =
        g.timeline === null
          ? `<p class="meta">No attempt of this gate has been recorded.</p>`
          : renderTimeline(g.timeline);
      return `<section id="gate-${g.number}"><h2>Gate ${g.number} <small>${e(g.status)}</small></h2>
<h3>Timeline</h3>
${timeline}
<h3>Cost and duration</h3>
${costTable(g, units)}</section>`;
    })
    .join("\n");
}

function costTable(g: ReportGate, units: readonly ReportUnit[]): string {
  const rows = units
    .map(
      (u) =>
        `<tr><td><b>${e(u.short)}</b><br><small>${e(u.title)}</small></td><td>${e(u.type)}</td><td>${e(u.status)}${u.isAutoClosed ? " <small>(auto-closed)</small>" : ""}</td><td class="num">${u.attempts}${u.cycles > 1 ? ` <small>(${u.cycles} cycles)</small>` : ""}</td><td class="num">${e(money(u.costUsd))}${u.plannedCostUsd === null ? "" : `<br><small>planned ${e(formatUsd(u.plannedCostUsd))}</small>`}</td><td class="num">${e(time(u.durationSeconds))}</td><td>${u.commit === null ? "–" : `<code>${e(u.commit.sha.slice(0, 7))}</code>${u.commit.subject === null ? "" : ` <small>${e(u.commit.subject)}</small>`}`}</td></tr>`,
    )
    .join("\n");
  const budget =
    g.budgetUsd === null ? "" : ` of ${e(formatUsd(g.budgetUsd))} budget`;
  return `<table>
<thead><tr><th>Unit</th><th>Type</th><th>Status</th><th class="num">Attempts</th><th class="num">Cost</th><th class="num">Agent time</th><th>Commit</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td colspan="4">Gate ${g.number}</td><td class="num">${e(money(g.costUsd))}${budget}</td><td class="num">${e(time(g.durationSeconds))}</td><td></td></tr></tfoot>
</table>`;
}

function footer(m: ReportModel): string {
  const notes = [
    `Generated ${e(utc(m.generatedAt))} by specfuse ${e(m.version)} from the plan, ${m.census.total} event${m.census.total === 1 ? "" : "s"} of events.jsonl and the attempt notes. Costs and times are lifetime values over every cycle; agent time is the sum of attempt durations.`,
  ];
  if (m.census.unknownTotal > 0)
    notes.push(
      `${m.census.unknownTotal} event${m.census.unknownTotal === 1 ? " was" : "s were"} ignored because this version does not know ${m.census.unknown.length === 1 ? "its type" : "their types"}: ${m.census.unknown.map((u) => `${e(u.type)} (${u.count})`).join(", ")}.`,
    );
  if (m.skippedLines > 0)
    notes.push(
      `${m.skippedLines} line${m.skippedLines === 1 ? "" : "s"} of events.jsonl ${m.skippedLines === 1 ? "is" : "are"} not an event and ${m.skippedLines === 1 ? "was" : "were"} skipped.`,
    );
  return `<footer>${notes.map((n) => `<p>${n}</p>`).join("")}</footer>`;
}
