import { WU_STATUSES, isWuStatus } from "../../plan/vocabulary.js";
import type { Rule } from "../rule.js";
import { absentKeyNote } from "../absent-key.js";
import { show } from "../values.js";

// L13: `status` must be one of the eight statuses (F-WU-8).
export const wuStatus: Rule = {
  code: "wu-status",
  unit(ctx, unit) {
    const value = unit.doc.data.status;
    if (isWuStatus(value)) return undefined;
    ctx.report({
      rule: "wu-status",
      file: unit.file,
      line: unit.doc.keyLine("status") ?? 1,
      gate: null,
      message: `status is ${show(value)}${absentKeyNote(unit.doc, "status", "unit")}; expected one of ${WU_STATUSES.join(", ")}.`,
      hint: 'write "status: pending" for a unit that is ready to run, or "status: draft" for one awaiting review.',
    });
    return undefined;
  },
};
