// A promise-based sleep that an event can cut short.
export function createWakeup(): {
  wake(): void;
  wait(ms: number): Promise<void>;
} {
  let resolveCurrent: (() => void) | null = null;
  return {
    wake() {
      resolveCurrent?.();
    },
    wait(ms) {
      return new Promise<void>((resolve) => {
        const t = setTimeout(done, ms);
        function done() {
          clearTimeout(t);
          resolveCurrent = null;
          resolve();
        }
        resolveCurrent = done;
      });
    },
  };
}

// The longest delay setTimeout honours.
export const MAX_DELAY_MS = 2_147_483_647;

// Named one-shot timers that replace each other and clear together.
export function createTimers(): {
  set(name: string, ms: number, fn: () => void): void;
  clear(...names: string[]): void;
} {
  const active = new Map<string, NodeJS.Timeout>();
  return {
    set(name, ms, fn) {
      const old = active.get(name);
      if (old !== undefined) clearTimeout(old);
      // setTimeout fires at once beyond 2^31-1 ms, so long limits are armed in steps.
      const arm = (left: number) =>
        active.set(
          name,
          setTimeout(
            () => {
              if (left > MAX_DELAY_MS) return arm(left - MAX_DELAY_MS);
              active.delete(name);
              fn();
            },
            Math.min(left, MAX_DELAY_MS),
          ),
        );
      arm(ms);
    },
    clear(...names) {
      for (const name of names.length === 0 ? [...active.keys()] : names) {
        const t = active.get(name);
        if (t !== undefined) clearTimeout(t);
        active.delete(name);
      }
    },
  };
}
