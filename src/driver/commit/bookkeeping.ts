import { SpecfuseError } from "../../errors/specfuse-error.js";
import { existingPaths } from "../../workspace/read-paths.js";
import { buildBookkeepingMessage } from "./commit-message.js";
import { gitOutput, isGitError, type GitError } from "../../git/git-error.js";
import { toTop, type Repo } from "../../git/repo.js";
import type { BookkeepingMessage } from "./subjects.js";

/** A bookkeeping commit (or the final force-add) was rejected; the driver halts with exit 1 (D-GIT-8). */
export class BookkeepingCommitError extends SpecfuseError {
  readonly subject: string;
  readonly paths: readonly string[];
  readonly gitError: GitError;

  constructor(message: BookkeepingMessage, paths: string[], error: GitError) {
    const quoted = gitOutput(error);
    super({
      code: "halted_bookkeeping",
      message: `git refused the bookkeeping commit "${message.subject}"`,
      detail: [
        `git ${error.args[0] ?? ""} exited with ${error.exitCode ?? "no exit code"}${quoted === "" ? "" : ":"}`,
        ...(quoted === "" ? [] : quoted.split("\n").map((l) => `  ${l}`)),
        `paths: ${paths.join(", ")}`,
      ].join("\n"),
      hint: "fix what git (or its hook) reports, commit those paths yourself with the same message, then run specfuse again",
      cause: error,
    });
    this.subject = message.subject;
    this.paths = paths;
    this.gitError = error;
  }
}

/** The outcome of a bookkeeping commit. */
export interface BookkeepingResult {
  /** The new commit, or null when the named paths had nothing to commit. */
  sha: string | null;
  /** The paths that existed and were committed (or would have been). */
  paths: string[];
}

// Commits exactly the named driver files (D-GIT-8): existing ones, force-added, only if they changed; hooks run.
export async function bookkeepingCommit(
  repo: Repo,
  message: BookkeepingMessage,
  paths: readonly string[],
): Promise<BookkeepingResult> {
  const kept = await existingPaths(repo.root, [...new Set(paths)]);
  if (kept.length === 0) return { sha: null, paths: [] };
  const specs = kept.map((p) => toTop(repo, p));
  const { git, top } = repo;
  try {
    await git.addForce(top, specs);
    if (!(await git.hasStagedChanges(top, specs)))
      return { sha: null, paths: kept };
    await git.commit(top, buildBookkeepingMessage(message), specs);
  } catch (error) {
    if (isGitError(error))
      throw new BookkeepingCommitError(message, kept, error);
    throw error;
  }
  return { sha: await git.revParseHead(top), paths: kept };
}
