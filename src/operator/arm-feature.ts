import type { FeatureSummary } from "../workspace/list-features.js";
import { chooseDefaultFeature } from "./choose-feature.js";
import { findFeature, requirePlan } from "./find-feature.js";
import { loadFeature } from "./load-feature.js";

// The feature `arm` works on: `--feature`; else the single active one; else the single planned one with drafts (cli.md C-ARM-1).
export async function armFeature(
  root: string,
  cwd: string,
  all: readonly FeatureSummary[],
  feature: string | undefined,
): Promise<FeatureSummary> {
  if (feature !== undefined) {
    const found = await findFeature(root, cwd, all, feature);
    requirePlan(found);
    return found;
  }
  const active = all.filter(
    (f) => f.hasPlan && f.unreadable === null && f.status === "active",
  );
  const drafted = new Set<string>();
  if (active.length === 0)
    for (const f of all.filter((s) => s.status === "planned")) {
      const model = (await loadFeature(f)).model;
      if ([...(model?.units.values() ?? [])].some((u) => u.status === "draft"))
        drafted.add(f.name);
    }
  return chooseDefaultFeature(all, "arm", (f) => drafted.has(f.name));
}
