import type { Rule } from "../rule.js";

// The characters a feature folder name may use: formats.md F-ID-1 names are `<feature-key>-<slug>`
// ([A-Za-z0-9-]); `.` and `_` are also accepted, so every portable file name works. None of them means
// anything to a shell, so `{feature_dir}` substitutes to the same text in every check command.
const SAFE = /^[A-Za-z0-9._-]+$/;

// The offending characters of a name, each once, in order, as JSON strings.
function offenders(name: string): string[] {
  return [
    ...new Set(Array.from(name).filter((c) => !/[A-Za-z0-9._-]/.test(c))),
  ].map((c) => JSON.stringify(c));
}

// A suggestion: the name with every run of other characters turned into one `-`.
function tidy(name: string): string {
  const t = name
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/-{2,}/g, "-");
  return t === "" ? "FEAT-2026-0001-my-feature" : t;
}

// New: a feature folder whose name has characters outside [A-Za-z0-9._-] (issue 9: `{feature_dir}` reaches the shell).
export const featureDirName: Rule = {
  code: "feature-dir-name",
  plan(ctx) {
    const name = ctx.facts.folderName;
    if (name === null || SAFE.test(name)) return undefined;
    ctx.report({
      rule: "feature-dir-name",
      file: ctx.facts.planFile,
      line: null,
      gate: null,
      message: `feature folder name ${JSON.stringify(name)} uses ${offenders(name).join(", ")}; names may use only letters, digits, ".", "_" and "-" (formats.md F-ID-1), because verification commands receive the folder through {feature_dir}.`,
      hint: `rename the folder, for example to "${tidy(name)}" (<feature-key>-<slug>, like FEAT-2026-0042-rate-limits).`,
    });
    return undefined;
  },
};
