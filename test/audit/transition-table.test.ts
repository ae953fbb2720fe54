import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ENTITY_STATUSES,
  HAND_EDITS,
  TRANSITION_ROWS,
  checkTransition,
  isLegalChange,
  isReachableByHandEdits,
  rowsFor,
  transitionEventTypes,
  transitionMessage,
  type Entity,
} from "../../src/audit/transition-table.js";

describe("the transition table (AU-TAB-1)", () => {
  it("has the 18 rows U1–U9, G1–G4, P1–P5, every status a known one", () => {
    expect(TRANSITION_ROWS.map((r) => r.id)).toStrictEqual([
      ..."123456789".split("").map((n) => `U${n}`),
      "G1",
      "G2",
      "G3",
      "G4",
      "P1",
      "P2",
      "P3",
      "P4",
      "P5",
    ]);
    for (const r of TRANSITION_ROWS) {
      expect(ENTITY_STATUSES[r.entity]).toContain(r.to);
      for (const f of r.from)
        if (f !== null) expect(ENTITY_STATUSES[r.entity]).toContain(f);
    }
  });

  it.each<[Entity, string | null, string, string, boolean]>([
    ["unit", "pending", "in_progress", "run", true],
    ["unit", "ready", "in_progress", "run", true],
    ["unit", "in_progress", "done", "run", true],
    ["unit", "abandoned", "done", "run", false],
    ["unit", "draft", "pending", "arm", true],
    ["unit", "draft", "pending", "run", false],
    ["unit", null, "draft", "agent", true],
    ["unit", null, "pending", "agent", false],
    ["unit", "blocked_human", "pending", "unblock", true],
    ["unit", "blocked_human", "pending", "run", false],
    ["gate", "awaiting_review", "passed", "run", true],
    ["gate", "open", "passed", "arm", false],
    ["gate", "awaiting_review", "open", "unblock", true],
    ["feature", "active", "done", "agent", true],
    ["feature", "done", "active", "run", true],
    ["feature", "active", "complete", "run", true],
    ["feature", "planned", "active", "run", false],
  ])("%s %s → %s by %s is legal: %s", (entity, from, to, by, legal) => {
    expect(isLegalChange({ entity, from, to }, by)).toBe(legal);
  });

  it("AU-TR-2 a forbidden change gets the one message the service prints", () => {
    const change = {
      entity: "unit" as const,
      id: "FEAT-2026-0001/T01",
      from: "abandoned",
      to: "done",
    };
    expect(checkTransition(change, "run")).toStrictEqual({
      change,
      by: "run",
      message:
        "illegal transition unit FEAT-2026-0001/T01: abandoned → done (by run)",
    });
    expect(
      checkTransition({ ...change, from: "in_progress" }, "run"),
    ).toBeNull();
    expect(
      transitionMessage(
        { ...change, from: null, to: "draft" },
        "run",
        "pending",
      ),
    ).toBe(
      "illegal transition unit FEAT-2026-0001/T01: ∅ → draft (by run); expected pending",
    );
    expect(
      rowsFor({ entity: "gate", from: "open", to: "awaiting_review" }, "run")[0]
        ?.events,
    ).toStrictEqual(["gate_reached", "human_escalation"]);
  });

  it("names the events that carry transitions, the new ones included", () => {
    expect(transitionEventTypes()).toEqual(
      expect.arrayContaining([
        "feature_adopted",
        "terminal_flips",
        "plan_reverted",
        "feature_completed",
        "task_completed",
      ]),
    );
  });
});

describe("hand edits (AU-TAB-2)", () => {
  it.each<[Entity, string | null, string, boolean]>([
    ["unit", null, "ready", true],
    ["unit", "draft", "in_review", true],
    ["unit", "pending", "done", true],
    ["unit", "blocked_human", "ready", true],
    ["unit", "done", "pending", false],
    ["unit", "abandoned", "pending", false],
    ["unit", "pending", "blocked_human", false],
    ["unit", "pending", "in_progress", false],
    ["gate", null, "passed", true],
    ["gate", "passed", "open", true],
    ["gate", "open", "awaiting_review", false],
    ["feature", null, "active", true],
    ["feature", "active", "deferred", true],
    ["feature", "blocked", "planned", true],
    ["feature", "deferred", "abandoned", true],
    ["feature", "done", "active", false],
    ["feature", "active", "complete", false],
  ])("%s %s ⇝ %s: %s", (entity, from, to, reachable) => {
    expect(isReachableByHandEdits(entity, from, to)).toBe(reachable);
  });

  it("in_review → done only in a gate without drafts", () => {
    expect(
      isReachableByHandEdits("unit", "pending", "done", {
        hasDraftInGate: true,
      }),
    ).toBe(false);
    expect(
      isReachableByHandEdits("unit", "in_review", "done", {
        hasDraftInGate: false,
      }),
    ).toBe(true);
  });

  it("reachability is reflexive and transitive (property)", () => {
    const entities: Entity[] = ["unit", "gate", "feature"];
    fc.assert(
      fc.property(
        fc.constantFrom(...entities),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (entity, i, j, k) => {
          const s = [null, ...ENTITY_STATUSES[entity]];
          const [a, b, c] = [
            s[i % s.length] ?? null,
            s[j % s.length] ?? null,
            s[k % s.length] ?? null,
          ];
          expect(isReachableByHandEdits(entity, a, a)).toBe(true);
          if (
            isReachableByHandEdits(entity, a, b) &&
            isReachableByHandEdits(entity, b, c)
          )
            expect(isReachableByHandEdits(entity, a, c)).toBe(true);
        },
      ),
    );
  });

  it("no hand edit enters a status only the driver writes", () => {
    const driverOnly = [
      "in_progress",
      "blocked_human",
      "awaiting_review",
      "complete",
    ];
    expect(HAND_EDITS.filter((e) => driverOnly.includes(e.to))).toStrictEqual(
      [],
    );
  });
});
