import type { Diagnostic } from "../types/diagnostic.js";
import type { CreatedFile } from "./create-feature.js";

/** What the report of `adopt` and `new` shows. */
export interface CreatedReport {
  command: "adopt" | "new";
  isDryRun: boolean;
  files: readonly CreatedFile[];
  /** Lint warnings of the new folder: the edit checklist (GH-ADOPT-7). */
  checklist: readonly Diagnostic[];
  nextSteps: readonly string[];
}

// The next steps after a folder was drafted: edit, lint, arm (which commits folder and row), run (GH-ADOPT-7).
export function nextStepsFor(
  dir: string,
  folder: string,
  unitFile: string,
): string[] {
  return [
    `edit ${unitFile}`,
    `specfuse lint ${dir}`,
    `specfuse arm --feature ${folder}`,
    "specfuse run",
  ];
}

// `create <path>` lines, the warnings as a checklist, then `Next:` (a dry run says `would create` and that nothing was written).
export function renderCreated(r: CreatedReport): string {
  const lines: string[] = [];
  if (r.isDryRun)
    lines.push(`specfuse ${r.command} (dry run): nothing was written`);
  for (const f of r.files)
    lines.push(
      `${(r.isDryRun ? `would ${f.action}` : f.action).padEnd(r.isDryRun ? 16 : 10)} ${f.path}`,
    );
  if (r.checklist.length > 0) {
    lines.push(
      "",
      `Edit checklist (${r.checklist.length} lint warning${r.checklist.length === 1 ? "" : "s"}):`,
    );
    for (const d of r.checklist)
      lines.push(
        `  [ ] ${d.file}${d.line === null ? "" : `:${d.line}`}: ${d.message}`,
      );
  }
  lines.push("", "Next:");
  r.nextSteps.forEach((s, i) =>
    lines.push(
      `  ${i + 1}. ${s}${s.startsWith("specfuse arm") ? "   (commits the folder and the roadmap row)" : ""}`,
    ),
  );
  return `${lines.join("\n")}\n`;
}
