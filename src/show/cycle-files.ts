import type { CycleView } from "../history/unit-history.js";
import type { WorkFileKind } from "../workspace/unit-work-files.js";

/** An attempt file with its repo-relative path. */
export interface FoundFile {
  /** `n` for `cycle-<n>/`, null for the unit's work folder itself. */
  cycleFolder: number | null;
  attempt: number;
  kind: WorkFileKind;
  path: string;
}

// Assigns attempt files to 1-based cycles (evidence.md EV-CYC-1): `cycle-<n>/` holds cycle n, the work
// folder the current one. A tree older than EV-CYC kept the ended cycle's files in the work folder until
// the re-armed cycle's first dispatch; those go to the last cycle with attempts when the current has none; pure.
export function cycleFilesOf(
  files: readonly FoundFile[],
  history: readonly CycleView[],
  current: number,
): Map<number, FoundFile[]> {
  const withAttempts = history
    .filter((c) => c.attempts.length > 0)
    .map((c) => c.cycle);
  const latest = withAttempts.length === 0 ? null : Math.max(...withAttempts);
  const hasFolder = (n: number) => files.some((f) => f.cycleFolder === n);
  const root =
    latest !== null &&
    latest < current &&
    !withAttempts.includes(current) &&
    !hasFolder(latest)
      ? latest
      : current;
  const map = new Map<number, FoundFile[]>();
  for (const f of files) {
    const n = f.cycleFolder ?? root;
    map.set(n, [...(map.get(n) ?? []), f]);
  }
  return map;
}
