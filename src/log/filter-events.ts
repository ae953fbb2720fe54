import type { ReadEvent } from "../events/read-events.js";

/** Events of one file, in file order. */
export interface FileEvents {
  /** The feature folder's display path. */
  dir: string;
  events: readonly ReadEvent[];
}

/** An event with the feature folder it came from. */
export interface LogEvent extends ReadEvent {
  dir: string;
  /** Sort key: the timestamp, or the last good one before it in the same file. */
  sortTime: number;
}

/** The filters of `specfuse log` (cli.md §3.7). */
export interface LogFilter {
  /** Keep correlation ids starting with this (already expanded). */
  wuPrefix?: string;
  type?: string;
  /** Epoch ms; events before it (or without a readable time) are dropped. */
  since?: number;
  /** Keep the last n after filtering. */
  limit?: number;
}

// Merges several files by timestamp (stable: ties keep file order, then file order of the files); pure.
export function mergeEvents(files: readonly FileEvents[]): LogEvent[] {
  const all: LogEvent[] = [];
  for (const f of files) {
    let last = -Infinity;
    for (const e of f.events) {
      if (e.time !== null) last = e.time;
      all.push({ ...e, dir: f.dir, sortTime: last });
    }
  }
  return all
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.sortTime - b.e.sortTime || a.i - b.i)
    .map(({ e }) => e);
}

// Applies --wu, --type and --since, then --limit (the last n); pure.
export function filterEvents(
  events: readonly LogEvent[],
  filter: LogFilter,
): LogEvent[] {
  const kept = events.filter(
    (e) =>
      (filter.wuPrefix === undefined ||
        e.event.correlation_id.startsWith(filter.wuPrefix)) &&
      (filter.type === undefined || e.event.event_type === filter.type) &&
      (filter.since === undefined ||
        (e.time !== null && e.time >= filter.since)),
  );
  return filter.limit === undefined ? kept : kept.slice(-filter.limit);
}
