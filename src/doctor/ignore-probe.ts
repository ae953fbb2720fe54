import { checkpointFile } from "../workspace/work-paths.js";

/** A path specfuse needs git to ignore (or to track), and what it stands for. */
export interface IgnoreProbe {
  path: string;
  what: string;
  /** True: git must ignore it; false: git must not (plans are committed). */
  isIgnored: boolean;
}

const F = ".specfuse/features/FEAT-0000-0000-probe";

// The paths `doctor` asks git about (`check-ignore`), so any spelling of the rules passes (issue 17 point 6).
export const IGNORE_PROBES: readonly IgnoreProbe[] = [
  { path: checkpointFile(F), what: "work/ folders", isIgnored: true },
  { path: ".specfuse/.loop.lock", what: "the lock", isIgnored: true },
  {
    path: ".specfuse/.loop.lock.json",
    what: "the lock sidecar",
    isIgnored: true,
  },
  {
    path: `${F}/PLAN.md.specfuse-tmp-0a1b2c`,
    what: "temporary files of atomic writes",
    isIgnored: true,
  },
  { path: `${F}/PLAN.md`, what: "feature folders", isIgnored: false },
  {
    path: ".specfuse/verification.yml",
    what: "verification.yml",
    isIgnored: false,
  },
];

/** What git answered for one probe: the rule that ignores the path, or null. */
export interface IgnoreAnswer {
  probe: IgnoreProbe;
  /** `<source>:<line>: <pattern>`, or null when git does not ignore the path. */
  rule: string | null;
}

// The probes git answers wrongly, as detail lines; empty when every answer is right (pure).
export function ignoreProblems(answers: readonly IgnoreAnswer[]): string[] {
  const out: string[] = [];
  for (const { probe, rule } of answers) {
    if (probe.isIgnored && rule === null)
      out.push(`not ignored: ${probe.what} (${probe.path})`);
    if (!probe.isIgnored && rule !== null)
      out.push(
        `ignored by ${rule}: ${probe.what} (${probe.path}) must be committed`,
      );
  }
  return out;
}
