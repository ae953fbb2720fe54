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
      active.set(
        name,
        setTimeout(() => {
          active.delete(name);
          fn();
        }, ms),
      );
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
