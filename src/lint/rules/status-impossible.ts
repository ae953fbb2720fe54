import { impossibleStates } from "../../audit/impossible-states.js";
import type { EntryFacts } from "../facts.js";
import type { Rule } from "../rule.js";

// Whether another unit of the entry's gate has a readable WU file with `status: draft`.
function hasDraftSibling(entry: EntryFacts): boolean {
  return entry.gate.entries.some(
    (e) =>
      e !== entry &&
      e.file?.doc?.isReadable === true &&
      e.file.doc.data.status === "draft",
  );
}

// AU-LINT-1: a unit state no sequence of transition-table rows produces (cases a–d), once per case, at `status`.
export const statusImpossible: Rule = {
  code: "status-impossible",
  unit(ctx, unit) {
    const states = impossibleStates(unit.doc.data, hasDraftSibling(unit.entry));
    for (const s of states)
      ctx.report({
        rule: "status-impossible",
        file: unit.file,
        line: unit.doc.keyLine("status") ?? 1,
        gate: null,
        message: s.message,
        hint: s.hint,
      });
    return undefined;
  },
};
