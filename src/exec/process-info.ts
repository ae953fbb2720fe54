import { execa } from "execa";

// The command line of a live process, where the platform can tell (`ps`), else null; crash recovery compares it with `agent_exe` (D-REC-3).
export async function processCommandLine(
  pid: number,
  platform: NodeJS.Platform = process.platform,
): Promise<string | null> {
  if (platform === "win32" || !Number.isInteger(pid) || pid <= 0) return null;
  const result = await execa("ps", ["-o", "args=", "-p", String(pid)], {
    reject: false,
    timeout: 5000,
    stdin: "ignore",
    env: { LC_ALL: "C", PATH: process.env.PATH ?? "/usr/bin:/bin" },
    extendEnv: false,
  });
  const text = typeof result.stdout === "string" ? result.stdout.trim() : "";
  return result.exitCode === 0 && text !== "" ? text : null;
}
