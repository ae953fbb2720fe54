import type { ScaffoldWarning } from "./file-op.js";
import type { GitState, IgnoreRule } from "./git-questions.js";

/** Facts about the target that `init` warns about (I-INIT-4). */
export interface TargetFacts {
  git: GitState;
  /** The target with symlinks resolved. */
  realTarget: string;
  /** The target as printed. */
  display: string;
  /** An ancestor directory holding `.specfuse`, as printed, or null. */
  enclosing: string | null;
}

// The git and location warnings of I-INIT-4; warnings never refuse.
export function targetWarnings(facts: TargetFacts): ScaffoldWarning[] {
  const out: ScaffoldWarning[] = [];
  if (!facts.git.isWorkTree) {
    out.push({
      code: "not_git_repo",
      message: `${facts.display} is not inside a git work tree, and \`specfuse run\` needs one; create it with: git init && git commit --allow-empty -m init`,
    });
  } else {
    if (!facts.git.hasCommits)
      out.push({
        code: "no_commits",
        message:
          "the repository has no commits yet, and `specfuse run` needs one; make one with: git commit --allow-empty -m init",
      });
    if (facts.git.topLevel !== null && facts.git.topLevel !== facts.realTarget)
      out.push({
        code: "not_top_level",
        message: `${facts.display} is not the top level of its git work tree (${facts.git.topLevel}); specfuse expects .specfuse/ at the repository root`,
      });
  }
  if (facts.enclosing !== null)
    out.push({
      code: "enclosing_scaffold",
      message: `${facts.enclosing} already has a .specfuse/; commands run inside ${facts.display} will use the new one`,
    });
  return out;
}

// The warning for a user ignore rule that hides feature folders (I-WIRE-3).
export function ignoreWarning(rule: IgnoreRule, sample: string): ScaffoldWarning {
  return {
    code: "ignore_shadowed",
    message: `feature folders are ignored by git: \`${rule.pattern}\` (${rule.source}:${rule.line}) matches ${sample}; narrow or remove that rule so plans get committed`,
  };
}
