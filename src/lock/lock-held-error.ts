import { SpecfuseError } from "../errors/specfuse-error.js";
import { LOCK_OPTIONS } from "./lock-options.js";
import type { LockHolder } from "./sidecar.js";

// A duration for people: `42s`, `5m 3s`, `2h 4m`, `3d 2h`.
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** What is known about the process holding the lock. */
export interface LockHeldFacts {
  /** The sidecar, or null when there is none (or it cannot be read). */
  holder: LockHolder | null;
  /** This process's host, to say whether the holder's pid could be checked. */
  host: string;
  now: Date;
  /** Milliseconds since the lock directory was last refreshed, when known. */
  refreshedMsAgo: number | null;
}

// The `lock_held` error (exit 3) of D-LOCK-4: who holds the lock, since when, and what to do.
export function lockHeldError(facts: LockHeldFacts): SpecfuseError {
  const { holder } = facts;
  const tail =
    "`specfuse status` shows the lock holder, and `--dry-run` still works while the lock is held";
  if (holder === null) {
    const staleS = LOCK_OPTIONS.stale / 1000;
    const refreshed =
      facts.refreshedMsAgo === null
        ? ""
        : `; it was last refreshed ${formatAge(facts.refreshedMsAgo)} ago`;
    return new SpecfuseError({
      code: "lock_held",
      message: "another specfuse process holds the lock",
      detail: `.specfuse/.loop.lock exists, but there is no sidecar (.specfuse/.loop.lock.json) naming its holder${refreshed}`,
      hint: `the lock goes stale ${staleS} s after its last refresh: wait and try again, or stop the other process; ${tail}`,
    });
  }
  const started = Date.parse(holder.started_at);
  const age = Number.isNaN(started)
    ? ""
    : ` (${formatAge(facts.now.getTime() - started)} ago)`;
  const where = holder.host === facts.host ? "this host" : holder.host;
  return new SpecfuseError({
    code: "lock_held",
    message: `another specfuse process holds the lock: pid ${holder.pid} on ${where}`,
    detail: [
      `holder:  specfuse ${holder.command || "?"}${holder.feature === null ? "" : ` --feature ${holder.feature}`} (version ${holder.version || "?"})`,
      `host:    ${holder.host}, pid ${holder.pid}`,
      `started: ${holder.started_at || "unknown"}${age}`,
    ].join("\n"),
    hint: `wait for it to finish, or stop it (\`kill ${holder.pid}\`${holder.host === facts.host ? "" : ` on ${holder.host}`}); ${tail}`,
  });
}
