import { describe, expect, it } from "vitest";
import { exitCodeFor } from "../../src/errors/codes.js";
import { formatAge, lockHeldError } from "../../src/lock/lock-held-error.js";
import { parseSidecar } from "../../src/lock/sidecar.js";

const now = new Date("2026-11-22T02:05:03.000Z");
const holder = {
  pid: 4242,
  host: "build-box",
  started_at: "2026-11-22T02:00:00.000Z",
  feature: "FEAT-2026-0001",
  command: "run",
  version: "0.4.0",
};

describe("lockHeldError (D-LOCK-4)", () => {
  it("D-LOCK-4: names pid, host, feature, start time and age; exit 3", () => {
    const e = lockHeldError({
      holder,
      host: "build-box",
      now,
      refreshedMsAgo: 2000,
    });
    expect(e.code).toBe("lock_held");
    expect(exitCodeFor(e.code)).toBe(3);
    expect(e.message).toBe(
      "another specfuse process holds the lock: pid 4242 on this host",
    );
    expect(e.detail).toBe(
      [
        "holder:  specfuse run --feature FEAT-2026-0001 (version 0.4.0)",
        "host:    build-box, pid 4242",
        "started: 2026-11-22T02:00:00.000Z (5m 3s ago)",
      ].join("\n"),
    );
    expect(e.hint).toContain("wait for it to finish, or stop it (`kill 4242`)");
    expect(e.hint).toContain("specfuse status");
    expect(e.hint).toContain("--dry-run");
  });

  it("D-LOCK-4: a holder on another host is named by its host", () => {
    const e = lockHeldError({
      holder,
      host: "laptop",
      now,
      refreshedMsAgo: null,
    });
    expect(e.message).toContain("pid 4242 on build-box");
    expect(e.hint).toContain("`kill 4242` on build-box");
  });

  it("D-LOCK-4: without a sidecar, says the lock goes stale 30 s after its last refresh", () => {
    const e = lockHeldError({
      holder: null,
      host: "x",
      now,
      refreshedMsAgo: 12_000,
    });
    expect(e.code).toBe("lock_held");
    expect(e.detail).toContain("no sidecar");
    expect(e.detail).toContain("last refreshed 12s ago");
    expect(e.hint).toContain("stale 30 s after its last refresh");
    expect(e.hint).toContain("--dry-run");
  });
});

describe("formatAge", () => {
  it.each([
    [0, "0s"],
    [42_900, "42s"],
    [303_000, "5m 3s"],
    [7_440_000, "2h 4m"],
    [266_400_000, "3d 2h"],
    [-5, "0s"],
  ])("%d ms → %s", (ms, want) => {
    expect(formatAge(ms)).toBe(want);
  });
});

describe("parseSidecar (D-LOCK-2)", () => {
  it("reads a sidecar", () => {
    expect(parseSidecar(JSON.stringify(holder))).toStrictEqual(holder);
  });

  it.each([
    ["not JSON", "{"],
    ["no pid", '{"host": "x"}'],
    ["pid 0", '{"pid": 0, "host": "x"}'],
    ["negative pid", '{"pid": -1, "host": "x"}'],
    ["no host", '{"pid": 12}'],
    ["an array", "[1]"],
  ])("rejects %s", (_name, text) => {
    expect(parseSidecar(text)).toBeNull();
  });

  it("fills missing optional fields", () => {
    expect(parseSidecar('{"pid": 7, "host": "h"}')).toStrictEqual({
      pid: 7,
      host: "h",
      started_at: "",
      feature: null,
      command: "",
      version: "",
    });
  });
});
