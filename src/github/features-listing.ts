import type { GhIssueSummary } from "./gh-json.js";
import { issueKey } from "./issue-ref.js";

/** One local feature as `features` lists it (GH-FEAT-1). */
export interface LocalFeature {
  /** Repo-relative folder. */
  dir: string;
  /** The folder name, for matching and printing. */
  name: string;
  feature_id: string;
  status: string | null;
  source_issue_url: string | null;
}

/** One open issue and the feature that adopted it, if any. */
export interface ListedIssue {
  number: number;
  title: string;
  url: string;
  /** The id in the title's `[…]`, else null. */
  feature_id: string | null;
  /** The adopting folder, else null. */
  dir: string | null;
}

const TITLE_ID =
  /^\[((?:FEAT-[0-9]{4}-[0-9]{4}|INIT-[0-9]{4}-[0-9]{4}\/F[0-9]{2}))\]/;

// Matches issues to features: a PLAN's source_issue_url names the issue, or a PLAN has the title's id (GH-FEAT-1); pure.
export function matchIssues(
  issues: readonly GhIssueSummary[],
  features: readonly LocalFeature[],
): ListedIssue[] {
  return issues.map((i) => {
    const id = TITLE_ID.exec(i.title.trim())?.[1] ?? null;
    const key = issueKey(i.url);
    const found =
      features.find(
        (f) => key !== null && issueKey(f.source_issue_url) === key,
      ) ?? features.find((f) => id !== null && f.feature_id === id);
    return {
      number: i.number,
      title: i.title,
      url: i.url,
      feature_id: id,
      dir: found?.dir ?? null,
    };
  });
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) =>
    Math.max(...rows.map((r) => (r[c] ?? "").length)),
  );
  return rows.map((r) =>
    r
      .map((cell, c) =>
        c === r.length - 1 ? cell : cell.padEnd(widths?.[c] ?? 0),
      )
      .join("  ")
      .trimEnd(),
  );
}

// The text report: local features, then (with --github) one line per issue.
export function renderFeatures(
  features: readonly LocalFeature[],
  issues: readonly ListedIssue[] | null,
  repo: string | null,
): string {
  const lines: string[] = [];
  if (features.length === 0)
    lines.push("no features under .specfuse/features/");
  else
    lines.push(
      ...table(
        features.map((f) => [
          f.name,
          f.feature_id,
          f.status ?? "(no status)",
          f.source_issue_url ?? "—",
        ]),
      ),
    );
  if (issues !== null) {
    lines.push("", `Open issues labelled specfuse:feature in ${repo ?? "?"}:`);
    if (issues.length === 0) lines.push("  none");
    else
      lines.push(
        ...table(
          issues.map((i) => [
            `#${i.number}`,
            i.feature_id ?? "—",
            i.title,
            i.dir === null ? "not adopted" : `adopted ${i.dir}`,
          ]),
        ).map((l) => `  ${l}`),
      );
  }
  return `${lines.join("\n")}\n`;
}
