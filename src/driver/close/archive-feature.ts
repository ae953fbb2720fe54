import { findRoadmapRow, replaceCell } from "./roadmap-table.js";

// The line in roadmap-archive.md that archived sections go right after (driver D-FLIP-3).
export const ARCHIVE_MARKER = "<!-- Archived sections appended below -->";

// A fresh roadmap-archive.md: a title, one line of purpose, and the marker.
export const ARCHIVE_HEADER = [
  "# Roadmap archive",
  "",
  "Detail sections of finished or abandoned features, moved here from roadmap.md by specfuse. Newest first.",
  "",
  ARCHIVE_MARKER,
  "",
].join("\n");

/** The archive step's result (D-FLIP-3); texts are null when unchanged. */
export interface ArchiveResult {
  roadmap: string | null;
  archive: string | null;
  /** `archived`, `already archived` or `refused: <why>`. */
  result: string;
}

// The archive anchor of a feature (formats.md F-ID-3): its id in lower case.
export function archiveAnchor(featureId: string): string {
  return featureId.toLowerCase();
}

// Moves the feature's detail section into the archive and links it from Detail (D-FLIP-3).
export function archiveFeature(
  roadmap: string,
  archive: string | null,
  featureId: string,
  planTitle: unknown,
): ArchiveResult {
  const refused = (why: string): ArchiveResult => ({
    roadmap: null,
    archive: null,
    result: `refused: ${why}`,
  });
  const row = findRoadmapRow(roadmap, featureId);
  if (row === null)
    return refused(
      `no row for ${featureId} in a roadmap table with a Status column`,
    );
  if (row.status !== "done" && row.status !== "abandoned")
    return refused(
      `roadmap Status is '${row.status ?? ""}', not done or abandoned`,
    );
  if (row.detailColumn === null)
    return refused("the roadmap table has no Detail column");
  if ((row.detail ?? "").includes("roadmap-archive.md#"))
    return { roadmap: null, archive: null, result: "already archived" };
  if (archive !== null && !archive.includes(ARCHIVE_MARKER))
    return refused(`roadmap-archive.md has no "${ARCHIVE_MARKER}" line`);
  const { rest, section } = takeSection(roadmap, featureId, planTitle);
  const anchor = archiveAnchor(featureId);
  const base = archive ?? ARCHIVE_HEADER;
  const at = base.indexOf(ARCHIVE_MARKER) + ARCHIVE_MARKER.length;
  const newArchive = `${base.slice(0, at)}\n<a id="${anchor}"></a>\n${section}${base.slice(at)}`;
  const moved = findRoadmapRow(rest, featureId);
  const linked =
    moved === null || moved.detailColumn === null
      ? rest
      : replaceCell(
          rest,
          moved,
          moved.detailColumn,
          ` [→ archive](roadmap-archive.md#${anchor}) `,
        );
  return {
    roadmap: collapseBlankRuns(linked),
    archive: collapseBlankRuns(newArchive),
    result: "archived",
  };
}

// Cuts the inline `## <id>…` section (up to the next `## `) out of the roadmap, or synthesises one.
function takeSection(
  roadmap: string,
  featureId: string,
  planTitle: unknown,
): { rest: string; section: string } {
  const lines = roadmap.split("\n");
  const heading = new RegExp(`^## ${escapeRegExp(featureId)}(?![\\w/-])`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) {
    const title =
      typeof planTitle === "string" && planTitle.trim() !== ""
        ? ` — ${planTitle.trim()}`
        : "";
    return { rest: roadmap, section: `## ${featureId}${title}\n` };
  }
  let end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  if (end < 0) end = lines.length;
  const taken = lines.splice(start, end - start);
  while (taken.length > 1 && (taken[taken.length - 1] ?? "").trim() === "")
    taken.pop();
  return { rest: lines.join("\n"), section: `${taken.join("\n")}\n` };
}

// Step 4 of D-FLIP-3: runs of three or more newlines become two.
export function collapseBlankRuns(text: string): string {
  return text.replace(/\n{3,}/g, "\n\n");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
