import { lintFeature, type FeatureReport } from "../lint/lint-feature.js";
import { parsePlan } from "../plan/parse-plan.js";
import type { FeatureSnapshot, FileRead } from "../types/feature-snapshot.js";
import { joinDisplay } from "../workspace/paths.js";
import type { DraftFile } from "./render-feature.js";

// Lints a folder before it is written, from its texts alone (GH-ADOPT-7: it must lint with zero errors).
export function lintDraft(
  dir: string,
  absDir: string,
  files: readonly DraftFile[],
): FeatureReport {
  const plan = files.find((f) => f.name === "PLAN.md")?.text ?? null;
  const read = new Map<string, FileRead>();
  for (const f of files)
    if (f.name !== "PLAN.md")
      read.set(joinDisplay(dir, f.name), { kind: "file", text: f.text });
  const snapshot: FeatureSnapshot = {
    dir,
    absDir,
    plan: plan === null ? { kind: "missing" } : { kind: "file", text: plan },
    planDoc: plan === null ? null : parsePlan(plan),
    files: read,
  };
  // The draft pass of gate 1 too, as `arm` will run it (lint.md §5), so the checklist is complete.
  return lintFeature(snapshot, { strict: false, justClosedGate: 0 });
}
