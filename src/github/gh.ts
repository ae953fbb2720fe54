import { runProcess } from "../exec/run-process.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Timings } from "../types/context.js";
import type { ProcessResult } from "../types/process-result.js";
import { findExecutable } from "../workspace/find-executable.js";
import { redactCredentials } from "./repo-ref.js";

/** How specfuse runs `gh` for one command. */
export interface GhOptions {
  /** The user's environment: gh uses their own login or GH_TOKEN (GH-GH-1). */
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  timings: Pick<
    Timings,
    "killGraceMs" | "pipeWaitMs" | "orphanPipeMs" | "resultLingerMs"
  >;
  /** Each call is killed after this long (GH-GH-1). @default 60000 */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with each argv before it runs (for `--verbose`). */
  onCall?: (args: readonly string[]) => void;
}

/** The gh CLI, run without a shell; every failure becomes a gh_* SpecfuseError. */
export interface Gh {
  /** Runs gh with these arguments (and stdin), returning stdout; throws gh_not_found, gh_auth_required or gh_failed. */
  call(args: readonly string[], stdin?: string | null): Promise<string>;
  /** Throws gh_not_found unless gh is on PATH (checked before a command locks; GH-PR-1). */
  requireInstalled(): void;
}

// The wall-clock limit of one gh call (GH-GH-1).
export const GH_TIMEOUT_MS = 60_000;
// Output retained from gh; anything larger is cut and then fails JSON parsing.
const STDOUT_LIMIT = 16 * 1024 * 1024;

// Builds the gh runner: argv only, GH_PROMPT_DISABLED=1 and NO_COLOR=1, a 60 s kill (GH-GH-1, GH-GH-2).
export function createGh(options: GhOptions): Gh {
  let exe: string | null = null;
  const resolve = (): string => {
    exe ??= findExecutable("gh", options.env, options.cwd);
    if (exe === null) throw ghNotFound();
    return exe;
  };
  return {
    requireInstalled: () => void resolve(),
    async call(args, stdin = null) {
      const file = resolve();
      options.onCall?.(args);
      const result = await runProcess(
        {
          file,
          args,
          cwd: options.cwd,
          env: ghEnv(options.env),
          stdin,
        },
        {
          timings: options.timings,
          wallClockMs: options.timeoutMs ?? GH_TIMEOUT_MS,
          stdoutLimitBytes: STDOUT_LIMIT,
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        },
      );
      if (result.spawnError === "ENOENT") throw ghNotFound();
      if (!result.failed) return result.stdout;
      if (result.canceled)
        throw new SpecfuseError({
          code: "interrupted",
          message: `stopped by a signal while gh ${args.slice(0, 2).join(" ")} ran`,
          hint: "run the command again",
        });
      throw ghError(args, result, options.timeoutMs ?? GH_TIMEOUT_MS);
    },
  };
}

// gh's environment: the user's, never prompting, never coloured, no update check.
export function ghEnv(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  return {
    ...env,
    GH_PROMPT_DISABLED: "1",
    NO_COLOR: "1",
    GH_NO_UPDATE_NOTIFIER: "1",
    GH_SPINNER_DISABLED: "1",
    CLICOLOR_FORCE: undefined,
    GH_FORCE_TTY: undefined,
    GH_PAGER: "cat",
  };
}

function ghNotFound(): SpecfuseError {
  return new SpecfuseError({
    code: "gh_not_found",
    message: "the GitHub CLI (gh) is not on PATH",
    detail: "specfuse reaches GitHub only through gh, with your own login",
    hint: "install https://cli.github.com, then `gh auth login`",
  });
}

// The last lines of gh's stderr, credentials removed, for an error message.
export function stderrTail(stderr: string, maxChars = 800): string {
  const lines = redactCredentials(stderr).trimEnd().split("\n").slice(-8);
  const text = lines.join("\n");
  return text.length > maxChars ? `…${text.slice(-maxChars)}` : text;
}

// Maps a failed gh run to gh_auth_required (exit 4) or gh_failed (GH-GH-2).
function ghError(
  args: readonly string[],
  result: ProcessResult,
  timeoutMs: number,
): SpecfuseError {
  const command = `gh ${args.slice(0, 2).join(" ")}`;
  if (result.exitCode === 4)
    return new SpecfuseError({
      code: "gh_auth_required",
      message: `${command}: gh is not logged in to GitHub`,
      detail: stderrTail(result.stderr) || undefined,
      hint: "run `gh auth login` (in CI, set GH_TOKEN)",
    });
  const why = result.timedOut
    ? `did not finish within ${timeoutMs / 1000} s and was stopped`
    : result.shortMessage;
  return new SpecfuseError({
    code: "gh_failed",
    message: `${command} failed: ${why}`,
    detail: stderrTail(result.stderr) || undefined,
    hint: "check the message above; `gh auth status` shows which account gh uses",
  });
}
