import { DEFAULT_HOST, type RepoRef } from "./repo-ref.js";

/** What `adopt` was given: an issue URL (which fixes the repository) or a bare number. */
export type IssueRef =
  | { kind: "url"; repo: RepoRef; number: number; url: string }
  | { kind: "number"; number: number };

const ISSUE_URL =
  /^https:\/\/([A-Za-z0-9.-]+(?::\d+)?)\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/issues\/([1-9][0-9]{0,9})\/?(?:[#?].*)?$/;

// Reads `https://<host>/<o>/<r>/issues/<n>` or a positive number (`42`, `#42`); null for anything else.
export function parseIssueRef(input: string): IssueRef | null {
  const text = input.trim();
  const bare = /^#?([1-9][0-9]{0,9})$/.exec(text);
  if (bare !== null) return { kind: "number", number: Number(bare[1]) };
  const m = ISSUE_URL.exec(text);
  if (m === null) return null;
  const host = (m[1] ?? "").toLowerCase().replace(/:\d+$/, "");
  const repo = {
    host: host === "www.github.com" ? DEFAULT_HOST : host,
    owner: m[2] ?? "",
    name: m[3] ?? "",
  };
  return {
    kind: "url",
    repo,
    number: Number(m[4]),
    url: issueUrl(repo, Number(m[4])),
  };
}

// The canonical URL of an issue, as `source_issue_url` records it.
export function issueUrl(repo: RepoRef, number: number): string {
  return `https://${repo.host}/${repo.owner}/${repo.name}/issues/${number}`;
}

// The comparison key of an issue URL: host, owner and repo lowercased, no trailing `/`, `#…` or `?…` (GH-ADOPT-4); null when not an issue URL.
export function issueKey(url: unknown): string | null {
  if (typeof url !== "string") return null;
  const ref = parseIssueRef(url);
  if (ref === null || ref.kind !== "url") return null;
  const { host, owner, name } = ref.repo;
  return `${host}/${owner}/${name}/${ref.number}`.toLowerCase();
}
