import {
  findRoadmapRow,
  keepPadding,
  replaceCell,
} from "../driver/close/roadmap-table.js";

/** The roadmap after activation: new text (null: unchanged) and a note when the row could not be set. */
export interface RoadmapActivation {
  text: string | null;
  from: string | null;
  warning: string | null;
}

// Sets the feature's roadmap row Status to `active`, found by header (init.md I-RMP-1, driver D-FLIP-2); pure.
export function activateRoadmapRow(
  roadmap: string | null,
  featureId: string,
): RoadmapActivation {
  if (roadmap === null)
    return {
      text: null,
      from: null,
      warning:
        "no .specfuse/roadmap.md: the feature's roadmap row was not set to active",
    };
  const row = findRoadmapRow(roadmap, featureId);
  if (row === null)
    return {
      text: null,
      from: null,
      warning: `.specfuse/roadmap.md has no row for ${featureId} in a table with a Status column; add one with Status active`,
    };
  if (row.status === "active")
    return { text: null, from: "active", warning: null };
  const old = row.cells[row.statusColumn];
  if (old === undefined)
    return {
      text: null,
      from: null,
      warning: `.specfuse/roadmap.md: the row of ${featureId} has no Status cell`,
    };
  return {
    text: replaceCell(
      roadmap,
      row,
      row.statusColumn,
      keepPadding(old, "active"),
    ),
    from: row.status,
    warning: null,
  };
}
