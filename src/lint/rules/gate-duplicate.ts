import { sameYamlValue } from "../../plan/read-graph.js";
import { normalizeDisplayPath } from "../../workspace/paths.js";
import type { Rule } from "../rule.js";
import { show } from "../values.js";

function fileKey(value: unknown): string | null {
  return typeof value === "string" && value !== ""
    ? normalizeDisplayPath(value)
    : null;
}

// A later gate entry that repeats an earlier gate's number or file (new).
export const gateDuplicate: Rule = {
  code: "gate-duplicate",
  gate(ctx, gate) {
    const { facts } = ctx;
    const raw = gate.raw;
    const earlier = facts.gates
      .slice(0, facts.gates.indexOf(gate))
      .filter((g) => g.raw.isMap);
    const sameNumber = raw.hasGate
      ? earlier.find(
          (g) => g.raw.hasGate && sameYamlValue(g.raw.gate, raw.gate),
        )
      : undefined;
    if (sameNumber !== undefined)
      ctx.report({
        rule: "gate-duplicate",
        file: facts.planFile,
        line: raw.line,
        gate: gate.label,
        message: `Gate ${show(raw.gate)} is defined again (first at line ${sameNumber.raw.line ?? "?"}); gate numbers must be unique.`,
        hint: "give this gate the next unused number, or merge its units into the earlier gate.",
      });
    const file = fileKey(raw.file);
    const sameFile =
      file === null
        ? undefined
        : earlier.find((g) => fileKey(g.raw.file) === file);
    if (sameFile !== undefined)
      ctx.report({
        rule: "gate-duplicate",
        file: facts.planFile,
        line: raw.line,
        gate: gate.label,
        message: `Gate ${gate.label} uses file ${show(raw.file)}, already used by gate ${sameFile.label}; each gate needs its own GATE file.`,
        hint: `name this gate's own file, e.g. "file: GATE-${String(gate.number ?? raw.index + 1).padStart(2, "0")}.md".`,
      });
    return undefined;
  },
};
