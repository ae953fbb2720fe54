/** How to start a command line through the platform shell. */
export interface ShellInvocation {
  file: string;
  args: string[];
  /** cmd.exe needs its arguments passed without re-quoting. */
  isVerbatim: boolean;
}

// `/bin/sh -c <command>`, or `cmd.exe /d /s /c "<command>"` on Windows (D-VER-4).
export function shellInvocation(
  command: string,
  platform: NodeJS.Platform,
  comSpec?: string,
): ShellInvocation {
  if (platform === "win32")
    return {
      file: comSpec !== undefined && comSpec !== "" ? comSpec : "cmd.exe",
      args: ["/d", "/s", "/c", `"${command}"`],
      isVerbatim: true,
    };
  return { file: "/bin/sh", args: ["-c", command], isVerbatim: false };
}
