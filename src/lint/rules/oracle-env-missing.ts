import { acceptanceSlice } from "../../plan/body.js";
import { oracleHits } from "../phrases.js";
import type { Rule } from "../rule.js";
import { quoteHit } from "../wording.js";

const EXEMPT: ReadonlySet<unknown> = new Set([
  "lessons",
  "docs",
  "retrospective",
]);

// L18: acceptance criteria that name an oracle need an `oracle_env` key (an empty value counts as present).
export const oracleEnvMissing: Rule = {
  code: "oracle-env-missing",
  unit(ctx, unit) {
    const data = unit.doc.data;
    if (EXEMPT.has(data.type) || Object.hasOwn(data, "oracle_env"))
      return undefined;
    const hits = oracleHits(acceptanceSlice(unit.doc.body));
    if (hits.length === 0) return undefined;
    ctx.report({
      rule: "oracle-env-missing",
      file: unit.file,
      line: 1,
      gate: null,
      message: `The acceptance criteria rely on ${hits.map(quoteHit).join(", ")}, but no oracle_env says where that oracle runs.`,
      hint: 'add "oracle_env: linux_docker" (or macos_local, github_actions_ci, or a short description of the environment).',
    });
    return undefined;
  },
};
