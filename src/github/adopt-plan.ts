import { SpecfuseError } from "../errors/specfuse-error.js";
import { featureNames, slugOf } from "../feature/slug.js";
import type { FeatureDraft } from "../feature/render-feature.js";
import type { RoadmapEntry } from "../feature/roadmap-entry.js";
import { adoptedUnit } from "../feature/unit-bodies.js";
import type { GhIssue } from "./gh-json.js";

const FEATURE_ID =
  /^(?:FEAT-[0-9]{4}-[0-9]{4}|INIT-[0-9]{4}-[0-9]{4}\/F[0-9]{2})$/;

/** An issue title read per GH-ADOPT-3: the id it names, if any, and the feature's title. */
export interface TitleParts {
  featureId: string | null;
  title: string;
}

// `[<feature id>] <rest>` keeps its id; a bracket that looks like an id but is not one is refused (65), so a typo never mints a second id.
export function titleParts(raw: string): TitleParts {
  const title = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim();
  const m = /^\[([^\]]*)\]\s*(.*)$/.exec(title);
  if (m === null || !/^\s*(?:feat|init)[-_ ]/i.test(m[1] ?? ""))
    return { featureId: null, title: requireTitle(title) };
  const id = (m[1] ?? "").trim();
  if (!FEATURE_ID.test(id))
    throw new SpecfuseError({
      code: "issue_title_invalid",
      message: `the issue title starts with [${id}], which is not a feature id`,
      detail:
        "expected [FEAT-YYYY-NNNN] or [INIT-YYYY-NNNN/FNN] (correlation-ids.md), or no bracket at all",
      hint: "fix the issue title on GitHub (or drop the bracket to mint a new id), then adopt again",
    });
  return { featureId: id, title: requireTitle(m[2] ?? "") };
}

function requireTitle(title: string): string {
  if (title !== "") return title;
  throw new SpecfuseError({
    code: "issue_title_invalid",
    message: "the issue has no title besides its id",
    hint: "give the issue a title on GitHub, then adopt again",
  });
}

// `autonomy_default`: the first `autonomy:auto|review|supervised` label, else `review` (GH-ADOPT-5).
export function autonomyOf(labels: readonly string[]): string {
  for (const l of labels) {
    const m = /^autonomy:(auto|review|supervised)$/.exec(l.trim());
    if (m !== null) return m[1] ?? "review";
  }
  return "review";
}

/** The inputs of one adoption, decided before anything is drafted. */
export interface AdoptFacts {
  issue: GhIssue;
  /** The canonical issue URL (`source_issue_url`). */
  url: string;
  featureId: string;
  title: string;
  base: string;
}

// The folder `adopt` drafts: gate 1 with `/T01` built from the issue and `/G1-CLOSE` (GH-ADOPT-5, GH-ADOPT-6).
export function adoptDraft(f: AdoptFacts): {
  draft: FeatureDraft;
  entry: RoadmapEntry;
} {
  const slug = slugOf(f.title) || "feature";
  const names = featureNames(f.featureId, slug);
  const issue = {
    number: f.issue.number,
    url: f.url,
    title: f.title,
    body: f.issue.body,
  };
  const draft: FeatureDraft = {
    featureId: f.featureId,
    title: f.title,
    slug,
    ...names,
    base: f.base,
    autonomy: autonomyOf(f.issue.labels),
    sourceIssueUrl: f.url,
    dir: `.specfuse/features/${names.folder}`,
    intro: `Adopted from the GitHub issue [#${f.issue.number}](${f.url}) by \`specfuse adopt\`. Review the drafted unit, split it if it is too large, then arm the gate.`,
    units: [{ fileSlug: slug, render: (id) => adoptedUnit(id, issue) }],
    gates: 1,
  };
  const entry: RoadmapEntry = {
    featureId: f.featureId,
    title: f.title,
    folder: names.folder,
    issue: { number: f.issue.number, url: f.url },
    detail: `Adopted from [#${f.issue.number}](${f.url}). Record the outcome here when the feature closes.`,
  };
  return { draft, entry };
}
