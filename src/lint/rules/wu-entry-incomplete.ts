import type { Rule } from "../rule.js";
import { isEmpty } from "../values.js";
import { featureIdHint } from "../wording.js";

// L05: a graph entry needs a non-empty `id` and `file`; otherwise the rest of the entry is skipped.
export const wuEntryIncomplete: Rule = {
  code: "wu-entry-incomplete",
  entry(ctx, entry) {
    const raw = entry.raw;
    const lacksId = isEmpty(raw.id);
    const lacksFile = isEmpty(raw.file);
    if (!lacksId && !lacksFile) return undefined;
    const missing = [lacksId ? "id" : "", lacksFile ? "file" : ""].filter(
      (s) => s !== "",
    );
    const name =
      typeof raw.id === "string" && raw.id !== ""
        ? raw.id
        : `Entry ${raw.index + 1} of gate ${entry.gate.label}`;
    const n = String(raw.index + 1).padStart(2, "0");
    ctx.report({
      rule: "wu-entry-incomplete",
      file: ctx.facts.planFile,
      line: raw.line,
      gate: entry.gate.label,
      message: `${name} has no ${missing.join(" and no ")}; every unit needs both.`,
      hint: missing
        .map((k) =>
          k === "id"
            ? `"id: ${featureIdHint(ctx.facts.dir)}/T${n}"`
            : `"file: WU-${n}-<slug>.md"`,
        )
        .join(" and ")
        .replace(/^/, "add "),
    });
    return "skip";
  },
};
