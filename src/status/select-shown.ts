import type { FeatureSummary } from "../workspace/list-features.js";

// PLAN statuses `status` hides unless `--all` (cli.md C-STATUS-1).
const FINISHED = new Set(["done", "complete", "abandoned"]);

// The features `status` lists by default: every folder whose PLAN status is not done, complete or abandoned; pure.
export function shownFeatures(
  all: readonly FeatureSummary[],
  isAll: boolean,
): FeatureSummary[] {
  return all.filter((f) => isAll || !FINISHED.has(f.status ?? ""));
}
