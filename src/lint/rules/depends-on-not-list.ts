import type { Rule } from "../rule.js";
import { kindOf, show } from "../values.js";

// `depends_on` must be a list; a string is then checked as one id (L-CONF-5 item 1), anything else as [].
export const dependsOnNotList: Rule = {
  code: "depends-on-not-list",
  entry(ctx, entry) {
    const raw = entry.raw;
    const value = raw.dependsOn;
    if (!raw.hasDependsOn || value === null || Array.isArray(value))
      return undefined;
    ctx.report({
      rule: "depends-on-not-list",
      file: ctx.facts.planFile,
      line: raw.dependsOnLine ?? raw.line,
      gate: entry.gate.label,
      message: `depends_on of ${typeof raw.id === "string" ? raw.id : `entry ${raw.index + 1}`} is ${kindOf(value)} (${show(value)}); expected a list of unit ids.`,
      hint:
        typeof value === "string"
          ? `write "depends_on: [${value}]".`
          : 'write "depends_on: []", or list the ids the unit waits for in brackets.',
    });
    return undefined;
  },
};
