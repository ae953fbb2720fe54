import {
  parseEventLine,
  parseEventTimestamp,
  type ReadEvent,
} from "../events/read-events.js";
import { csvRecord } from "./csv.js";
import {
  filterEvents,
  mergeEvents,
  type LogEvent,
  type LogFilter,
} from "./filter-events.js";
import type { TrailWalk } from "./walk-versions.js";

/** One file's walked history, for the export. */
export interface ExportSource {
  /** Display path of the events.jsonl. */
  file: string;
  walk: TrailWalk;
}

/** An exported event: where it is, and the oldest commit holding its line unchanged (AU-VER-3). */
export interface ExportRow extends LogEvent {
  file: string;
  origin: string | null;
}

// The header of `--export csv` (AU-VER-3).
export const CSV_HEADER = [
  "file",
  "line",
  "commit",
  "timestamp",
  "correlation_id",
  "event_type",
  "actor",
  "trigger",
  "source_version",
  "payload",
] as const;

// The events of every file merged by timestamp, filtered as `log` filters them; unreadable lines are left out (their numbers are returned); pure.
export function exportRows(
  sources: readonly ExportSource[],
  filter: LogFilter,
): { rows: ExportRow[]; skipped: Array<{ file: string; lines: number[] }> } {
  const skipped: Array<{ file: string; lines: number[] }> = [];
  const files = sources.map((s) => {
    const events: Array<ReadEvent & { file: string; origin: string | null }> =
      [];
    const bad: number[] = [];
    for (const l of s.walk.lines) {
      const event = parseEventLine(l.raw);
      if (event === null) {
        if (l.raw.trim() !== "") bad.push(l.line);
        continue;
      }
      events.push({
        event,
        raw: l.raw,
        line: l.line,
        time: parseEventTimestamp(event.timestamp),
        file: s.file,
        origin: l.origin,
      });
    }
    if (bad.length > 0) skipped.push({ file: s.file, lines: bad });
    return { dir: s.file, events };
  });
  return {
    rows: filterEvents(mergeEvents(files), filter) as ExportRow[],
    skipped,
  };
}

const PAYLOAD_KEY = /(?<!\\)"payload"\s*:\s*/;

// The payload exactly as stored (float spellings kept), else re-serialized.
export function rawPayload(row: Pick<ExportRow, "raw" | "event">): string {
  const m = PAYLOAD_KEY.exec(row.raw);
  if (m !== null) {
    const text = row.raw.slice(m.index + m[0].length).replace(/\s*}\s*$/, "");
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === "object" && value !== null && !Array.isArray(value))
        return text;
    } catch {
      // fall through to the parsed payload
    }
  }
  return JSON.stringify(row.event.payload);
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

// `--export csv`: the header, then one record per event (AU-VER-3); pure.
export function renderCsv(rows: readonly ExportRow[]): string {
  return [
    csvRecord(CSV_HEADER),
    ...rows.map((r) =>
      csvRecord([
        r.file,
        String(r.line),
        r.origin ?? "",
        r.event.timestamp,
        r.event.correlation_id,
        r.event.event_type,
        text(r.event.payload.actor),
        text(r.event.payload.trigger),
        r.event.source_version,
        rawPayload(r),
      ]),
    ),
  ].join("");
}

// `--export jsonl`: `{"file", "line", "commit", "event"}` per line, the event embedded byte for byte (AU-VER-3); pure.
export function renderJsonl(rows: readonly ExportRow[]): string {
  return rows
    .map(
      (r) =>
        `{"file":${JSON.stringify(r.file)},"line":${r.line},"commit":${JSON.stringify(r.origin)},"event":${r.raw}}\n`,
    )
    .join("");
}
