import { formatElapsed } from "../output/format-elapsed.js";
import { escapeHtml as e } from "./html.js";
import type { Timeline, TimelineBar, TimelineRow } from "./report-model.js";

// One gate's timeline as HTML: a label column and a track per row, bars positioned in percent; pure.
export function renderTimeline(t: Timeline): string {
  const rows = t.rows.map(rowHtml).join("\n");
  const axis = t.ticks
    .map((tick) => `<span style="left:${tick.left}%">${e(tick.label)}</span>`)
    .join("");
  const unplaced =
    t.unplaced === 0
      ? ""
      : `<p class="meta">${t.unplaced} attempt${t.unplaced === 1 ? " has" : "s have"} an unreadable timestamp and ${t.unplaced === 1 ? "is" : "are"} not drawn.</p>`;
  const span =
    t.start === ""
      ? ""
      : `<p class="meta">From ${e(utc(t.start))} to ${e(utc(t.end))} (${e(formatElapsed(t.spanSeconds * 1000))}); ${t.mode === "lane" ? "one row per lane of the parallel run" : "one row per unit"}. Click a bar that is not green to read its evidence.</p>`;
  return `${span}
<div class="timeline" role="table" aria-label="attempts over time">
${rows}
<div></div><div class="axis" aria-hidden="true">${axis}</div>
</div>${unplaced}`;
}

function rowHtml(row: TimelineRow): string {
  const label = `<div class="tl-label" role="rowheader">${e(row.label)}<small>${e(row.detail)}</small></div>`;
  const inner =
    row.bars.length === 0
      ? `<span class="idle">${e(row.empty ?? "")}</span>`
      : row.bars.map(barHtml).join("");
  return `${label}<div class="track" role="cell">${inner}</div>`;
}

function barHtml(b: TimelineBar): string {
  const style = `left:${b.left}%;width:${b.width}%`;
  const text = e(`${b.short} #${b.attempt}`);
  const title = e(b.title);
  const cls = `bar c-${b.category}`;
  if (b.evidenceId === null)
    return `<span class="${cls}" style="${style}" title="${title}" aria-label="${title}">${text}</span>`;
  return `<a class="${cls}" style="${style}" href="#${b.evidenceId}" data-evidence="${b.evidenceId}" title="${title}" aria-label="${title}">${text}</a>`;
}

// An ISO time as `YYYY-MM-DD HH:MM:SS UTC` (the page does not know the reader's zone).
export function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
