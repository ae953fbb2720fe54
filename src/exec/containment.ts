import { randomBytes } from "node:crypto";
import { createCgroup, openCgroup, type Cgroup } from "./cgroup.js";
import { isGroupAlive, killProcessGroup } from "./kill-group.js";
import {
  hasEnvironmentEntry,
  hasProcTable,
  isRunningInTable,
  listProcesses,
  ticksSinceBoot,
} from "./proc-table.js";

// Prefix of the environment marker every contained process starts with: `SPECFUSE_RUN_TOKEN_<token>=1`.
// One key per container, so a nested run (specfuse run inside an agent) keeps its parent's marker too.
export const MARKER_PREFIX = "SPECFUSE_RUN_TOKEN_";

/** How strongly a containment holds its processes. */
export type ContainmentKind =
  /** A Linux cgroup v2 joined before the program starts; nothing started inside can leave it. */
  | "cgroup"
  /** A /proc sweep by session, process group and environment marker. */
  | "sweep"
  /** Only the process group of each started process (no /proc: macOS, Windows). */
  | "group";

/** What crash recovery needs to find a dead driver's processes (to be stored in the checkpoint). */
export interface ContainmentRecord {
  token: string;
  /** The cgroup directory, when there was one. */
  cgroup: string | null;
  /** Pids of the processes started in it; each is also its session and process-group id. */
  leaders: number[];
}

/** What a sweep found. */
export interface SweepReport {
  /** Every process it signalled. */
  found: number[];
  /** Processes still there at the end (only when they cannot be killed: another user's, or stuck in the kernel). */
  survivors: number[];
}

/** When and how hard a sweep kills. */
export interface SweepOptions {
  /** SIGTERM → SIGKILL (D-DISP-4 `killGraceMs`). */
  graceMs: number;
  /** SIGTERM was already sent at this time (performance.now()); the grace counts from it. */
  termAt?: number;
  /** @default 20 */
  pollMs?: number;
}

/** The processes of one attempt (or one run), however they detach (issue 9, driver D-DISP-4). */
export interface Containment {
  kind: ContainmentKind;
  token: string;
  /** Variables every contained process must start with (the marker). */
  env: Record<string, string>;
  /** A process that writes its pid here joins the cgroup (null without one). */
  cgroupProcsFile: string | null;
  /** Registers a started process: its pid is its session and group id (execa `detached`). */
  adopt(pid: number): void;
  /** Live processes of the container now, this process excluded. */
  members(): number[];
  /** Sends a signal to every member and to each leader's group; the members signalled. */
  signal(signal: NodeJS.Signals): number[];
  /** SIGTERM every member, wait up to the grace, then SIGKILL until none is left. */
  sweep(options: SweepOptions): Promise<SweepReport>;
  /** SIGKILL everything at once, synchronously (a forced exit, D-SIGNAL-4). */
  killNow(): void;
  /** What to store so that crash recovery can sweep it (reopenContainment). */
  record(): ContainmentRecord;
  /** A last sweep, then the cgroup is removed. Call once, when nothing more will start in it. */
  close(options: SweepOptions): Promise<SweepReport>;
}

/** Where the container may live; tests force the fallbacks. */
export interface ContainmentOptions {
  /** "auto" tries a cgroup v2 under this process's own cgroup; null never uses one; a path is the parent to use. @default "auto" */
  cgroupParent?: string | null | "auto";
  /** @default process.platform */
  platform?: NodeJS.Platform;
}

// A new, empty container: a cgroup when the system allows one, else a marker for the /proc sweep.
export function createContainment(
  options: ContainmentOptions = {},
): Containment {
  const token = randomBytes(8).toString("hex");
  const platform = options.platform ?? process.platform;
  const parent =
    options.cgroupParent === undefined ? "auto" : options.cgroupParent;
  const cgroup =
    platform !== "linux" || parent === null
      ? null
      : parent === "auto"
        ? createCgroup(token)
        : createCgroup(token, parent);
  // A process that started before the container cannot carry its marker: its environment is never read.
  const since = hasProcTable(platform)
    ? Math.max(0, ticksSinceBoot() - 100)
    : 0;
  return buildContainment(token, cgroup, [], platform, since);
}

// The container of a dead driver, from its checkpoint record, so that recovery can sweep it (D-REC-3).
export function reopenContainment(
  record: ContainmentRecord,
  platform: NodeJS.Platform = process.platform,
): Containment {
  const cgroup = record.cgroup === null ? null : openCgroup(record.cgroup);
  return buildContainment(record.token, cgroup, record.leaders, platform, 0);
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));
// SIGKILL rounds after the grace: each catches what forked while the one before was killing.
const KILL_ROUNDS = 20;

