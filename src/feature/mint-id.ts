import { SpecfuseError } from "../errors/specfuse-error.js";

/** Where feature ids are already in use (github.md GH-ADOPT-3, init.md I-RULE-2). */
export interface IdsInUse {
  /** `.specfuse/roadmap.md` text, or null. */
  roadmap: string | null;
  /** Folder names under `.specfuse/features/`. */
  folders: readonly string[];
  /** PLAN `feature_id` values. */
  planIds: readonly string[];
}

// The highest FEAT ordinal of a year among roadmap rows, folder names and PLAN ids (0 when none).
export function highestOrdinal(year: number, used: IdsInUse): number {
  const pattern = new RegExp(`FEAT-${year}-([0-9]{4})`, "g");
  let max = 0;
  const scan = (text: string) => {
    for (const m of text.matchAll(pattern)) max = Math.max(max, Number(m[1]));
  };
  for (const line of (used.roadmap ?? "").split("\n"))
    if (line.trimStart().startsWith("|")) scan(line);
  for (const f of used.folders) if (f.startsWith(`FEAT-${year}-`)) scan(f);
  for (const id of used.planIds) scan(id);
  return max;
}

// The next free `FEAT-<year>-<NNNN>`: one above the year's highest ordinal.
export function nextFeatureId(year: number, used: IdsInUse): string {
  const next = highestOrdinal(year, used) + 1;
  if (next > 9999)
    throw new SpecfuseError({
      code: "feature_exists",
      message: `every FEAT-${year}-NNNN ordinal is taken`,
      hint: "give the feature an id yourself, e.g. an INIT-… id",
    });
  return `FEAT-${year}-${String(next).padStart(4, "0")}`;
}
