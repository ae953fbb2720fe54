import { setTimeout as sleep } from "node:timers/promises";
import type { StoredEvent } from "../events/event-types.js";
import { parseEventLine } from "../events/read-events.js";
import { deliveryId } from "./delivery-id.js";
import {
  appendHooksLog,
  hookPaths,
  readOutboxText,
  writeOutboxText,
  type HookPaths,
} from "./hook-files.js";
import { hooksFor } from "./match-hooks.js";
import {
  dropReason,
  hooksLogLine,
  OUTBOX_MAX_TRIES,
  parseOutbox,
  serializeOutbox,
  type HooksLogRecord,
  type OutboxEntry,
} from "./outbox.js";
import {
  tryDelivery,
  type DeliveryJob,
  type TryContext,
} from "./try-delivery.js";

/** How a command's hooks are delivered (audit.md AU-HOOK-2..10). */
export interface HookDispatcherOptions extends TryContext {
  /** The feature folder, absolute: `work/hooks-outbox.jsonl` and `work/hooks.log` live under it. */
  featureAbs: string;
  now: () => Date;
  /** The waits before the second and third tries (AU-HOOK-6: 2 s, 8 s, from `ctx.timings`). */
  retryDelaysMs: readonly number[];
  /** How long `drain` waits for deliveries in flight (AU-HOOK-7: 10 s). */
  drainMs: number;
  /** Tries in flight at once. @default 4 */
  concurrency?: number;
}

/** `specfuse.run/1` `hooks` (AU-HOOK-10). */
export interface HookSummary {
  delivered: number;
  /** Deliveries that ended undelivered in this command: rejected, queued or dropped. */
  failed: number;
  /** Entries waiting in the outbox for the next run, arm or unblock. */
  queued: number;
}

/** The subscriber side of hooks: the transition service calls `deliver` right after each append. */
export interface HookDispatcher {
  /** Loads the outbox and puts its entries first in their hooks' queues; await it before the first `deliver` (AU-HOOK-8). */
  retryOutbox(): Promise<void>;
  /** Queues the event for every matching hook; returns at once (AU-HOOK-5). */
  deliver(line: string, event: StoredEvent): void;
  /** Waits ≤ drainMs for deliveries in flight (none when killed), queues the rest, writes the files (AU-HOOK-7). */
  drain(options?: { isKilled?: boolean }): Promise<HookSummary>;
  summary(): HookSummary;
}

interface Job extends DeliveryJob {
  tries: number;
  firstFailedAt: string | null;
  lastError: string;
  fromOutbox: boolean;
}

interface Lane {
  queue: Job[];
  running: Promise<void> | null;
}

// Everything one dispatcher shares between its lanes.
interface State {
  options: HookDispatcherOptions;
  paths: HookPaths;
  lanes: Map<string, Lane>;
  /** Fired by drain's deadline, or at once on a kill: tries are aborted and nothing new starts. */
  cut: AbortController;
  counts: { delivered: number; failed: number };
  outbox: OutboxEntry[];
  isDraining: boolean;
  /** File writes, one after another. */
  io: Promise<void>;
  slots: Slots;
}

type EventKey = Pick<StoredEvent, "event_type" | "correlation_id">;

function serial(state: State, step: () => Promise<void>): void {
  state.io = state.io.then(step).catch(() => undefined);
}

function record(
  state: State,
  hook: string,
  event: EventKey,
  result: HooksLogRecord["result"],
  detail: string,
): void {
  const line = hooksLogLine({
    time: state.options.now(),
    hook,
    eventType: event.event_type,
    correlationId: event.correlation_id,
    result,
    detail,
  });
  serial(state, () => appendHooksLog(state.paths.log, line));
}

function log(
  state: State,
  job: Job,
  result: HooksLogRecord["result"],
  detail: string,
): void {
  record(state, job.hook.name, job.event, result, detail);
}

function saveOutbox(state: State): void {
  const text = serializeOutbox(state.outbox);
  serial(state, () => writeOutboxText(state.paths.outbox, text));
}

function forget(state: State, job: Job): void {
  const before = state.outbox.length;
  state.outbox = state.outbox.filter(
    (e) => !(e.hook === job.hook.name && e.delivery === job.delivery),
  );
  if (state.outbox.length !== before) saveOutbox(state);
}

// A delivery that did not get through: into the outbox for the next command, or dropped after 10 tries (AU-HOOK-8).
function enqueueOutbox(state: State, job: Job, why: string): void {
  state.counts.failed++;
  if (job.tries >= OUTBOX_MAX_TRIES) {
    log(state, job, "dropped", `${job.tries} tries; last: ${job.lastError}`);
    forget(state, job);
    return;
  }
  const entry: OutboxEntry = {
    version: 1,
    hook: job.hook.name,
    delivery: job.delivery,
    event: job.line,
    tries: job.tries,
    first_failed_at: job.firstFailedAt ?? state.options.now().toISOString(),
    last_error: job.lastError || why,
  };
  state.outbox = [
    ...state.outbox.filter(
      (e) => !(e.hook === entry.hook && e.delivery === entry.delivery),
    ),
    entry,
  ];
  log(state, job, "queued", why);
  saveOutbox(state);
}

