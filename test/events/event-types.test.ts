import { describe, expect, it } from "vitest";
import {
  EVENT_TYPES,
  isEventType,
  normalizeOutcome,
  WRITTEN_EVENT_TYPES,
} from "../../src/events/event-types.js";
import { EVENT_PAYLOAD_SCHEMAS } from "../../src/schemas/events.js";

describe("event catalogue (formats.md F-EV-3)", () => {
  it("knows every catalogue type, and only those", () => {
    expect(EVENT_TYPES.every(isEventType)).toBe(true);
    expect(isEventType("zero_token_skip")).toBe(false);
    expect(isEventType("")).toBe(false);
  });

  it("writes every type but replan and blocked_human, each with a payload schema", () => {
    expect(WRITTEN_EVENT_TYPES).not.toContain("replan");
    expect(WRITTEN_EVENT_TYPES).not.toContain("blocked_human");
    expect([...WRITTEN_EVENT_TYPES].sort()).toStrictEqual(
      Object.keys(EVENT_PAYLOAD_SCHEMAS).sort(),
    );
  });

  it.each<[unknown, string | null]>([
    ["zero_token_skip", "zero_token"],
    ["zero_token", "zero_token"],
    ["passed", "passed"],
    [3, null],
    [undefined, null],
  ])(
    "F-EV-4 readers accept both zero-token spellings: %j → %j",
    (value, out) => {
      expect(normalizeOutcome(value)).toBe(out);
    },
  );
});
