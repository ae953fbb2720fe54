import { execa } from "execa";
import { findExecutable } from "../workspace/find-executable.js";

/** What became of a request to open a file with the desktop's default application. */
export type OpenOutcome =
  | { isOpened: true; command: string }
  | { isOpened: false; command: string; reason: string };

/** The platform opener: its executable and arguments. */
export interface Opener {
  file: string;
  args: string[];
  isVerbatim: boolean;
}

// The platform's opener for a file: `open` on macOS, `start` through cmd.exe on Windows, else `xdg-open`.
export function openerFor(file: string, platform: NodeJS.Platform): Opener {
  if (platform === "darwin")
    return { file: "open", args: [file], isVerbatim: false };
  if (platform === "win32")
    return {
      file: "cmd.exe",
      // `start` takes the first quoted word as a window title, hence the empty one.
      args: ["/d", "/s", "/c", `start "" "${file}"`],
      isVerbatim: true,
    };
  return { file: "xdg-open", args: [file], isVerbatim: false };
}

// Opens a file with the platform opener, detached so it outlives the CLI; never throws. It waits up to
// `waitMs` for the opener to exit, so a failing opener is reported, and leaves one that keeps running.
export async function openFile(
  file: string,
  options: {
    env: Readonly<Record<string, string | undefined>>;
    cwd: string;
    platform?: NodeJS.Platform;
    waitMs?: number;
  },
): Promise<OpenOutcome> {
  const platform = options.platform ?? process.platform;
  const opener = openerFor(file, platform);
  if (platform === "win32" && /["%^&|<>!]/.test(file))
    return {
      isOpened: false,
      command: "start",
      reason: "the path has characters cmd.exe would interpret",
    };
  const exe = findExecutable(opener.file, options.env, options.cwd, platform);
  if (exe === null)
    return {
      isOpened: false,
      command: opener.file,
      reason: `no ${opener.file} on PATH`,
    };
  const child = execa(exe, opener.args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    detached: true,
    cleanup: false,
    reject: false,
    stdio: "ignore",
    windowsHide: true,
    windowsVerbatimArguments: opener.isVerbatim,
  });
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<"running">((resolve) => {
    timer = setTimeout(() => resolve("running"), options.waitMs ?? 3000);
  });
  const result = await Promise.race([child.then((r) => r), waited]);
  clearTimeout(timer);
  child.unref();
  if (result === "running") return { isOpened: true, command: opener.file };
  if (result.failed && result.exitCode === undefined)
    return {
      isOpened: false,
      command: opener.file,
      reason: result.shortMessage ?? "it could not start",
    };
  if (result.exitCode !== 0)
    return {
      isOpened: false,
      command: opener.file,
      reason: `${opener.file} exited ${result.exitCode ?? result.signal ?? "?"}`,
    };
  return { isOpened: true, command: opener.file };
}