// One delivery with its retries (AU-HOOK-6); "cut" when drain's deadline or a kill stopped it.
async function runJob(state: State, job: Job): Promise<"finished" | "cut"> {
  const { options, cut } = state;
  const budget = Math.max(
    1,
    Math.min(options.retryDelaysMs.length + 1, OUTBOX_MAX_TRIES - job.tries),
  );
  for (let i = 0; i < budget; i++) {
    const outcome = await state.slots.run(() =>
      cut.signal.aborted ? null : tryDelivery(job, options, cut.signal),
    );
    if (outcome === null) return "cut";
    job.tries++;
    if (outcome.result === "delivered") {
      state.counts.delivered++;
      if (job.fromOutbox) forget(state, job);
      return "finished";
    }
    if (outcome.result === "rejected") {
      state.counts.failed++;
      log(state, job, "rejected", outcome.detail);
      forget(state, job);
      return "finished";
    }
    job.lastError = outcome.detail;
    job.firstFailedAt ??= options.now().toISOString();
    log(state, job, "failed", outcome.detail);
    const delay = options.retryDelaysMs[i];
    if (cut.signal.aborted) return "cut";
    if (i + 1 >= budget || delay === undefined) break;
    log(state, job, "retry", `try ${job.tries + 1} in ${delay / 1000} s`);
    try {
      await sleep(delay, undefined, { signal: cut.signal });
    } catch {
      return "cut";
    }
  }
  enqueueOutbox(state, job, `after ${job.tries} tries`);
  return "finished";
}

// One hook's deliveries in order (AU-HOOK-5); a cut leaves the rest in the queue for drain.
async function runLane(state: State, lane: Lane): Promise<void> {
  while (lane.queue.length > 0 && !state.cut.signal.aborted) {
    const job = lane.queue[0] as Job;
    let result: "finished" | "cut";
    try {
      result = await runJob(state, job);
    } catch (error) {
      job.lastError = `internal error: ${error instanceof Error ? error.message : String(error)}`;
      enqueueOutbox(state, job, job.lastError);
      result = "finished";
    }
    if (result === "cut") break;
    lane.queue.shift();
  }
  lane.running = null;
}

function push(state: State, job: Job): void {
  if (state.isDraining) {
    enqueueOutbox(state, job, "the command was ending");
    return;
  }
  let lane = state.lanes.get(job.hook.name);
  if (lane === undefined) {
    lane = { queue: [], running: null };
    state.lanes.set(job.hook.name, lane);
  }
  lane.queue.push(job);
  lane.running ??= runLane(state, lane);
}

async function retryOutbox(state: State): Promise<void> {
  const text = await readOutboxText(state.paths.outbox).catch(() => null);
  if (text === null) return;
  const { hooks, now } = state.options;
  const names = new Set(hooks.map((h) => h.name));
  const jobs: Job[] = [];
  let isDropped = false;
  for (const entry of parseOutbox(text).entries) {
    const hook = hooks.find((h) => h.name === entry.hook);
    const event = parseEventLine(entry.event);
    const drop =
      event === null
        ? "the event line does not read"
        : dropReason(entry, names, now());
    if (hook === undefined || event === null || drop !== null) {
      record(
        state,
        entry.hook,
        event ?? { event_type: "?", correlation_id: "?" },
        "dropped",
        drop ?? "",
      );
      state.counts.failed++;
      isDropped = true;
      continue;
    }
    state.outbox.push(entry);
    jobs.push({
      hook,
      line: entry.event,
      event,
      delivery: entry.delivery,
      tries: entry.tries,
      firstFailedAt: entry.first_failed_at,
      lastError: entry.last_error,
      fromOutbox: true,
    });
  }
  if (isDropped) saveOutbox(state);
  for (const job of jobs) push(state, job);
}

async function drain(state: State, isKilled: boolean): Promise<void> {
  state.isDraining = true;
  const running = () =>
    Promise.all(
      [...state.lanes.values()].map((l) => l.running ?? Promise.resolve()),
    );
  if (!isKilled) {
    const deadline = sleep(state.options.drainMs, "late" as const, {
      signal: state.cut.signal,
    }).catch(() => "late" as const);
    await Promise.race([running(), deadline]);
  }
  state.cut.abort();
  await running();
  const why = isKilled
    ? "the command was stopped"
    : `still in flight after ${state.options.drainMs / 1000} s`;
  for (const lane of state.lanes.values())
    for (const job of lane.queue.splice(0)) enqueueOutbox(state, job, why);
  await state.io;
}

// Builds the dispatcher of one command for one feature; every hook failure stays inside it (AU-HOOK-5: never an exit code).
export function createHookDispatcher(
  options: HookDispatcherOptions,
): HookDispatcher {
  const state: State = {
    options,
    paths: hookPaths(options.featureAbs),
    lanes: new Map(),
    cut: new AbortController(),
    counts: { delivered: 0, failed: 0 },
    outbox: [],
    isDraining: false,
    io: Promise.resolve(),
    slots: createSlots(options.concurrency ?? 4),
  };
  const summary = (): HookSummary => ({
    ...state.counts,
    queued: state.outbox.length,
  });
  return {
    retryOutbox: () => retryOutbox(state),
    deliver(line, event) {
      const text = line.replace(/\r?\n$/, "");
      for (const hook of hooksFor(options.hooks, event.event_type))
        push(state, {
          hook,
          line: text,
          event,
          delivery: deliveryId(options.featureDir, text),
          tries: 0,
          firstFailedAt: null,
          lastError: "",
          fromOutbox: false,
        });
    },
    async drain(drainOptions = {}) {
      await drain(state, drainOptions.isKilled === true);
      return summary();
    },
    summary,
  };
}

/** A counting semaphore. */
interface Slots {
  run<T>(work: () => Promise<T> | T): Promise<T>;
}

// At most `n` tries at once; the rest wait their turn in order (a finishing try hands its slot to the next).
function createSlots(n: number): Slots {
  let active = 0;
  const waiting: Array<() => void> = [];
  return {
    async run(work) {
      if (active < n) active++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        const next = waiting.shift();
        if (next === undefined) active--;
        else next();
      }
    },
  };
}
