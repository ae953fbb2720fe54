import {
  findRoadmapRow,
  keepPadding,
  replaceCell,
} from "../driver/close/roadmap-table.js";

/** A new feature's roadmap row and detail section (github.md GH-ADOPT-5, init.md I-RMP-1). */
export interface RoadmapEntry {
  featureId: string;
  title: string;
  folder: string;
  /** The source issue, linked as `[#<n>](<url>)` after the title. */
  issue: { number: number; url: string } | null;
  /** Paragraphs of the detail section, under `## <id> — <title>`. */
  detail: string;
}

/** The roadmap after an edit: new text (null: unchanged) and a note when it could not be made. */
export interface RoadmapEdit {
  text: string | null;
  warning: string | null;
}

function cells(line: string): string[] | null {
  const body = line.replace(/\r$/, "").trim();
  if (!body.startsWith("|")) return null;
  return body
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

const isSeparator = (line: string | undefined) => {
  const c = line === undefined ? null : cells(line);
  return c !== null && c.length > 0 && c.every((x) => /^:?-+:?$/.test(x));
};

// GitHub's heading anchor: lowercase, punctuation dropped, spaces as hyphens (`FEAT-1 — X` → `feat-1--x`).
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

const escapeCell = (text: string) =>
  text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

// Adds a `planned` row to the first table with a Status column, and the detail section at the end; a missing table is only a warning.
export function addRoadmapEntry(
  roadmap: string | null,
  entry: RoadmapEntry,
): RoadmapEdit {
  if (roadmap === null)
    return {
      text: null,
      warning:
        "no .specfuse/roadmap.md: add the feature's row there yourself (`specfuse init` seeds the file)",
    };
  const lines = roadmap.split("\n");
  const header = lines.findIndex(
    (l, i) =>
      (cells(l) ?? []).some((c) => c.toLowerCase() === "status") &&
      isSeparator(lines[i + 1]),
  );
  if (header < 0)
    return {
      text: null,
      warning: `.specfuse/roadmap.md has no table with a Status column: add a row for ${entry.featureId} yourself`,
    };
  let last = header + 1;
  while (last + 1 < lines.length && cells(lines[last + 1] ?? "") !== null)
    last++;
  const heading = `${entry.featureId} — ${entry.title}`;
  const title =
    entry.issue === null
      ? entry.title
      : `${entry.title} [#${entry.issue.number}](${entry.issue.url})`;
  const values: Record<string, string> = {
    status: "planned",
    title: escapeCell(title),
    folder: entry.folder,
    detail: `[below](#${headingAnchor(heading)})`,
  };
  const names = cells(lines[header] ?? "") ?? [];
  const row = names.map((n, i) =>
    i === 0 ? entry.featureId : (values[n.toLowerCase()] ?? ""),
  );
  lines.splice(last + 1, 0, `| ${row.join(" | ")} |`);
  let text = lines.join("\n");
  if (!text.endsWith("\n")) text += "\n";
  text += `\n## ${heading}\n\n${entry.detail}\n`;
  return { text, warning: null };
}

// Sets the feature's roadmap row Status (found by header, as the flips do); a missing row is only a warning.
export function setRoadmapStatus(
  roadmap: string | null,
  featureId: string,
  status: string,
): RoadmapEdit {
  if (roadmap === null)
    return { text: null, warning: "no .specfuse/roadmap.md: no row to update" };
  const row = findRoadmapRow(roadmap, featureId);
  const old = row?.cells[row.statusColumn];
  if (row === null || old === undefined)
    return {
      text: null,
      warning: `.specfuse/roadmap.md has no row for ${featureId} with a Status cell; set it to ${status} yourself`,
    };
  if (row.status === status) return { text: null, warning: null };
  return {
    text: replaceCell(roadmap, row, row.statusColumn, keepPadding(old, status)),
    warning: null,
  };
}
