import { typeDefaults } from "../plan/vocabulary.js";
import type { Verification } from "../types/config.js";
import { configurationErrorEvidence } from "./evidence.js";
import { substituteFeatureDir } from "./substitute-placeholders.js";

/** One gate to run, with `{feature_dir}` already substituted. */
export interface PlannedGate {
  name: string;
  command: string;
  timeoutSeconds: number;
  /** The verification set it came from. */
  setName: string;
}

/** The gates of one attempt, or the configuration error that prevents running them (driver D-VER-2). */
export type GatePlan =
  | { ok: true; gates: PlannedGate[] }
  | {
      ok: false;
      setName: string;
      problem: "missing" | "empty";
      /** Evidence starting with `CONFIGURATION ERROR:`. */
      evidence: string;
    };

// The type's set, then each extra set in order, skipping the type's own set and names already present
// (D-VER-2, D-VER-3); `{feature_dir}` quoted for the platform's shell where needed. Pure.
export function planGates(
  verification: Verification,
  unitType: string,
  extraGates: readonly string[],
  featureDir: string,
  platform: NodeJS.Platform = "linux",
): GatePlan {
  const typeSet = typeDefaults(unitType).set;
  const setNames = [typeSet, ...extraGates.filter((s) => s !== typeSet)];
  const gates: PlannedGate[] = [];
  const seenSets = new Set<string>();
  for (const setName of setNames) {
    if (seenSets.has(setName)) continue;
    seenSets.add(setName);
    const checks = verification.sets.get(setName);
    if (checks === undefined || checks.length === 0) {
      const problem = checks === undefined ? "missing" : "empty";
      return {
        ok: false,
        setName,
        problem,
        evidence: configurationErrorEvidence(setName, problem),
      };
    }
    for (const check of checks) {
      if (gates.some((g) => g.name === check.name)) continue;
      gates.push({
        name: check.name,
        command: substituteFeatureDir(check.command, featureDir, platform),
        timeoutSeconds: check.timeout_seconds,
        setName,
      });
    }
  }
  return { ok: true, gates };
}
