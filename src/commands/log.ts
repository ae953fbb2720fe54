import { setTimeout as sleep } from "node:timers/promises";
import type { ReadEvent } from "../events/read-events.js";
import {
  filterEvents,
  mergeEvents,
  type FileEvents,
  type LogEvent,
  type LogFilter,
} from "../log/filter-events.js";
import { formatLogLine, localDate } from "../log/format-log-line.js";
import { parseSince } from "../log/parse-since.js";
import {
  logSource,
  planUnitIds,
  pollSource,
  skippedWarning,
  type LogSource,
} from "../log/read-logs.js";
import { exportLog, verifyLog } from "../log/audit-modes.js";
import { logMode } from "../log/log-modes.js";
import { wuPrefix } from "../log/wu-filter.js";
import { findFeature } from "../operator/find-feature.js";
import type { Context } from "../types/context.js";
import { requireRoot } from "../workspace/find-root.js";
import { listFeatures } from "../workspace/list-features.js";

/** Options of `specfuse log` (cli.md §3.7). */
export interface LogOptions {
  /** One feature (default: all, merged by timestamp). */
  feature?: string;
  /** Correlation-id prefix, or a unique unit-id suffix. */
  wu?: string;
  type?: string;
  /** ISO date or date-time, or an age (90s, 30m, 2h, 1d). */
  since?: string;
  /** The last n events after filtering. */
  limit?: number;
  /** Keep polling once a second; SIGINT ends it with exit 0. */
  follow?: boolean;
  /** Check the trail against git history (audit.md AU-VER-1). */
  verify?: boolean;
  /** Print every event with its commit, as `csv` or `jsonl` (AU-VER-3). */
  export?: "csv" | "jsonl";
  json?: boolean;
}

const POLL_MS = 1000;

// `specfuse log`: the audit trail from events.jsonl (driver §32 D-LOG-1).
export async function log(options: LogOptions, ctx: Context): Promise<void> {
  const mode = logMode(options);
  const since =
    options.since === undefined
      ? undefined
      : parseSince(options.since, ctx.now());
  const gather = async () => {
    const root = requireRoot(ctx.cwd);
    const all = await listFeatures(root);
    const targets =
      options.feature === undefined
        ? all
        : [await findFeature(root, ctx.cwd, all, options.feature)];
    return { root, targets };
  };
  if (mode === "verify") return verifyLog(gather, ctx);
  const { root, targets } = await gather();
  const sources = targets.map(logSource);
  const first = sources.map((s) => readOnce(s, ctx));
  const filter: LogFilter = { type: options.type, since };
  if (options.wu !== undefined) {
    const ids = (await Promise.all(targets.map(planUnitIds))).flat();
    const seen = first.flatMap((f) =>
      f.events.map((e) => e.event.correlation_id),
    );
    filter.wuPrefix = wuPrefix(options.wu, ids, seen);
  }
  if (mode === "export")
    return exportLog(
      root,
      targets,
      options.export ?? "jsonl",
      { ...filter, limit: options.limit },
      ctx,
    );
  const printer = createPrinter(ctx);
  printer.print(
    filterEvents(mergeEvents(first), { ...filter, limit: options.limit }),
  );
  if (mode === "follow")
    await follow(
      sources,
      filter,
      options.feature === undefined,
      root,
      ctx,
      printer,
    );
}

interface Printer {
  print(events: readonly LogEvent[]): void;
}

// Text lines with a day header whenever the local date changes, or the raw stored lines under --json (C-LOG-2).
function createPrinter(ctx: Context): Printer {
  let day: string | null = null;
  return {
    print(events) {
      for (const e of events) {
        if (ctx.isJson) {
          ctx.out.raw(`${e.raw}\n`);
          continue;
        }
        if (e.time !== null && localDate(e.time) !== day) {
          day = localDate(e.time);
          ctx.out.result(ctx.out.paint.dim(`-- ${day} --`));
        }
        ctx.out.result(formatLogLine(e.event, e.time, ctx.out.paint));
      }
    },
  };
}

function readOnce(source: LogSource, ctx: Context): FileEvents {
  const tail = pollSource(source);
  if (tail.isTruncated)
    ctx.log.warn(
      `${source.file} was truncated or rewritten; reading it again from the top`,
    );
  if (tail.skippedLines.length > 0)
    ctx.log.warn(skippedWarning(source.file, tail.skippedLines));
  return { dir: source.feature.dir, events: tail.events as ReadEvent[] };
}

// Polls every source once a second until the signal fires (SIGINT: exit 0); new feature folders join when no --feature was given.
async function follow(
  sources: LogSource[],
  filter: LogFilter,
  isAllFeatures: boolean,
  root: string,
  ctx: Context,
  printer: Printer,
): Promise<void> {
  for (;;) {
    try {
      await sleep(POLL_MS, undefined, { signal: ctx.signal });
    } catch {
      return;
    }
    if (isAllFeatures) {
      const known = new Set(sources.map((s) => s.feature.name));
      for (const f of await listFeatures(root))
        if (!known.has(f.name)) sources.push(logSource(f));
    }
    printer.print(
      filterEvents(mergeEvents(sources.map((s) => readOnce(s, ctx))), filter),
    );
  }
}
