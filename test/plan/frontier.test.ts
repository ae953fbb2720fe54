import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  readyFrontier,
  unfinishedReasons,
  type SchedulableUnit,
} from "../../src/plan/frontier.js";

describe("readyFrontier (driver D-WALK-2)", () => {
  const units: SchedulableUnit[] = [
    { id: "A", status: "pending", dependsOn: [] },
    { id: "B", status: "ready", dependsOn: ["A"] },
    { id: "C", status: "done", dependsOn: [] },
    { id: "D", status: "pending", dependsOn: ["C"] },
    { id: "E", status: "draft", dependsOn: [] },
  ];

  it("keeps graph order and needs every dependency done", () => {
    expect(readyFrontier(units, new Set(["C"])).map((u) => u.id)).toStrictEqual(
      ["A", "D"],
    );
    expect(
      readyFrontier(units, new Set(["A", "C"])).map((u) => u.id),
    ).toStrictEqual(["A", "B", "D"]);
  });

  it("property: never yields a unit with an unmet dependency (A-TEST-5)", () => {
    const arb = fc.array(
      fc.record({
        status: fc.constantFrom(
          "pending",
          "ready",
          "done",
          "draft",
          "blocked_human",
          "in_progress",
        ),
        deps: fc.array(fc.nat(9), { maxLength: 3 }),
      }),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(arb, fc.array(fc.nat(9)), (specs, doneIdx) => {
        const list = specs.map((s, i) => ({
          id: `U${i}`,
          status: s.status,
          dependsOn: s.deps.map((d) => `U${d}`),
        }));
        const done = new Set(doneIdx.map((d) => `U${d}`));
        return readyFrontier(list, done).every(
          (u) =>
            u.dependsOn.every((d) => done.has(d)) &&
            ["pending", "ready"].includes(u.status),
        );
      }),
    );
  });
});

describe("unfinishedReasons (driver D-WALK-5)", () => {
  it("follows a chain of waits to its root", () => {
    const gate: SchedulableUnit[] = [
      { id: "A", status: "blocked_human", dependsOn: [] },
      { id: "B", status: "pending", dependsOn: ["A"] },
      { id: "C", status: "pending", dependsOn: ["B"] },
      { id: "D", status: "done", dependsOn: [] },
    ];
    const status = new Map(gate.map((u) => [u.id, u.status]));
    const reasons = unfinishedReasons(
      gate,
      (id) => status.get(id),
      (id) => status.has(id),
    );
    expect(reasons.map((r) => [r.id, r.reason])).toStrictEqual([
      ["A", "blocked_human"],
      ["B", "waiting on A (blocked_human)"],
      ["C", "waiting on A (blocked_human)"],
    ]);
  });

  it("reports an earlier-gate dependency that is not done", () => {
    const gate: SchedulableUnit[] = [
      { id: "B", status: "pending", dependsOn: ["OLD"] },
    ];
    const reasons = unfinishedReasons(
      gate,
      (id) => (id === "OLD" ? "pending" : undefined),
      () => false,
    );
    expect(reasons[0]?.reason).toBe("waiting on OLD (pending)");
  });
});

describe("unfinishedReasons on a diamond (regression)", () => {
  it("does not report a dependency reached twice as a dead end", () => {
    const gate: SchedulableUnit[] = [
      { id: "T01", status: "pending", dependsOn: [] },
      { id: "T02", status: "pending", dependsOn: ["T01"] },
      { id: "CLOSE", status: "pending", dependsOn: ["T01", "T02"] },
    ];
    const status = new Map(gate.map((u) => [u.id, u.status]));
    const reasons = unfinishedReasons(
      gate,
      (id) => status.get(id),
      (id) => status.has(id),
    );
    expect(reasons.map((r) => r.root)).toStrictEqual([null, null, null]);
  });
});
