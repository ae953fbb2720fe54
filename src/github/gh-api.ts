import type { Gh } from "./gh.js";
import {
  readCreatedPr,
  readDefaultBranch,
  readIssue,
  readIssueList,
  readPrList,
  type GhIssue,
  type GhIssueSummary,
  type GhPullRequest,
} from "./gh-json.js";
import { repoArg, type RepoRef } from "./repo-ref.js";

// Every call names its repository: `--repo`, or the positional argument of `gh repo view`, which has no --repo flag (GH-GH-1).

// `gh issue view <n> --repo <r> --json number,title,body,labels,url,state` (GH-ADOPT-2; `state` spots closed issues).
export async function viewIssue(
  gh: Gh,
  repo: RepoRef,
  number: number,
): Promise<GhIssue> {
  const args = [
    "issue",
    "view",
    String(number),
    "--repo",
    repoArg(repo),
    "--json",
    "number,title,body,labels,url,state",
  ];
  return readIssue("gh issue view", await gh.call(args));
}

// `gh repo view <r> --json defaultBranchRef`: the default branch (GH-ADOPT-5 `base`, GH-PR-2 step 2).
export async function defaultBranch(gh: Gh, repo: RepoRef): Promise<string> {
  const args = ["repo", "view", repoArg(repo), "--json", "defaultBranchRef"];
  return readDefaultBranch("gh repo view", await gh.call(args));
}

// The open issues labelled `specfuse:feature` (GH-FEAT-1).
export async function listFeatureIssues(
  gh: Gh,
  repo: RepoRef,
): Promise<GhIssueSummary[]> {
  const args = [
    "issue",
    "list",
    "--repo",
    repoArg(repo),
    "--label",
    "specfuse:feature",
    "--state",
    "open",
    "--json",
    "number,title,url",
    "--limit",
    "500",
  ];
  return readIssueList("gh issue list", await gh.call(args));
}

// The open pull requests whose head is `branch` (GH-PR-2 step 3).
export async function listOpenPrs(
  gh: Gh,
  repo: RepoRef,
  branch: string,
): Promise<GhPullRequest[]> {
  const args = [
    "pr",
    "list",
    "--repo",
    repoArg(repo),
    "--head",
    branch,
    "--state",
    "open",
    "--json",
    "number,url,isDraft,title,body",
  ];
  return readPrList("gh pr list", await gh.call(args));
}

/** What a new pull request says. */
export interface NewPr {
  base: string;
  head: string;
  title: string;
  body: string;
  isDraft: boolean;
}

// `gh pr create … --body-file -` with the body on stdin (GH-PR-2 step 4).
export async function createPr(
  gh: Gh,
  repo: RepoRef,
  pr: NewPr,
): Promise<{ number: number; url: string }> {
  const args = [
    "pr",
    "create",
    "--repo",
    repoArg(repo),
    "--base",
    pr.base,
    "--head",
    pr.head,
    "--title",
    pr.title,
    "--body-file",
    "-",
    ...(pr.isDraft ? ["--draft"] : []),
  ];
  return readCreatedPr("gh pr create", await gh.call(args, pr.body));
}

// `gh pr edit <n> --title … --body-file -` (GH-PR-2 step 4).
export async function editPr(
  gh: Gh,
  repo: RepoRef,
  number: number,
  edit: { title: string; body: string },
): Promise<void> {
  const args = [
    "pr",
    "edit",
    String(number),
    "--repo",
    repoArg(repo),
    "--title",
    edit.title,
    "--body-file",
    "-",
  ];
  await gh.call(args, edit.body);
}

// `gh pr ready <n>`: a draft becomes ready for review once the feature is complete.
export async function markPrReady(
  gh: Gh,
  repo: RepoRef,
  number: number,
): Promise<void> {
  await gh.call(["pr", "ready", String(number), "--repo", repoArg(repo)]);
}
