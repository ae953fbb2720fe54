import { SpecfuseError } from "../errors/specfuse-error.js";
import type { FeatureSummary } from "../workspace/list-features.js";

/** The chosen feature, plus a one-line note when its PLAN is not `active` (D-FEAT-1). */
export interface FeatureChoice {
  feature: FeatureSummary;
  note: string | null;
}

// Resolves `--feature <ref>` against folder names, then PLAN feature ids (D-FEAT-1 steps 2 and 3).
export function resolveFeatureRef(
  features: readonly FeatureSummary[],
  ref: string,
): FeatureChoice {
  const byName = features.find((f) => f.name === ref);
  const byId =
    byName === undefined
      ? features.filter((f) => f.featureId === ref && f.hasPlan)
      : [];
  const feature = byName ?? (byId.length === 1 ? byId[0] : undefined);
  if (feature === undefined) {
    throw new SpecfuseError({
      code: byId.length > 1 ? "feature_ambiguous" : "feature_not_found",
      message:
        byId.length > 1
          ? `feature id ${ref} names ${byId.length} folders`
          : `no feature folder or feature id matches "${ref}"`,
      detail: listing(byId.length > 1 ? byId : features),
      hint: "pass a folder name from the list, e.g. `--feature <folder>`",
    });
  }
  return checkChoice(feature);
}

// Checks a resolved folder: it needs a PLAN.md (65 plan_missing); a non-active status gets a note.
export function checkChoice(feature: FeatureSummary): FeatureChoice {
  if (!feature.hasPlan) {
    throw new SpecfuseError({
      code: "plan_missing",
      message: `${feature.dir} has no PLAN.md`,
      file: `${feature.dir}/PLAN.md`,
      hint: "copy .specfuse/templates/PLAN.template.md into the folder, or pick another feature",
    });
  }
  const note =
    feature.status === "active"
      ? null
      : `note: ${feature.dir} has PLAN status ${feature.status ?? "(none)"}, not active; driving it anyway`;
  return { feature, note };
}

/** What discovery found without `--feature`, for the caller to warn about. */
export interface Discovery {
  choice: FeatureChoice;
  /** `file:line: reason` for each PLAN that failed to parse (D-FEAT-2). */
  skipped: string[];
}

// Picks the single active feature (D-FEAT-2) or explains why none/several (D-FEAT-3).
export function discoverActiveFeature(
  features: readonly FeatureSummary[],
): Discovery {
  const skipped = features
    .filter((f) => f.hasPlan && f.unreadable !== null)
    .map((f) => `${f.dir}/PLAN.md: ${f.unreadable ?? ""}`);
  const active = features.filter(
    (f) => f.hasPlan && f.unreadable === null && f.status === "active",
  );
  if (active.length === 1 && active[0] !== undefined)
    return { choice: { feature: active[0], note: null }, skipped };
  if (active.length > 1) {
    throw new SpecfuseError({
      code: "feature_ambiguous",
      message: `${active.length} features are active; say which one to drive`,
      detail: listing(active),
      hint: `specfuse run --feature ${active[0]?.name ?? "<folder>"}`,
    });
  }
  throw new SpecfuseError({
    code: "no_active_feature",
    message: "no feature has PLAN status active",
    detail: noActiveAdvice(features, skipped).join("\n"),
  });
}

function noActiveAdvice(
  features: readonly FeatureSummary[],
  skipped: string[],
): string[] {
  const lines = [
    "`specfuse status --all` shows every feature and its state (without --all, finished ones are hidden).",
  ];
  const planned = features.filter((f) => f.status === "planned").slice(0, 3);
  if (planned.length > 0) {
    lines.push(
      "To start a planned feature, set `status: active` in its PLAN.md (or run `specfuse arm`):",
    );
    for (const f of planned) lines.push(`  ${f.dir}/PLAN.md`);
  }
  const wrapped = features
    .filter(
      (f) =>
        (f.status === "done" || f.status === "complete") && f.hasRetrospective,
    )
    .slice(-3);
  if (wrapped.length > 0) {
    lines.push(
      "Done but not wrapped up: push the branch and open a pull request:",
    );
    for (const f of wrapped)
      lines.push(
        `  ${f.name}${f.branch !== null ? `: git push -u origin ${f.branch}` : ""}`,
      );
  }
  lines.push(
    "To drive a feature whatever its status: `specfuse run --feature <folder>`.",
  );
  if (skipped.length > 0)
    lines.push("Unreadable PLANs:", ...skipped.map((s) => `  ${s}`));
  return lines;
}

function listing(features: readonly FeatureSummary[]): string {
  if (features.length === 0)
    return "there are no feature folders under .specfuse/features/";
  return features
    .map(
      (f) =>
        `${f.name}  (${f.hasPlan ? (f.status ?? "no status") : "no PLAN.md"})`,
    )
    .join("\n");
}
