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
  /** One line for humans: what happened. */
  shortMessage: string;
}
