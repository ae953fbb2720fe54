// How long a synchronous stretch may run before it lets signal handlers and timers in (issue 9: SIGINT and
// SIGTERM stop status, lint and the dry run within a second).
export const YIELD_EVERY_MS = 50;

/** A cheap check to call inside long loops; it resolves at once unless a turn of the event loop is due. */
export type Yielder = () => Promise<void>;

// A yielder for one long job: every `everyMs` of work it waits one macrotask turn (setImmediate), so a
// pending signal is handled even when every read in the loop is synchronous.
export function createYielder(everyMs: number = YIELD_EVERY_MS): Yielder {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

// One macrotask turn now, between two long synchronous steps.
export function yieldToEvents(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
