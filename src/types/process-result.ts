/** The outcome of any subprocess: success and failure share one shape (architecture.md §4.5). */
export interface ProcessResult {
  command: string;
  cwd: string;
  durationMs: number;
  exitCode: number | null;
  signal: string | null;
  /** Non-zero exit, killed, timed out, inactive, canceled or failed to spawn. */
  failed: boolean;
  /** The wall-clock limit fired. */
  timedOut: boolean;
  /** The inactivity limit fired. */
  inactive: boolean;
  /** The AbortSignal fired (a stop was requested). */
  canceled: boolean;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in arrival order; only when the run merged them, else "". */
  all: string;
  /** One line for humans: what happened. */
  shortMessage: string;
  /** The child's pid, which is also its process-group id; null when it never started. */
  pid: number | null;
  /** The errno code when the process could not be started (`ENOENT`, `EACCES`, …), else null. */
  spawnError: string | null;
  /** A complete result line was printed, the process lingered and its group was killed (D-DISP-4). */
  hasLingered: boolean;
  /** The child exited while descendants held its pipes, and the group was killed (D-DISP-4). */
  hasOrphanPipes: boolean;
  /** Bytes dropped from the front of stderr (or of `all`) to respect the retention cap; for a captured run, the bytes EV-CAP-1 elided. */
  droppedBytes: number;
  /** The file holding the full output (RunProcessOptions.outputFile), or null. Optional for results built elsewhere. */
  outputFile?: string | null;
  /** How the run was contained: a cgroup, a /proc sweep, or only its process group. */
  containment?: "cgroup" | "sweep" | "group";
  /** Processes the run left behind (detached or not) that were killed when it ended. */
  strayCount?: number;
}
