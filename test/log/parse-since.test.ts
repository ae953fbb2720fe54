import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { parseSince } from "../../src/log/parse-since.js";

const now = new Date("2026-11-22T12:00:00.000Z");

describe("log --since (cli.md §3.7)", () => {
  it.each([
    ["90s", 90_000],
    ["30m", 1_800_000],
    ["2h", 7_200_000],
    ["1d", 86_400_000],
    ["1.5h", 5_400_000],
  ])("an age %s counts back from now", (value, ms) => {
    expect(parseSince(value, now)).toBe(now.getTime() - ms);
  });

  it.each([
    ["2026-11-22T10:30:00Z", Date.UTC(2026, 10, 22, 10, 30)],
    ["2026-11-22T10:30:00.250Z", Date.UTC(2026, 10, 22, 10, 30, 0, 250)],
    ["2026-11-22T10:30:00+02:00", Date.UTC(2026, 10, 22, 8, 30)],
    ["2026-11-22T10:30-0130", Date.UTC(2026, 10, 22, 12, 0)],
    ["2026-11-22T02:01:24.506000+00:00", Date.UTC(2026, 10, 22, 2, 1, 24, 506)],
  ])("a date-time with an offset %s is exact", (value, t) => {
    expect(parseSince(value, now)).toBe(t);
  });

  it("a date alone is local midnight, a date-time without offset is local time", () => {
    expect(parseSince("2026-11-20", now)).toBe(
      new Date(2026, 10, 20).getTime(),
    );
    expect(parseSince("2026-11-20T14:05", now)).toBe(
      new Date(2026, 10, 20, 14, 5).getTime(),
    );
    expect(parseSince("2026-11-20 14:05:09", now)).toBe(
      new Date(2026, 10, 20, 14, 5, 9).getTime(),
    );
  });

  it.each([
    "3x",
    "",
    "yesterday",
    "2026-13-01",
    "2026-02-30",
    "2026-11-22T25:00",
    "-5m",
    "1w",
  ])("C-LOG-4 %j is a usage error (64)", (value) => {
    try {
      parseSince(value, now);
      expect.unreachable();
    } catch (e) {
      expect(isSpecfuseError(e) && e.code).toBe("usage");
    }
  });
});
