/** What a failed git command left behind: the exact argv, exit code and both streams. */
export interface GitErrorFields {
  args: readonly string[];
  cwd: string;
  /** Null when git could not be started at all. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  cause?: unknown;
}

// A git command failed; carries stderr so callers can quote git (architecture.md §4.5).
export class GitError extends Error {
  readonly args: readonly string[];
  readonly cwd: string;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;

  constructor(fields: GitErrorFields) {
    super(
      describeGitFailure(fields),
      fields.cause === undefined ? undefined : { cause: fields.cause },
    );
    this.name = "GitError";
    this.args = fields.args;
    this.cwd = fields.cwd;
    this.exitCode = fields.exitCode;
    this.stdout = fields.stdout;
    this.stderr = fields.stderr;
  }
}

// Narrowing helper that survives duplicate module instances in tests.
export function isGitError(value: unknown): value is GitError {
  return (
    value instanceof GitError ||
    (value instanceof Error && value.name === "GitError" && "args" in value)
  );
}

// One line naming the command, its exit code and git's first stderr line.
export function describeGitFailure(fields: GitErrorFields): string {
  const command = `git ${fields.args.join(" ")}`;
  const first =
    fields.stderr
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l !== "") ?? "";
  const status =
    fields.exitCode === null
      ? "could not be started"
      : `exited with ${fields.exitCode}`;
  return first === ""
    ? `${command} ${status}`
    : `${command} ${status}: ${first}`;
}

// Git's own words for a failure: stderr, else stdout, trimmed (for error details that "quote git").
export function gitOutput(error: GitError): string {
  const text = error.stderr.trim() !== "" ? error.stderr : error.stdout;
  return text.trim();
}
