import { SpecfuseError } from "../errors/specfuse-error.js";
import type { FeatureSummary } from "../workspace/list-features.js";

/** Which operator command asks: it shapes the hints of a failed default choice. */
export type OperatorCommand = "arm" | "unblock" | "pr";

// Picks the feature of `arm`/`unblock` without `--feature`: the single active one (D-FEAT-2); for `arm`, else the single planned feature with drafts (cli.md C-ARM-1); pure.
export function chooseDefaultFeature(
  features: readonly FeatureSummary[],
  command: OperatorCommand,
  hasDrafts: (f: FeatureSummary) => boolean = () => false,
): FeatureSummary {
  const readable = features.filter((f) => f.hasPlan && f.unreadable === null);
  const active = readable.filter((f) => f.status === "active");
  if (active.length === 1 && active[0] !== undefined) return active[0];
  if (active.length > 1) throw ambiguous(active, "active", command);
  if (command === "arm") {
    const planned = readable.filter(
      (f) => f.status === "planned" && hasDrafts(f),
    );
    if (planned.length === 1 && planned[0] !== undefined) return planned[0];
    if (planned.length > 1)
      throw ambiguous(planned, "planned with draft units", command);
  }
  const unreadable = features
    .filter((f) => f.hasPlan && f.unreadable !== null)
    .map((f) => `unreadable: ${f.dir}/PLAN.md: ${f.unreadable ?? ""}`);
  throw new SpecfuseError({
    code: "no_active_feature",
    message:
      command === "arm"
        ? "no feature is active, and no planned feature has draft units"
        : "no feature has PLAN status active",
    detail: [...listing(features), ...unreadable].join("\n"),
    hint: `name the feature: \`specfuse ${command} --feature <folder>${command === "unblock" ? " <wu> --reason ..." : ""}\`; \`specfuse status --all\` lists every feature`,
  });
}

// Folder name and PLAN status of each feature, for messages.
export function listing(features: readonly FeatureSummary[]): string[] {
  if (features.length === 0)
    return ["there are no feature folders under .specfuse/features/"];
  return features.map(
    (f) =>
      `${f.name}  (${f.hasPlan ? (f.status ?? "no status") : "no PLAN.md"})`,
  );
}

function ambiguous(
  candidates: readonly FeatureSummary[],
  what: string,
  command: OperatorCommand,
): SpecfuseError {
  return new SpecfuseError({
    code: "feature_ambiguous",
    message: `${candidates.length} features are ${what}; say which one`,
    detail: listing(candidates).join("\n"),
    hint: `specfuse ${command} --feature ${candidates[0]?.name ?? "<folder>"}`,
  });
}
