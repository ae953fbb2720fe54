import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { pathKey, type ChildEnv } from "./path-env.js";

/** Where spawning would find a command, or the errno it would fail with. */
export type Resolved = { path: string } | { error: "ENOENT" | "EACCES" };

// Resolves a command as execvp does for the child: a name with `/` against cwd, a bare name on the child's PATH;
// EACCES when a candidate exists but is not executable. Used when a wrapper shell starts the program, so that
// a missing agent still comes back as a spawn error (D-DISP-7) instead of the shell's exit 127.
export function resolveExecutable(
  file: string,
  env: Readonly<ChildEnv>,
  cwd: string,
): Resolved {
  if (file === "") return { error: "ENOENT" };
  const candidates = file.includes("/")
    ? [path.resolve(cwd, file)]
    : (env[pathKey(env, "linux")] ?? "")
        .split(":")
        .map((dir) => path.resolve(cwd, dir === "" ? "." : dir, file));
  let isDenied = false;
  for (const candidate of candidates) {
    const state = probe(candidate);
    if (state === "ok") return { path: candidate };
    if (state === "denied") isDenied = true;
  }
  return { error: isDenied ? "EACCES" : "ENOENT" };
}

function probe(file: string): "ok" | "denied" | "missing" {
  try {
    if (!statSync(file).isFile()) return "denied";
    accessSync(file, constants.X_OK);
    return "ok";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EACCES"
      ? "denied"
      : "missing";
  }
}
