import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Git } from "../git/git-api.js";
import { parseIssueRef } from "./issue-ref.js";
import { DEFAULT_HOST, isSameRepo, repoArg, type RepoRef } from "./repo-ref.js";
import { findCodeRepo, noRemote, repoOption } from "./resolve-repo.js";

/** Which issue to adopt, where it lives, and which repository the code (and the PR) goes to. */
export interface IssueTarget {
  issueRepo: RepoRef;
  number: number;
  codeRepo: RepoRef;
}

/** What resolving an `adopt` argument needs. */
export interface IssueTargetInput {
  git: Git;
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  remote: string;
  issue: string;
  repoOption: string | undefined;
}

// A URL fixes the repository (a conflicting --repo is 64); a number uses --repo, else the push remote (GH-ADOPT-2, GH-GH-4).
export async function resolveIssueTarget(
  input: IssueTargetInput,
): Promise<IssueTarget> {
  const ref = parseIssueRef(input.issue);
  if (ref === null)
    throw new SpecfuseError({
      code: "issue_ref_invalid",
      message: `${JSON.stringify(input.issue.slice(0, 200))} is neither an issue URL nor an issue number`,
      detail:
        "expected https://<host>/<owner>/<repo>/issues/<n>, or a number such as 42",
      hint: "copy the issue's URL from the browser, e.g. specfuse adopt https://github.com/octo-org/widgets/issues/42",
    });
  const code = await findCodeRepo(
    input.git,
    input.root,
    input.remote,
    input.repoOption,
  );
  if (ref.kind === "number") {
    if (code === null)
      throw noRemote(input.remote, "read issue #" + ref.number + " from");
    return { issueRepo: code.repo, number: ref.number, codeRepo: code.repo };
  }
  if (
    input.repoOption !== undefined &&
    !isSameRepo(ref.repo, repoOption(input.repoOption))
  )
    throw new SpecfuseError({
      code: "usage",
      message: `--repo ${input.repoOption} conflicts with the issue URL, which is in ${repoArg(ref.repo)}`,
      hint: "leave out --repo: the URL already names the repository",
    });
  const hosts = new Set([
    DEFAULT_HOST,
    code?.repo.host,
    input.env.GH_HOST?.toLowerCase(),
  ]);
  if (!hosts.has(ref.repo.host))
    throw new SpecfuseError({
      code: "issue_ref_invalid",
      message: `${ref.repo.host} is not a GitHub host specfuse knows`,
      detail: `issues are adopted from github.com, from the host of the code repository${code === null ? "" : ` (${code.repo.host})`}, or from GH_HOST`,
      hint: "for GitHub Enterprise Server, set GH_HOST to its host name (gh auth login --hostname <host>)",
    });
  return {
    issueRepo: ref.repo,
    number: ref.number,
    codeRepo: code?.repo ?? ref.repo,
  };
}
