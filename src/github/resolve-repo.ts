import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Git } from "../git/git-api.js";
import { pushUrlOf } from "../git/remote-url.js";
import {
  parseRemoteUrl,
  parseRepoOption,
  redactUrl,
  type RepoRef,
} from "./repo-ref.js";

/** The code repository and where it came from (GH-GH-4). */
export interface CodeRepo {
  repo: RepoRef;
  /** `--repo`, or the push remote's URL without userinfo. */
  from: string;
}

// Reads `--repo <owner/name>`; anything else is a usage error (64).
export function repoOption(value: string): RepoRef {
  const ref = parseRepoOption(value);
  if (ref !== null) return ref;
  throw new SpecfuseError({
    code: "usage",
    message: `--repo ${JSON.stringify(value)} is not owner/name or host/owner/name`,
    hint: "e.g. --repo octo-org/widgets",
  });
}

// The code repository: `--repo`, else the remote's push URL, else its fetch URL (GH-GH-4); null when none names a GitHub repository.
export async function findCodeRepo(
  git: Git,
  root: string,
  remote: string,
  option: string | undefined,
): Promise<CodeRepo | null> {
  if (option !== undefined) return { repo: repoOption(option), from: "--repo" };
  for (const isPush of [true, false]) {
    const url = await pushUrlOf(git, root, remote, isPush);
    const repo = url === null ? null : parseRemoteUrl(url);
    if (url !== null && repo !== null)
      return { repo, from: `remote ${remote} (${redactUrl(url)})` };
  }
  return null;
}

// The error for a repository with neither `--repo` nor a usable remote.
export function noRemote(remote: string, what: string): SpecfuseError {
  return new SpecfuseError({
    code: "no_remote",
    message: `no GitHub repository to ${what}: no --repo was given and the git remote ${remote} is missing or names no GitHub repository`,
    hint: `pass --repo owner/name, or add the remote: git remote add ${remote} https://github.com/<owner>/<name>.git`,
  });
}
