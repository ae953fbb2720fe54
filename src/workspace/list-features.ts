import { existsSync } from "node:fs";
import path from "node:path";
import {
  parseFrontmatter,
  type Frontmatter,
} from "../yaml/split-frontmatter.js";
import { featureDisplayDir, listFeatureFolders } from "./discover-features.js";
import { readText } from "./read-text.js";

/** One feature folder as discovery sees it (driver.md §4). */
export interface FeatureSummary {
  /** Folder name under `.specfuse/features/`. */
  name: string;
  /** Repo-relative display path. */
  dir: string;
  absDir: string;
  hasPlan: boolean;
  /** PLAN frontmatter; null when PLAN.md is missing or unreadable. */
  fm: Frontmatter | null;
  /** Why PLAN.md could not be read, if so. */
  unreadable: string | null;
  status: string | null;
  featureId: string;
  branch: string | null;
  title: string | null;
  hasRetrospective: boolean;
}

// Reads every feature folder's PLAN frontmatter, in byte order (D-FEAT-2).
export async function listFeatures(root: string): Promise<FeatureSummary[]> {
  const names = listFeatureFolders(root);
  return Promise.all(names.map((name) => summarizeFeature(root, name)));
}

// Reads one folder's PLAN frontmatter into a summary.
export async function summarizeFeature(
  root: string,
  name: string,
  absDirOverride?: string,
): Promise<FeatureSummary> {
  const absDir =
    absDirOverride ?? path.join(root, ".specfuse", "features", name);
  const dir =
    absDirOverride === undefined
      ? featureDisplayDir(name)
      : path.relative(root, absDir).split(path.sep).join("/");
  const read = await readText(path.join(absDir, "PLAN.md"));
  const hasRetrospective = existsSync(path.join(absDir, "RETROSPECTIVE.md"));
  if (read.kind !== "file") {
    const unreadable =
      read.kind === "missing"
        ? null
        : read.kind === "not-file"
          ? "PLAN.md is not a regular file"
          : read.reason;
    return {
      name,
      dir,
      absDir,
      hasPlan: read.kind !== "missing",
      fm: null,
      unreadable,
      status: null,
      featureId: name,
      branch: null,
      title: null,
      hasRetrospective,
    };
  }
  const fm = parseFrontmatter(read.text);
  const data = fm.state === "ok" ? fm.data : {};
  const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  return {
    name,
    dir,
    absDir,
    hasPlan: true,
    fm,
    unreadable:
      fm.state === "error"
        ? `${fm.issue?.reason ?? "invalid frontmatter"} (line ${fm.issue?.line ?? 1})`
        : null,
    status: str(data.status),
    featureId: str(data.feature_id) ?? name,
    branch: str(data.branch),
    title: str(data.title),
    hasRetrospective,
  };
}
