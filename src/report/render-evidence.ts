import { formatUsd } from "../driver/unit/cost.js";
import { formatElapsed } from "../output/format-elapsed.js";
import { lastSegment } from "../plan/correlation-id.js";
import { escapeHtml as e, hrefOf } from "./html.js";
import type { ReportEvidence, ReportNote } from "./report-model.js";
import { utc } from "./render-timeline.js";

// The evidence of every non-passing attempt, each a closed <details> whose summary opens the note; pure.
export function renderEvidence(list: readonly ReportEvidence[]): string {
  if (list.length === 0)
    return `<p>No attempt failed: there is no evidence to read.</p>`;
  return list.map(itemHtml).join("\n");
}

function itemHtml(ev: ReportEvidence): string {
  const parts = [
    `attempt ${ev.attempt}`,
    ev.cycle > 1 ? `cycle ${ev.cycle}` : null,
    ev.outcome,
    ev.failureClass,
    ev.findings === null
      ? null
      : `${ev.findings} finding${ev.findings === 1 ? "" : "s"}`,
    ev.durationSeconds === null
      ? null
      : formatElapsed(ev.durationSeconds * 1000),
    ev.costUsd === null ? null : formatUsd(ev.costUsd),
  ].filter((x): x is string => x !== null);
  const summary = `<summary><span class="swatch"></span><b>${e(lastSegment(ev.unitId))}</b> ${e(parts.join(" · "))}</summary>`;
  const meta = [
    `<p class="meta">${e(ev.unitId)} · ended ${e(utc(ev.endedAt))}</p>`,
    ev.summary === null ? "" : `<p class="meta">${e(ev.summary)}</p>`,
  ].join("");
  return `<details class="evidence c-${ev.category}" id="${ev.id}">${summary}<div class="body">${meta}${noteHtml(ev)}</div></details>`;
}

function noteHtml(ev: ReportEvidence): string {
  const note = ev.note;
  if (note === null) {
    const excerpt = ev.excerpt === null ? "" : `<pre>${e(ev.excerpt)}</pre>`;
    return `<p class="meta">No note file was found for this attempt${excerpt === "" ? "." : "; the event's excerpt:"}</p>${excerpt}`;
  }
  const link = `<a href="${hrefOf(note.href)}">${e(note.path)}</a>`;
  if (note.text === null) {
    const why =
      note.omitted === "unreadable"
        ? "it could not be read"
        : `${sizeOf(note.bytes)}; not inlined: the page's evidence budget is spent`;
    return `<p class="meta">Note: ${link} (${why}).</p>${ev.excerpt === null ? "" : `<pre>${e(ev.excerpt)}</pre>`}`;
  }
  return `<p class="meta">Note: ${link} (${sizeOf(note.bytes)})</p><pre>${e(note.text)}</pre>${cutHtml(note)}`;
}

function cutHtml(note: ReportNote): string {
  if (!note.isCut) return "";
  return `<p class="meta">… the note goes on: the page shows its first ${sizeOf(new TextEncoder().encode(note.text ?? "").length)} of ${sizeOf(note.bytes)}; open the file for the rest.</p>`;
}

// Bytes for people: `812 B`, `12.4 KiB`, `3.1 MiB`.
export function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
