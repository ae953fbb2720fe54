import { describe, expect, it } from "vitest";
import {
  keysFromRecord,
  keysRecord,
  NO_KEYS,
  withKeys,
  withStatus,
} from "../../src/driver/unit/driver-keys.js";

describe("driver keys (D-ATT-3: remembered, re-applied after a restore)", () => {
  it("a known key keeps its place with the new value; a new key goes last; the list is never mutated", () => {
    const a = withStatus(NO_KEYS, "in_progress", [["attempts", 1]]);
    const b = withKeys(a, [
      ["duration_seconds", 1.5],
      ["attempts", 2],
    ]);
    const c = withStatus(b, "done");
    expect(a).toStrictEqual([
      ["status", "in_progress"],
      ["attempts", 1],
    ]);
    expect(c).toStrictEqual([
      ["status", "done"],
      ["attempts", 2],
      ["duration_seconds", 1.5],
    ]);
    expect(NO_KEYS).toStrictEqual([]);
  });

  it("round-trips through the checkpoint's driver_keys in order", () => {
    const keys = withStatus(NO_KEYS, "pending", [
      ["attempts", 3],
      ["cost_usd", 0.25],
    ]);
    const record = keysRecord(keys);
    expect(Object.keys(record)).toStrictEqual([
      "status",
      "attempts",
      "cost_usd",
    ]);
    expect(keysFromRecord(record)).toStrictEqual(keys);
  });
});
