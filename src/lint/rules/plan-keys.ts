import { featureIdOf, isCorrelationId } from "../../plan/correlation-id.js";
import type { LintFacts } from "../facts.js";
import type { Rule } from "../rule.js";
import { misspelledKey } from "../absent-key.js";
import { featureIdHint, listOf } from "../wording.js";

const REQUIRED = [
  "branch",
  "feature_id",
  "roadmap_goal",
  "status",
  "title",
] as const;

// The feature id the graph's unit ids imply, else one guessed from the folder name.
function featureIdOfFacts(facts: LintFacts): string {
  const first = facts.entries.find((e) => isCorrelationId(e.raw.id))?.raw.id;
  return typeof first === "string" &&
    first.includes("/") &&
    !/\/F\d\d$/.test(first)
    ? featureIdOf(first)
    : featureIdHint(facts.dir);
}

function example(key: string, facts: LintFacts): string {
  const folder = facts.dir.split("/").pop() ?? "";
  switch (key) {
    case "feature_id":
      return `feature_id: ${featureIdOfFacts(facts)}`;
    case "branch":
      return `branch: feat/${folder === "" || folder === "." || folder === ".." ? "<folder name>" : folder}`;
    case "status":
      return "status: planned";
    case "title":
      return "title: <one line>";
    default:
      return "roadmap_goal: <one line>";
  }
}

// L02: the PLAN frontmatter must name the five keys; only presence is checked.
export const planKeys: Rule = {
  code: "plan-keys",
  plan(ctx) {
    const { facts } = ctx;
    if (facts.planState !== "ok") return undefined;
    const missing = REQUIRED.filter((k) => !Object.hasOwn(facts.planData, k));
    if (missing.length === 0) return undefined;
    const hasFrontmatter = facts.planDoc?.fm.state === "ok";
    const typos = missing.flatMap((k) => {
      const typo = misspelledKey(facts.planData, k, "plan");
      return typo === null
        ? []
        : [`"${typo}" looks like a misspelling of "${k}"`];
    });
    ctx.report({
      rule: "plan-keys",
      file: facts.planFile,
      line: 1,
      gate: null,
      message: hasFrontmatter
        ? `The PLAN frontmatter lacks ${listOf(missing)}${typos.length === 0 ? "" : ` (${typos.join("; ")})`}; it needs feature_id, title, branch, roadmap_goal and status.`
        : "PLAN.md has no frontmatter; it needs feature_id, title, branch, roadmap_goal and status.",
      hint: `${hasFrontmatter ? "add" : 'start the file with a "---" block holding'} ${missing
        .map((k) => `"${example(k, facts)}"`)
        .join(", ")}${hasFrontmatter ? "." : ', then "---".'}`,
    });
    return undefined;
  },
};
