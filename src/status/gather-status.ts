import path from "node:path";
import {
  readRunState,
  runStatePath,
  type RunState,
} from "../driver/attempt/run-state.js";
import { isSpecfuseError } from "../errors/specfuse-error.js";
import { readLockState, type LockState } from "../lock/read-lock-state.js";
import type { FeatureProblem } from "../operator/feature-problems.js";
import { loadFeature, type LoadedFeature } from "../operator/load-feature.js";
import type { FeatureSummary } from "../workspace/list-features.js";
import { readText } from "../workspace/read-text.js";
import { checkpointFile } from "../workspace/work-paths.js";
import type { StatusInputs } from "./build-status.js";
import { scaffoldDrift } from "./scaffold-drift.js";

/** What `status` reads besides the features it shows. */
export interface GatherOptions {
  root: string;
  packageVersion: string;
  host: string;
  now: Date;
  /** Every feature folder (for checkpoints and the default feature). */
  all: readonly FeatureSummary[];
  /** The features to show. */
  shown: readonly FeatureSummary[];
}

/** The inputs of buildStatus, plus the raw lock state for the renderer. */
export interface Gathered extends StatusInputs {
  lockState: LockState;
}

// Reads VERSION, the lock, every checkpoint and the shown features; never takes the lock (D-LOCK-7).
export async function gatherStatus(o: GatherOptions): Promise<Gathered> {
  const problems: FeatureProblem[] = [];
  const version = await readText(path.join(o.root, ".specfuse", "VERSION"));
  const versionText = version.kind === "file" ? version.text : null;
  const scaffold = scaffoldDrift(versionText, o.packageVersion);
  if (scaffold.drift === "invalid")
    problems.push({
      code: "scaffold_version_invalid",
      file: ".specfuse/VERSION",
      line: 1,
      message: `not a version: "${scaffold.version ?? ""}"`,
      excerpt: scaffold.version,
    });
  const lock = await readLockState(o.root, { host: o.host, now: o.now });
  const checkpoints: Array<{ featureDir: string; state: RunState }> = [];
  for (const f of o.all) {
    const display = checkpointFile(f.dir);
    try {
      const state = await readRunState(runStatePath(f.absDir), display);
      if (state !== null) checkpoints.push({ featureDir: f.dir, state });
    } catch (error) {
      if (!isSpecfuseError(error)) throw error;
      problems.push({
        code: error.code,
        file: display,
        line: error.line ?? null,
        message: error.message,
        excerpt: null,
      });
    }
  }
  const features: LoadedFeature[] = [];
  for (const f of o.shown) features.push(await loadFeature(f));
  const active = o.all.filter((f) => f.hasPlan && f.status === "active");
  return {
    scaffold,
    lock,
    lockState: lock,
    checkpoints,
    workspaceProblems: problems,
    features,
    defaultFeature: active.length === 1 ? (active[0]?.name ?? null) : null,
  };
}