/** What a sweep needs from its container. */
interface SweepTarget {
  members(): number[];
  /** Whether any of these pids (or, without /proc, any leader's group) still runs. */
  isAnyAlive(pids: readonly number[]): boolean;
  signalAll(signal: NodeJS.Signals, pids: readonly number[]): number[];
}

// SIGTERM (unless already sent at `termAt`), wait out the grace, then SIGKILL in rounds until a rescan
// finds nothing: each round catches what forked while the one before was killing.
async function sweepOnce(
  target: SweepTarget,
  o: SweepOptions,
): Promise<SweepReport> {
  const all = new Set<number>();
  let current = target.members();
  current.forEach((p) => all.add(p));
  if (current.length === 0 && !target.isAnyAlive([]))
    return { found: [], survivors: [] };
  let termAt = o.termAt;
  if (termAt === undefined) {
    target.signalAll("SIGTERM", current);
    termAt = performance.now();
  }
  while (performance.now() - termAt < o.graceMs && target.isAnyAlive(current))
    await sleep(o.pollMs ?? 20);
  for (let round = 0; round < KILL_ROUNDS; round++) {
    current = [...new Set([...current.filter(isRunning), ...target.members()])];
    current.forEach((p) => all.add(p));
    if (current.length === 0 && !target.isAnyAlive([])) break;
    target.signalAll("SIGKILL", current);
    await sleep(o.pollMs ?? 20);
  }
  return { found: [...all], survivors: target.members().filter(isRunning) };
}

// The processes of a container: its cgroup's, and (with /proc) those in a leader's session or group, or
// started since the container with its marker in their environment.
function membersOf(
  cgroup: Cgroup | null,
  leaders: ReadonlySet<number>,
  marker: string,
  since: number,
  hasProc: boolean,
): number[] {
  const found = new Set<number>(cgroup?.members() ?? []);
  if (hasProc)
    for (const p of listProcesses()) {
      if (p.pid === process.pid || found.has(p.pid)) continue;
      if (leaders.has(p.sid) || leaders.has(p.pgid)) found.add(p.pid);
      else if (p.startTicks >= since && hasEnvironmentEntry(p.pid, marker))
        found.add(p.pid);
    }
  found.delete(process.pid);
  return [...found];
}

function buildContainment(
  token: string,
  cgroup: Cgroup | null,
  initialLeaders: readonly number[],
  platform: NodeJS.Platform,
  since: number,
): Containment {
  const leaders = new Set(initialLeaders);
  const marker = `${MARKER_PREFIX}${token}=1`;
  const hasProc = hasProcTable(platform);
  const target: SweepTarget = {
    members: () => membersOf(cgroup, leaders, marker, since, hasProc),
    isAnyAlive: (pids) =>
      hasProc
        ? pids.some(isRunning)
        : [...leaders].some((l) => isGroupAlive(l, platform)),
    signalAll(signal, pids) {
      if (signal === "SIGKILL") cgroup?.kill();
      for (const l of leaders) killProcessGroup(l, signal, platform);
      return pids.filter((pid) => send(pid, signal));
    },
  };
  // Set when a sweep left nothing running; a new process (adopt) clears it. close() then skips its sweep.
  let isClean = false;
  const sweep = async (o: SweepOptions): Promise<SweepReport> => {
    const report = await sweepOnce(target, o);
    isClean = report.survivors.length === 0;
    // Nothing of theirs is left, so their ids may be reused by unrelated processes: stop matching them.
    if (isClean) leaders.clear();
    return report;
  };
  return {
    kind: cgroup !== null ? "cgroup" : hasProc ? "sweep" : "group",
    token,
    env: { [`${MARKER_PREFIX}${token}`]: "1" },
    cgroupProcsFile: cgroup?.procsFile ?? null,
    adopt(pid) {
      leaders.add(pid);
      isClean = false;
    },
    members: target.members,
    signal: (signal) => target.signalAll(signal, target.members()),
    sweep,
    killNow: () => void target.signalAll("SIGKILL", target.members()),
    record: () => ({
      token,
      cgroup: cgroup?.dir ?? null,
      leaders: [...leaders],
    }),
    async close(o) {
      const report = isClean ? { found: [], survivors: [] } : await sweep(o);
      for (let i = 0; cgroup !== null && !cgroup.remove() && i < 50; i++)
        await sleep(o.pollMs ?? 20);
      return report;
    },
  };
}

// Whether a pid still runs (a zombie does not: it holds no resources and no pipes).
function isRunning(pid: number): boolean {
  const known = isRunningInTable(pid);
  if (known !== null) return known;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Sends a signal to one process; false when it is gone or not ours.
function send(pid: number, signal: NodeJS.Signals): boolean {
  if (!Number.isInteger(pid) || pid <= 1) return false;
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}
