import { GATE_STATUSES, isGateStatus } from "../../plan/vocabulary.js";
import type { Rule } from "../rule.js";
import { show } from "../values.js";

// A present GATE `status` must be open, awaiting_review or passed (new).
export const gateStatus: Rule = {
  code: "gate-status",
  gate(ctx, gate) {
    const doc = gate.file?.doc ?? null;
    if (gate.file === null || doc === null || !doc.isReadable) return undefined;
    if (!Object.hasOwn(doc.data, "status") || isGateStatus(doc.data.status))
      return undefined;
    ctx.report({
      rule: "gate-status",
      file: gate.file.display,
      line: doc.keyLine("status") ?? 1,
      gate: null,
      message: `status is ${show(doc.data.status)}; expected ${GATE_STATUSES.join(", ")}.`,
      hint: 'write "status: open" for a gate that may run (an absent status also reads as open).',
    });
    return undefined;
  },
};
