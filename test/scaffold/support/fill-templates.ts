import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../helpers/run-cli.js";
import { writeTree } from "../../helpers/write-tree.js";

const SPECIFIC: Record<string, string> = {
  "<slug>": "rate-limits",
  "<unit-slug>": "part",
  "<feature title>": "Rate limits",
};

// Replaces every `<placeholder>` (not HTML comments) and FEAT-YYYY-NNNN with sample values (init.md I-TPL-2).
export function fill(text: string, featureId = "FEAT-2026-0042"): string {
  return text
    .replace(/FEAT-YYYY-NNNN/g, featureId)
    .replace(/<(?!!--)[^<>]+>/g, (m) => SPECIFIC[m] ?? "sample text");
}

function template(name: string): string {
  return readFileSync(path.join(PROJECT_ROOT, "templates", name), "utf8");
}

const UNITS: ReadonlyArray<readonly [id: string, file: string, type: string]> = [
  ["T01", "WU-01-part.md", "implementation"],
  ["T02", "WU-02-part.md", "implementation"],
  ["G1-CLOSE-INTERMEDIATE", "WU-90-gate-1-close-intermediate.md", "close-intermediate"],
  ["G1-PLAN", "WU-91-gate-1-plan-next.md", "plan-next"],
  ["G2-CLOSE", "WU-90-gate-2-close.md", "close"],
];

// Writes a feature folder built only from the shipped templates, with placeholders filled in.
export function writeFeatureFromTemplates(dir: string): void {
  const files: Record<string, string> = {
    "PLAN.md": fill(template("PLAN.template.md")),
    "GATE-01.md": fill(template("GATE.template.md")),
    "GATE-02.md": fill(template("GATE.template.md")).replace(/^gate: 1/m, "gate: 2"),
  };
  for (const [suffix, file, type] of UNITS) {
    files[file] = fill(template("WU.template.md"))
      .replace(/^id: FEAT-2026-0042\/T01/m, `id: FEAT-2026-0042/${suffix}`)
      .replace(/^type: implementation/m, `type: ${type}`);
  }
  writeTree(dir, files);
}
