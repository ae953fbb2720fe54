import { readdirSync, readFileSync } from "node:fs";

/** One process as the Linux process table shows it. */
export interface ProcEntry {
  pid: number;
  ppid: number;
  /** Process group id. */
  pgid: number;
  /** Session id. */
  sid: number;
  /** One-letter state: R, S, D, Z (zombie), X (dead), … */
  state: string;
  /** When it started, in clock ticks since boot (field 22). */
  startTicks: number;
}

// Parses /proc/<pid>/stat; the command name may hold spaces and parentheses, so fields start after the last `)`.
export function parseStat(pid: number, text: string): ProcEntry | null {
  const close = text.lastIndexOf(")");
  if (close < 0) return null;
  const fields = text.slice(close + 2).split(" ");
  const [state, ppid, pgid, sid, startTicks] = [
    fields[0],
    Number(fields[1]),
    Number(fields[2]),
    Number(fields[3]),
    Number(fields[19]),
  ];
  if (state === undefined || ![ppid, pgid, sid].every(Number.isInteger))
    return null;
  return {
    pid,
    ppid,
    pgid,
    sid,
    state,
    startTicks: Number.isInteger(startTicks) ? startTicks : 0,
  };
}

// Whether this system has a process table to sweep (Linux /proc).
export function hasProcTable(platform: NodeJS.Platform): boolean {
  if (platform !== "linux") return false;
  try {
    readFileSync("/proc/self/stat");
    return true;
  } catch {
    return false;
  }
}

// Every process that can still run: zombies and dead entries are left out (they hold nothing and cannot be killed).
export function listProcesses(): ProcEntry[] {
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return [];
  }
  const entries: ProcEntry[] = [];
  for (const name of names) {
    if (!/^[0-9]+$/.test(name)) continue;
    const pid = Number(name);
    try {
      const entry = parseStat(pid, readFileSync(`/proc/${name}/stat`, "utf8"));
      if (entry !== null && entry.state !== "Z" && entry.state !== "X")
        entries.push(entry);
    } catch {
      // it exited while we looked
    }
  }
  return entries;
}

// Whether a process started with the environment entry `name=value` (false when it cannot be read: another user's process).
export function hasEnvironmentEntry(pid: number, entry: string): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(`/proc/${pid}/environ`);
  } catch {
    return false;
  }
  const needle = Buffer.from(`${entry}\0`, "utf8");
  let at = bytes.indexOf(needle);
  while (at >= 0) {
    if (at === 0 || bytes[at - 1] === 0) return true;
    at = bytes.indexOf(needle, at + 1);
  }
  // The last entry may lack its terminating NUL.
  const last = bytes.lastIndexOf(0, bytes.length - 2);
  return bytes.subarray(last + 1).toString("utf8") === entry;
}

// Whether a pid still runs according to /proc: false for a zombie or a missing pid; null when /proc cannot tell.
export function isRunningInTable(pid: number): boolean | null {
  try {
    const entry = parseStat(pid, readFileSync(`/proc/${pid}/stat`, "utf8"));
    return entry !== null && entry.state !== "Z" && entry.state !== "X";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? false : null;
  }
}

// Clock ticks per second of /proc start times (USER_HZ: 100 on every Linux architecture Node runs on).
const TICKS_PER_SECOND = 100;

// Now, in /proc start-time ticks since boot; 0 when /proc/uptime cannot be read (then every process counts as new).
export function ticksSinceBoot(): number {
  try {
    const seconds = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
    return Number.isFinite(seconds)
      ? Math.floor(seconds * TICKS_PER_SECOND)
      : 0;
  } catch {
    return 0;
  }
}
