// The longest slug specfuse derives from a title (github.md GH-ADOPT-3).
export const SLUG_MAX = 40;

// The slug of a title: lowercased, runs of non-[a-z0-9] as `-`, cut at a hyphen within 40 characters; "" when nothing is left.
export function slugOf(title: string): string {
  const full = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (full.length <= SLUG_MAX) return full;
  const head = full.slice(0, SLUG_MAX + 1);
  const cut = head.lastIndexOf("-");
  return (cut > 0 ? head.slice(0, cut) : full.slice(0, SLUG_MAX)).replace(
    /-+$/,
    "",
  );
}

// The feature key of F-ID-1: the feature id with `/` replaced by `-`.
export function featureKeyOf(featureId: string): string {
  return featureId.replace(/\//g, "-");
}

/** Where a new feature lives: its folder name and branch (F-ID-1, I-RULE-2). */
export interface FeatureNames {
  folder: string;
  branch: string;
}

// `<feature key>-<slug>` and `feat/<folder>`.
export function featureNames(featureId: string, slug: string): FeatureNames {
  const folder = `${featureKeyOf(featureId)}-${slug}`;
  return { folder, branch: `feat/${folder}` };
}
