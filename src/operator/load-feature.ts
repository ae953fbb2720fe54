import { loadFeatureModel, type FeatureModel } from "../plan/feature-model.js";
import type { FeatureSummary } from "../workspace/list-features.js";
import {
  readFeature,
  type FeatureSnapshot,
} from "../workspace/read-feature.js";
import { yieldToEvents } from "../workspace/yield-to-events.js";
import { featureProblems, type FeatureProblem } from "./feature-problems.js";

/** One feature as the operator commands read it: files, typed model and what could not be parsed. */
export interface LoadedFeature {
  summary: FeatureSummary;
  snapshot: FeatureSnapshot;
  /** Null when PLAN.md is missing, unreadable or has no task graph. */
  model: FeatureModel | null;
  problems: FeatureProblem[];
}

// Reads a feature folder: PLAN.md and every file its graph names, then the model and its problems.
export async function loadFeature(
  summary: FeatureSummary,
): Promise<LoadedFeature> {
  const snapshot = await readFeature(summary.absDir, summary.dir);
  const model = loadFeatureModel(snapshot, summary.name);
  // Between the two long synchronous steps: a signal waiting here is handled (issue 9).
  await yieldToEvents();
  return {
    summary,
    snapshot,
    model,
    problems: featureProblems(snapshot, model),
  };
}
