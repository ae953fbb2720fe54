import { SpecfuseError } from "../errors/specfuse-error.js";
import { issueKey } from "../github/issue-ref.js";
import type { FeatureSummary } from "../workspace/list-features.js";
import type { IdsInUse } from "./mint-id.js";

/** The workspace as a new feature sees it: who holds which id, folder and issue. */
export interface Workspace {
  root: string;
  features: readonly FeatureSummary[];
  /** `.specfuse/roadmap.md` text, or null when absent. */
  roadmap: string | null;
}

// The ids in use, for minting (GH-ADOPT-3).
export function idsInUse(ws: Workspace): IdsInUse {
  return {
    roadmap: ws.roadmap,
    folders: ws.features.map((f) => f.name),
    planIds: ws.features.filter((f) => f.fm !== null).map((f) => f.featureId),
  };
}

// The feature whose PLAN `source_issue_url` names the same issue (case-insensitive host, owner and repo; no trailing `/` or `#…`), if any.
export function adoptedFrom(
  ws: Workspace,
  url: string,
): FeatureSummary | undefined {
  const key = issueKey(url);
  if (key === null) return undefined;
  return ws.features.find(
    (f) => f.fm?.state === "ok" && issueKey(f.fm.data.source_issue_url) === key,
  );
}

const rowHasId = (roadmap: string | null, id: string) =>
  (roadmap ?? "")
    .split("\n")
    .some((l) => /^\s*\|/.test(l) && l.split("|")[1]?.trim() === id);

// Refuses (feature_exists, exit 1) when the id or the folder is taken (GH-ADOPT-4); nothing is written.
export function requireFree(
  ws: Workspace,
  featureId: string,
  folder: string,
): void {
  const byFolder = ws.features.find((f) => f.name === folder);
  const byId = ws.features.find(
    (f) => f.fm !== null && f.featureId === featureId,
  );
  const inRoadmap = rowHasId(ws.roadmap, featureId);
  if (byFolder === undefined && byId === undefined && !inRoadmap) return;
  const where =
    byFolder !== undefined
      ? `the folder ${byFolder.dir} exists`
      : byId !== undefined
        ? `${byId.dir}/PLAN.md has feature_id ${featureId}`
        : `.specfuse/roadmap.md has a row for ${featureId}`;
  throw new SpecfuseError({
    code: "feature_exists",
    message: `feature ${featureId} (${folder}) already exists: ${where}`,
    detail: "specfuse never overwrites a feature; nothing was written",
    hint: "pick another id or title, or work on the existing feature",
  });
}
