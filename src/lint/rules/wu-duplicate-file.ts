import { normalizeDisplayPath } from "../../workspace/paths.js";
import type { Rule } from "../rule.js";

// Two entries naming the same WU file (normalized): reported at the later one (new).
export const wuDuplicateFile: Rule = {
  code: "wu-duplicate-file",
  graphWide(ctx) {
    const { facts } = ctx;
    const analysis = facts.analysis;
    if (analysis === null || analysis.duplicateFiles.length === 0) return;
    const gateOf = new Map(facts.entries.map((e) => [e.raw, e.gate]));
    const firstLine = new Map<string, number | null>();
    for (const u of analysis.units)
      if (typeof u.file === "string" && u.file !== "") {
        const key = normalizeDisplayPath(u.file);
        if (!firstLine.has(key)) firstLine.set(key, u.line);
      }
    for (const unit of analysis.duplicateFiles) {
      const file = String(unit.file);
      ctx.report({
        rule: "wu-duplicate-file",
        file: facts.planFile,
        line: unit.line,
        gate: gateOf.get(unit)?.label ?? null,
        message: `File ${JSON.stringify(file)} is already used by the entry at line ${firstLine.get(normalizeDisplayPath(file)) ?? "?"}; each unit needs its own file.`,
        hint: "create a separate WU file for this unit and point its entry at it.",
      });
    }
  },
};
