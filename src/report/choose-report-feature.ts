import { SpecfuseError } from "../errors/specfuse-error.js";
import { listing } from "../operator/choose-feature.js";
import type { FeatureSummary } from "../workspace/list-features.js";

// The feature `report` draws without an argument: the single active one; with none active, the single one
// that has events (a finished feature is no longer active); with no events anywhere, the only feature; pure.
export function chooseReportFeature(
  all: readonly FeatureSummary[],
  hasEvents: (f: FeatureSummary) => boolean,
): FeatureSummary {
  const readable = all.filter((f) => f.hasPlan && f.unreadable === null);
  const active = readable.filter((f) => f.status === "active");
  if (active.length === 1 && active[0] !== undefined) return active[0];
  if (active.length > 1) throw ambiguous(active, "are active");
  const ran = readable.filter(hasEvents);
  if (ran.length === 1 && ran[0] !== undefined) return ran[0];
  if (ran.length > 1) throw ambiguous(ran, "have events and none is active");
  if (readable.length === 1 && readable[0] !== undefined) return readable[0];
  throw new SpecfuseError({
    code: readable.length === 0 ? "no_active_feature" : "feature_ambiguous",
    message:
      readable.length === 0
        ? "there is no feature with a readable PLAN.md to report on"
        : `${readable.length} features and none is active or has events; say which one`,
    detail: listing(all).join("\n"),
    hint: "specfuse report <feature folder>",
  });
}

function ambiguous(
  candidates: readonly FeatureSummary[],
  what: string,
): SpecfuseError {
  return new SpecfuseError({
    code: "feature_ambiguous",
    message: `${candidates.length} features ${what}; say which one`,
    detail: listing(candidates).join("\n"),
    hint: `specfuse report ${candidates[0]?.name ?? "<folder>"}`,
  });
}
