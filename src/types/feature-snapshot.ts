import type { PlanDoc } from "../plan/parse-plan.js";

/** The outcome of reading one text file; never an exception. */
export type FileRead =
  | { kind: "file"; text: string }
  | { kind: "missing" }
  | { kind: "not-file" }
  | { kind: "unreadable"; reason: string };

/** Everything lint and the driver need from one feature folder, read once (workspace/read-feature.ts). */
export interface FeatureSnapshot {
  /** Display path of the folder (lint.md L-CLI-2). */
  dir: string;
  /** Absolute path of the folder. */
  absDir: string;
  plan: FileRead;
  /** The parsed PLAN, when PLAN.md could be read. */
  planDoc: PlanDoc | null;
  /** Every file the graph names, keyed by display path (`<dir>/<file>`, or the absolute path). */
  files: Map<string, FileRead>;
  /** `.specfuse/roadmap.md` when the folder sits in a workspace's `.specfuse/features/`; absent otherwise. */
  roadmap?: FileRead;
}
