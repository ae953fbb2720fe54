import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

type Env = Readonly<Record<string, string | undefined>>;

// The agent command before lookup (D-DISP-7): a non-empty SPECFUSE_AGENT_CMD, else config `agent.command`, else the default.
export function agentCommandOf(
  env: Env,
  configCommand: string | null | undefined,
  defaultCommand = "claude",
): string {
  const fromEnv = env.SPECFUSE_AGENT_CMD;
  if (fromEnv !== undefined && fromEnv.trim() !== "") return fromEnv;
  if (typeof configCommand === "string" && configCommand.trim() !== "")
    return configCommand;
  return defaultCommand;
}

// Whether a path is a file this process may execute.
function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== "win32") accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// Resolves a command the way spawning without a shell will: a path (relative to cwd) as is, a bare name on PATH.
export function findExecutable(
  command: string,
  env: Env,
  cwd: string,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const hasSeparator =
    command.includes("/") || (platform === "win32" && command.includes("\\"));
  const p = platform === "win32" ? path.win32 : path.posix;
  if (hasSeparator) {
    const abs = p.resolve(cwd, command);
    return isExecutableFile(abs, platform) ? abs : null;
  }
  const pathKey =
    platform === "win32"
      ? (Object.keys(env).find((k) => k.toUpperCase() === "PATH") ?? "Path")
      : "PATH";
  const dirs = (env[pathKey] ?? "")
    .split(platform === "win32" ? ";" : ":")
    .filter((d) => d !== "");
  const exts =
    platform === "win32"
      ? ["", ...(env.PATHEXT ?? ".COM;.EXE;.BAT;.CMD").split(";")]
      : [""];
  for (const dir of dirs)
    for (const ext of exts) {
      const candidate = p.resolve(cwd, dir, command + ext);
      if (isExecutableFile(candidate, platform)) return candidate;
    }
  return null;
}

// The absolute path of the agent executable (D-DISP-7), or null when it cannot be found; pass the env the agent will get.
export function resolveAgentExecutable(
  env: Env,
  configCommand: string | null | undefined,
  cwd: string,
  defaultCommand = "claude",
): string | null {
  return findExecutable(
    agentCommandOf(env, configCommand, defaultCommand),
    env,
    cwd,
  );
}
