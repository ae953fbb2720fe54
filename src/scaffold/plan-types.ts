import type { StackDetection } from "./detect-stack.js";
import type { FileOp, ScaffoldWarning } from "./file-op.js";
import type { Manifest } from "./manifest.js";
import type { ScaffoldAssets } from "./scaffold-assets.js";

/** The target's current state, as far as the planner needs it. */
export interface CurrentTree {
  /** Target-relative path → bytes, for the regular files that were read. */
  files: ReadonlyMap<string, Uint8Array>;
  /** Target-relative directories that exist. */
  dirs: ReadonlySet<string>;
  /** Names of the entries directly inside `.specfuse/` (for the leftovers listing). */
  specfuseNames: ReadonlyArray<string>;
}

/** Everything the pure planner takes (architecture.md §4.1). */
export interface ScaffoldInput {
  /** The package (= scaffold) version. */
  version: string;
  assets: ScaffoldAssets;
  detection: StackDetection;
  /** The roadmap's `project:` value. */
  projectName: string;
  current: CurrentTree;
  /** The old manifest (upgrade), or null. */
  manifest: Manifest | null;
  isForceWire: boolean;
  /** `init --example`. */
  isExample: boolean;
  /** `--ci github`: write the GitHub workflows (github.md GH-CI-1). @default null */
  ci?: "github" | null;
}

/** An ordered list of operations plus what the report needs. */
export interface ScaffoldPlan {
  /** In report order (I-INIT-6): `.specfuse/` sorted, `.gitignore`, the `.claude` files, the commands. */
  ops: FileOp[];
  /** Target-relative paths kept because they differ (I-UPG-6, I-CMD-5). */
  kept: string[];
  warnings: ScaffoldWarning[];
  /** Reference leftovers found in `.specfuse/` (I-UPG-10), never touched. */
  leftovers: string[];
  /** The example feature written by `init --example`. */
  example: { featureId: string; dir: string } | null;
}

// The seeded files (init.md §4), target-relative.
export const SEEDS = {
  verification: ".specfuse/verification.yml",
  config: ".specfuse/config.yml",
  learnings: ".specfuse/LEARNINGS.md",
  roadmap: ".specfuse/roadmap.md",
} as const;
// The features folder; an absent one gets `.gitkeep` (I-UPG-8).
export const FEATURES_DIR = ".specfuse/features";
// The placeholder that keeps an empty features folder in git.
export const GITKEEP = `${FEATURES_DIR}/.gitkeep`;
