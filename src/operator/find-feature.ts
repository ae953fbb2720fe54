import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { issueKey } from "../github/issue-ref.js";
import { isDirectory } from "../workspace/find-root.js";
import {
  summarizeFeature,
  type FeatureSummary,
} from "../workspace/list-features.js";
import { listing } from "./choose-feature.js";

// Resolves `--feature <ref>` (driver D-FEAT-1): an existing path (with `/` or a leading `.`), a folder name, then a unique PLAN feature_id, or an issue URL matched to `source_issue_url` (github.md §8); 64 otherwise.
export async function findFeature(
  root: string,
  cwd: string,
  features: readonly FeatureSummary[],
  ref: string,
): Promise<FeatureSummary> {
  if (ref.includes("/") || ref.startsWith(".")) {
    const abs = path.resolve(cwd, ref);
    if (isDirectory(abs)) {
      const known = features.find((f) => path.resolve(f.absDir) === abs);
      if (known !== undefined) return known;
      return summarizeFeature(root, path.basename(abs), abs);
    }
  }
  const byName = features.find((f) => f.name === ref);
  if (byName !== undefined) return byName;
  const key = issueKey(ref);
  const byId = features.filter((f) =>
    key === null
      ? f.hasPlan && f.featureId === ref
      : f.fm?.state === "ok" && issueKey(f.fm.data.source_issue_url) === key,
  );
  if (byId.length === 1 && byId[0] !== undefined) return byId[0];
  throw new SpecfuseError({
    code: byId.length > 1 ? "feature_ambiguous" : "feature_not_found",
    message:
      byId.length > 1
        ? `${key === null ? "feature id" : "issue"} ${ref} names ${byId.length} folders`
        : `no feature folder, feature id or adopted issue matches "${ref}"`,
    detail: listing(byId.length > 1 ? byId : features).join("\n"),
    hint: "pass a folder name from the list, e.g. `--feature <folder>`",
  });
}

// A feature folder must hold a PLAN.md before a command can work on it (65 plan_missing).
export function requirePlan(feature: FeatureSummary): void {
  if (feature.hasPlan) return;
  throw new SpecfuseError({
    code: "plan_missing",
    message: `${feature.dir} has no PLAN.md`,
    file: `${feature.dir}/PLAN.md`,
    hint: "copy .specfuse/templates/PLAN.template.md into the folder, or pick another feature",
  });
}
