import type { FeatureSummary } from "../workspace/list-features.js";
import { chooseDefaultFeature } from "./choose-feature.js";
import { findFeature } from "./find-feature.js";

// The feature `unblock` works on: `--feature`, else the one whose feature id a full unit id names, else the single active one.
export async function unblockFeature(
  root: string,
  cwd: string,
  all: readonly FeatureSummary[],
  wu: string,
  feature: string | undefined,
): Promise<FeatureSummary> {
  if (feature !== undefined) return findFeature(root, cwd, all, feature);
  const slash = wu.lastIndexOf("/");
  if (slash > 0) {
    const featureId = wu.slice(0, slash);
    const owners = all.filter(
      (f) => f.hasPlan && f.unreadable === null && f.featureId === featureId,
    );
    if (owners.length === 1 && owners[0] !== undefined) return owners[0];
  }
  return chooseDefaultFeature(all, "unblock");
}
