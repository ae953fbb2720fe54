import { SpecfuseError } from "../errors/specfuse-error.js";
import type { FeatureDraft, UnitSpec } from "./render-feature.js";
import type { RoadmapEntry } from "./roadmap-entry.js";
import { featureNames, slugOf } from "./slug.js";
import { templateUnit } from "./unit-bodies.js";

/** What `specfuse new` was asked for (issue 16 §2). */
export interface NewRequest {
  title: string;
  featureId: string;
  units: number;
  gates: number;
  /** The WU template text (the workspace's, else the shipped one). */
  template: string;
}

// A title as it will be written: one line, control characters as spaces, trimmed.
export function cleanTitle(raw: string): string {
  return raw
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// The slug of a `new` title; a title with no letter or digit in a-z0-9 is refused (64 title_invalid).
export function requireSlug(title: string): string {
  const slug = slugOf(title);
  if (slug !== "") return slug;
  throw new SpecfuseError({
    code: "title_invalid",
    message: `the title ${JSON.stringify(title)} gives an empty slug`,
    detail:
      "the folder and branch are named after the title's letters a-z and digits, and this title has none",
    hint: 'use a title with at least one ASCII letter or digit, e.g. specfuse new "Rate limits for the API"',
  });
}

// The folder `new` drafts: `units` draft units from the template in gate 1, and the closing shape for `gates` gates.
export function newDraft(r: NewRequest): {
  draft: FeatureDraft;
  entry: RoadmapEntry;
} {
  const title = cleanTitle(r.title);
  const slug = requireSlug(title);
  const names = featureNames(r.featureId, slug);
  const units: UnitSpec[] = Array.from({ length: r.units }, (_, i) => ({
    fileSlug: r.units === 1 ? slug : `part-${i + 1}`,
    render: (id: string) =>
      templateUnit(
        r.template,
        id,
        r.units === 1 ? title : `${title} (part ${i + 1} of ${r.units})`,
      ),
  }));
  const draft: FeatureDraft = {
    featureId: r.featureId,
    title,
    slug,
    ...names,
    base: null,
    autonomy: "review",
    sourceIssueUrl: null,
    dir: `.specfuse/features/${names.folder}`,
    intro:
      "<Two or three sentences of intent: what changes for a user or a developer once this feature is done, and what is deliberately out of scope.>",
    units,
    gates: r.gates,
  };
  const entry: RoadmapEntry = {
    featureId: r.featureId,
    title,
    folder: names.folder,
    issue: null,
    detail:
      "<What this feature is for. Record the outcome here when it closes.>",
  };
  return { draft, entry };
}
