import { execa, type ResultPromise } from "execa";
import type { Containment } from "./containment.js";
import { resolveExecutable } from "./resolve-executable.js";
import type { ProcessSpec } from "./run-process.js";

// Joins the cgroup (its procs file is $0) before the program starts, so nothing it starts can be outside it.
const JOIN_CGROUP = '{ echo $$ > "$0"; } 2>/dev/null; exec "$@"';

/** A started child with its piped stdout and stderr. */
export type Child = ResultPromise<{ buffer: false }>;
/** The child, or why it could not start. */
export type Started = { child: Child; pid: number } | { spawnError: string };

// Spawns detached (own session and group) with the container's marker; inside a cgroup through the join shell.
export async function startChild(
  spec: ProcessSpec,
  containment: Containment,
): Promise<Started> {
  let file = spec.file;
  let args = [...spec.args];
  const procs = containment.cgroupProcsFile;
  if (procs !== null && spec.isVerbatim !== true) {
    const resolved = resolveExecutable(spec.file, spec.env, spec.cwd);
    if ("error" in resolved) return { spawnError: resolved.error };
    file = "/bin/sh";
    args = ["-c", JOIN_CGROUP, procs, resolved.path, ...spec.args];
  }
  const child = execa(file, args, {
    cwd: spec.cwd,
    env: { ...spec.env, ...containment.env },
    extendEnv: false,
    detached: true,
    cleanup: false,
    reject: false,
    buffer: false,
    forceKillAfterDelay: false,
    windowsHide: true,
    windowsVerbatimArguments: spec.isVerbatim === true,
    ...(spec.stdin === null ? { stdin: "ignore" } : { input: spec.stdin }),
    stdout: "pipe",
    stderr: "pipe",
  }) as Child;
  const pid = child.pid;
  if (pid !== undefined) return { child, pid };
  const failure = await child.then(
    (r) => r,
    () => null,
  );
  const code = typeof failure?.code === "string" ? failure.code : "ESPAWN";
  return { spawnError: code };
}
