import path from "node:path";
import {
  parseCheckIgnore,
  type GitQuestions,
  type GitState,
  type IgnoreRule,
} from "../scaffold/git-questions.js";
import { createGit } from "./git.js";
import { isGitError } from "./git-error.js";

// The read-only git questions `init` asks (I-INIT-4, I-WIRE-3); a missing git answers "not a work tree".
export function createGitProbe(
  env: Readonly<Record<string, string | undefined>>,
): GitQuestions {
  const git = createGit({ env });
  const ask = async (cwd: string, args: string[]) => {
    try {
      return await git.run(cwd, args, [0, 1, 128]);
    } catch (error) {
      if (isGitError(error))
        return { stdout: "", stderr: error.stderr, exitCode: -1 };
      throw error;
    }
  };
  return {
    async state(dir): Promise<GitState> {
      const inside = await ask(dir, ["rev-parse", "--is-inside-work-tree"]);
      if (inside.exitCode !== 0 || inside.stdout.trim() !== "true")
        return { isWorkTree: false, hasCommits: false, topLevel: null };
      const top = await ask(dir, ["rev-parse", "--show-toplevel"]);
      const head = await ask(dir, ["rev-parse", "--verify", "-q", "HEAD"]);
      return {
        isWorkTree: true,
        hasCommits: head.exitCode === 0,
        topLevel: top.exitCode === 0 ? path.resolve(top.stdout.trim()) : null,
      };
    },
    async ignoredBy(dir, relPath): Promise<IgnoreRule | null> {
      const r = await ask(dir, ["check-ignore", "-v", "--", relPath]);
      return r.exitCode === 0 ? parseCheckIgnore(r.stdout) : null;
    },
  };
}
