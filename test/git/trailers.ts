import { execFileSync } from "node:child_process";
import type { GitRepo } from "../helpers/git-repo.js";

// `git interpret-trailers --parse` on a commit's message (F-GIT-2), one `Key: value` string per trailer.
export function parsedTrailers(repo: GitRepo, rev = "HEAD"): string[] {
  const body = repo.git("log", "-1", "--format=%B", rev);
  return execFileSync("git", ["interpret-trailers", "--parse"], {
    cwd: repo.dir,
    env: { ...process.env, ...repo.env },
    input: body,
    encoding: "utf8",
  })
    .split("\n")
    .filter((l) => l !== "");
}
