import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

// Directory names of specfuse's containers: `specfuse-<driver pid>-<token>`.
// Parents already cleared of dead drivers' empty containers by this process (once is enough).
const swept = new Set<string>();
const NAME = /^specfuse-([0-9]+)-[0-9a-f]+$/;

// The cgroup v2 mount point and the root it shows, from /proc/self/mountinfo text; null without cgroup2.
export function parseCgroup2Mount(
  mountinfo: string,
): { mountPoint: string; root: string } | null {
  for (const line of mountinfo.split("\n")) {
    const [left, right] = line.split(" - ");
    if (left === undefined || right === undefined) continue;
    if (right.split(" ")[0] !== "cgroup2") continue;
    const fields = left.split(" ");
    const root = fields[3];
    const mountPoint = fields[4];
    if (root === undefined || mountPoint === undefined) continue;
    return { mountPoint: unescapeMount(mountPoint), root: unescapeMount(root) };
  }
  return null;
}

// mountinfo escapes space, tab, newline and backslash as octal.
function unescapeMount(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_, o: string) =>
    String.fromCharCode(parseInt(o, 8)),
  );
}

// This process's cgroup v2 path (the `0::` line of /proc/self/cgroup), or null.
export function parseOwnCgroup(text: string): string | null {
  const line = text.split("\n").find((l) => l.startsWith("0::"));
  return line === undefined ? null : line.slice(3);
}

// The directory of this process's own cgroup v2 on this system, or null when there is none to use.
export function ownCgroupDir(): string | null {
  try {
    const mount = parseCgroup2Mount(
      readFileSync("/proc/self/mountinfo", "utf8"),
    );
    const own = parseOwnCgroup(readFileSync("/proc/self/cgroup", "utf8"));
    if (mount === null || own === null) return null;
    const rel = path.posix.relative(mount.root, own);
    if (rel.startsWith("..")) return null;
    return path.join(mount.mountPoint, rel);
  } catch {
    return null;
  }
}

/** A cgroup v2 the driver created to hold one run's processes; killing it kills every process inside. */
export interface Cgroup {
  dir: string;
  /** The file a process writes its pid to in order to join. */
  procsFile: string;
  /** The pids inside, now. */
  members(): number[];
  /** SIGKILLs every process inside (cgroup.kill, or one by one on kernels before 5.14). */
  kill(): void;
  /** Removes the directory once it is empty; false while processes remain. */
  remove(): boolean;
}

// Creates `specfuse-<pid>-<token>` under `parent` (default: this process's own cgroup), or null when the
// system does not allow it (no cgroup v2, not delegated to this user, read-only in a container).
export function createCgroup(
  token: string,
  parent: string | null = ownCgroupDir(),
): Cgroup | null {
  if (parent === null) return null;
  if (!swept.has(parent)) {
    swept.add(parent);
    removeStaleCgroups(parent);
  }
  const dir = path.join(parent, `specfuse-${process.pid}-${token}`);
  const procsFile = path.join(dir, "cgroup.procs");
  try {
    mkdirSync(dir);
    accessSync(procsFile, constants.W_OK);
  } catch {
    tryRemove(dir);
    return null;
  }
  return openCgroup(dir);
}

// A handle on an existing container directory (crash recovery names it from the checkpoint).
export function openCgroup(dir: string): Cgroup {
  const procsFile = path.join(dir, "cgroup.procs");
  const members = () => {
    try {
      return readFileSync(procsFile, "utf8")
        .split("\n")
        .filter((l) => l !== "")
        .map(Number);
    } catch {
      return [];
    }
  };
  return {
    dir,
    procsFile,
    members,
    kill() {
      const killFile = path.join(dir, "cgroup.kill");
      if (existsSync(killFile)) {
        try {
          writeFileSync(killFile, "1");
          return;
        } catch {
          // fall through to one by one
        }
      }
      for (const pid of members()) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    },
    remove: () => tryRemove(dir),
  };
}

function tryRemove(dir: string): boolean {
  try {
    rmdirSync(dir);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

// Empty containers left by drivers that died: removed so they do not pile up (a populated one stays for recovery).
function removeStaleCgroups(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const owner = NAME.exec(name)?.[1];
    if (owner === undefined || isAlive(Number(owner))) continue;
    tryRemove(path.join(parent, name));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
