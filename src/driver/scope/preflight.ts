import type { Halt } from "../end/ending.js";
import { existingPaths } from "../../workspace/read-paths.js";
import { isWorkPath, workDir } from "../../workspace/work-paths.js";
import type { StatusSnapshot } from "../../git/parse-status.js";
import { readStatus } from "../../git/read-status.js";
import { toTop, type Repo } from "../../git/repo.js";

// The oracle file that must be committed before a run (D-GIT-2 check 5).
export const ORACLE_PATH = ".specfuse/verification.yml";

/** Where the oracle stands relative to HEAD's index. */
export type OracleState = "tracked" | "untracked" | "absent";

/** Everything the D-GIT-2 checks look at; paths relative to the specfuse root. */
export interface PreflightFacts {
  /** `<F>`, the feature folder. */
  featureDir: string;
  status: StatusSnapshot;
  /** `work/run-state.json` files of OTHER features. */
  otherCheckpoints: readonly string[];
  oracle: OracleState;
}

const LIST_LIMIT = 20;

// The first failing D-GIT-2 check as a halt (exit 1) listing the paths with a fix, or null.
export function classifyPreflight(facts: PreflightFacts): Halt | null {
  const F = facts.featureDir;
  const inF = (p: string) => p.startsWith(`${F}/`);
  const inWork = (p: string) => p.startsWith(`${workDir(F)}/`) || isWorkPath(p);
  const changed = facts.status.changes.flatMap((c) =>
    c.origPath === null ? [c.path] : [c.path, c.origPath],
  );
  if (facts.otherCheckpoints.length > 0) {
    const features = facts.otherCheckpoints.map(
      (p) => /^\.specfuse\/features\/([^/]+)\//.exec(p)?.[1] ?? p,
    );
    return fail(
      "other_feature_interrupted",
      "another feature has an interrupted run",
      facts.otherCheckpoints,
      `recover it first with \`specfuse run --feature ${features[0] ?? ""}\`, or delete the checkpoint if you abandoned that run`,
    );
  }
  const untracked = facts.status.untracked.filter((p) => inF(p) && !inWork(p));
  if (untracked.length > 0)
    return fail(
      "feature_dir_untracked",
      `${F} has untracked files`,
      untracked,
      `commit them (\`git add ${F} && git commit\`), or move them out of the feature folder; only work/ may hold uncommitted files`,
    );
  const named = (p: string) => /(^|\/)(PLAN\.md|events\.jsonl)$/.test(p);
  const modified = changed.filter((p) => inF(p) && !named(p) && !inWork(p));
  if (modified.length > 0)
    return fail(
      "feature_dir_modified",
      `${F} has uncommitted changes`,
      modified,
      "commit them (after a review, `specfuse arm` commits your review edits), or discard them with `git restore`",
    );
  const allowed = new Set([
    `${F}/PLAN.md`,
    `${F}/events.jsonl`,
    ".specfuse/roadmap.md",
  ]);
  // The oracle has its own, more specific check (#5).
  const dirty = changed.filter(
    (p) => !allowed.has(p) && !inWork(p) && p !== ORACLE_PATH,
  );
  if (dirty.length > 0)
    return fail(
      "tree_dirty",
      "the work tree has uncommitted changes a failed attempt would wipe",
      dirty,
      "commit or stash them (`git stash`), then run again",
    );
  const oracleChanged =
    facts.oracle === "untracked" ||
    facts.status.untracked.includes(ORACLE_PATH) ||
    changed.includes(ORACLE_PATH);
  if (oracleChanged)
    return fail(
      "oracle_uncommitted",
      "the verification checks have uncommitted changes",
      // The path is the error's location and is in the hint; a detail list would repeat it (issue 17 point 7).
      [],
      `commit it (\`git add ${ORACLE_PATH} && git commit\`): attempts are judged by the committed version`,
      ORACLE_PATH,
    );
  return null;
}

/** The preflight's verdict: the status it read, or the first failing check. */
export type PreflightEnd =
  { kind: "clear"; status: StatusSnapshot } | { kind: "refused"; halt: Halt };

// Gathers the facts with one status (plus an ls-files for the oracle) and returns the first failing check.
export async function runPreflight(
  repo: Repo,
  input: { featureDir: string; otherCheckpoints: readonly string[] },
): Promise<PreflightEnd> {
  const status = await readStatus(repo);
  const tracked = await repo.git.trackedPaths(repo.top, [
    toTop(repo, ORACLE_PATH),
  ]);
  const exists = (await existingPaths(repo.root, [ORACLE_PATH])).length > 0;
  const oracle: OracleState =
    tracked.length > 0 ? "tracked" : exists ? "untracked" : "absent";
  const halt = classifyPreflight({ ...input, status, oracle });
  return halt === null ? { kind: "clear", status } : { kind: "refused", halt };
}

function fail(
  code: Halt["code"],
  message: string,
  paths: readonly string[],
  hint: string,
  file?: string,
): Halt {
  const shown = paths.slice(0, LIST_LIMIT).map((p) => `  ${p}`);
  if (paths.length > LIST_LIMIT)
    shown.push(`  … and ${paths.length - LIST_LIMIT} more`);
  const detail = shown.join("\n");
  return {
    code,
    message,
    ...(detail === "" ? {} : { detail }),
    hint,
    file,
  };
}
