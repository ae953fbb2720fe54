import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createTimers,
  createWakeup,
  MAX_DELAY_MS,
} from "../../src/exec/timers.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("createTimers", () => {
  it("keeps a limit longer than setTimeout's maximum (a 100,000-minute wall clock)", () => {
    vi.useFakeTimers();
    const timers = createTimers();
    let fired = 0;
    timers.set("wall", 100_000 * 60_000, () => (fired += 1));
    vi.advanceTimersByTime(MAX_DELAY_MS + 10);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(100_000 * 60_000 - MAX_DELAY_MS);
    expect(fired).toBe(1);
  });

  it("replaces a timer of the same name and clears by name or all", () => {
    vi.useFakeTimers();
    const timers = createTimers();
    const fired: string[] = [];
    timers.set("a", 100, () => fired.push("a1"));
    timers.set("a", 200, () => fired.push("a2"));
    timers.set("b", 50, () => fired.push("b"));
    timers.set("c", 50, () => fired.push("c"));
    timers.clear("b");
    vi.advanceTimersByTime(150);
    expect(fired).toStrictEqual(["c"]);
    vi.advanceTimersByTime(100);
    expect(fired).toStrictEqual(["c", "a2"]);
    timers.set("d", 10, () => fired.push("d"));
    timers.clear();
    vi.advanceTimersByTime(100);
    expect(fired).toStrictEqual(["c", "a2"]);
  });
});

describe("createWakeup", () => {
  it("a wake cuts a wait short; otherwise it times out", async () => {
    vi.useFakeTimers();
    const w = createWakeup();
    let isDone = false;
    const waiting = w.wait(10_000).then(() => (isDone = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(isDone).toBe(false);
    w.wake();
    await waiting;
    expect(isDone).toBe(true);
    const timedOut = w.wait(100);
    await vi.advanceTimersByTimeAsync(100);
    await expect(timedOut).resolves.toBeUndefined();
  });
});
