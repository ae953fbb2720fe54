import path from "node:path";
import { execa } from "execa";
import {
  parseCheckIgnore,
  type GitQuestions,
  type GitState,
  type IgnoreRule,
} from "../scaffold/git-questions.js";

// Variables that would point git at another repository than the target (driver D-GIT-1).
const GIT_LOCATION_VARS = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_OBJECT_DIRECTORY",
  "GIT_ALTERNATE_OBJECT_DIRECTORIES",
  "GIT_PREFIX",
];

// Read-only git queries for `init` (no shell, never writes). TODO(merge): fold into src/git/ when it lands.
export function createGitProbe(
  env: Readonly<Record<string, string | undefined>>,
): GitQuestions {
  const childEnv: Record<string, string | undefined> = {
    ...env,
    GIT_TERMINAL_PROMPT: "0",
  };
  for (const name of GIT_LOCATION_VARS) childEnv[name] = undefined;
  const git = async (cwd: string, args: string[]) => {
    const r = await execa("git", args, {
      cwd,
      env: childEnv,
      extendEnv: true,
      reject: false,
      stdin: "ignore",
      timeout: 30_000,
    });
    return {
      ok: r.exitCode === 0,
      code: r.exitCode ?? -1,
      stdout: String(r.stdout ?? ""),
      isMissing: (r as { code?: string }).code === "ENOENT",
    };
  };
  return {
    async state(dir): Promise<GitState> {
      const inside = await git(dir, ["rev-parse", "--is-inside-work-tree"]);
      if (!inside.ok || inside.stdout.trim() !== "true")
        return { isWorkTree: false, hasCommits: false, topLevel: null };
      const top = await git(dir, ["rev-parse", "--show-toplevel"]);
      const head = await git(dir, ["rev-parse", "--verify", "-q", "HEAD"]);
      return {
        isWorkTree: true,
        hasCommits: head.ok,
        topLevel: top.ok ? path.resolve(top.stdout.trim()) : null,
      };
    },
    async ignoredBy(dir, relPath): Promise<IgnoreRule | null> {
      const r = await git(dir, ["check-ignore", "-v", "--", relPath]);
      return r.code === 0 ? parseCheckIgnore(r.stdout) : null;
    },
  };
}
