import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  frontierRounds,
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

// The walk as the dry run first wrote it: a fresh frontier after each round (quadratic on a chain).
function naiveRounds(
  units: readonly SchedulableUnit[],
  done: ReadonlySet<string>,
): string[][] {
  const status = new Map(units.map((u) => [u.id, u.status]));
  const passed = new Set(done);
  const view = () =>
    units.map((u) => ({ ...u, status: status.get(u.id) ?? u.status }));
  const rounds: string[][] = [];
  for (
    let f = readyFrontier(view(), passed);
    f.length > 0;
    f = readyFrontier(view(), passed)
  ) {
    rounds.push(f.map((u) => u.id));
    for (const u of f) {
      status.set(u.id, "done");
      passed.add(u.id);
    }
  }
  return rounds;
}

// The recursive root search that unfinishedReasons replaced (a fresh walk per unit).
function naiveRoot(
  u: SchedulableUnit,
  gate: readonly SchedulableUnit[],
  statusOf: (id: string) => string | undefined,
  isCurrent: (id: string) => boolean,
  seen: Set<string>,
): string | null {
  seen.add(u.id);
  for (const dep of u.dependsOn) {
    const status = statusOf(dep) ?? "missing";
    if (status === "done") continue;
    if (
      ["blocked_human", "abandoned", "in_review", "draft"].includes(status) ||
      !isCurrent(dep)
    )
      return dep;
    const depUnit = gate.find((g) => g.id === dep);
    if (depUnit === undefined) return dep;
    if (seen.has(dep)) continue;
    const deeper = naiveRoot(depUnit, gate, statusOf, isCurrent, seen);
    if (deeper !== null) return deeper;
  }
  return null;
}

// Random acyclic gates: unit i depends only on lower indexes, plus a few ids from outside the gate.
const dagArb = fc.array(
  fc.record({
    status: fc.constantFrom(
      "pending",
      "ready",
      "done",
      "draft",
      "blocked_human",
      "in_progress",
      "abandoned",
      "in_review",
    ),
    deps: fc.array(fc.nat(30), { maxLength: 4 }),
  }),
  { maxLength: 14 },
);
const toGate = (specs: Array<{ status: string; deps: number[] }>) =>
  specs.map((s, i) => ({
    id: `U${i}`,
    status: s.status,
    dependsOn: s.deps.map((d) => (d < i ? `U${d}` : `X${d % 3}`)),
  }));

describe("linear frontier and reasons (issue 9: 10,000 units)", () => {
  it("property: frontierRounds equals a fresh readyFrontier after every round", () => {
    fc.assert(
      fc.property(dagArb, fc.array(fc.nat(30)), (specs, doneIdx) => {
        const gate = toGate(specs);
        const done = new Set([
          ...gate.filter((u) => u.status === "done").map((u) => u.id),
          ...doneIdx.filter((d) => d % 2 === 0).map((d) => `X${d % 3}`),
        ]);
        const fast = frontierRounds(gate, done).map((r) => r.map((u) => u.id));
        expect(fast).toStrictEqual(naiveRounds(gate, done));
      }),
    );
  });

  it("property: frontierRounds also agrees on graphs with cycles and self-dependencies", () => {
    const arb = fc.array(
      fc.record({
        status: fc.constantFrom("pending", "ready", "done", "draft"),
        deps: fc.array(fc.nat(9), { maxLength: 3 }),
      }),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const gate = specs.map((s, i) => ({
          id: `U${i}`,
          status: s.status,
          dependsOn: s.deps.map((d) => `U${d}`),
        }));
        const done = new Set(
          gate.filter((u) => u.status === "done").map((u) => u.id),
        );
        const fast = frontierRounds(gate, done).map((r) => r.map((u) => u.id));
        expect(fast).toStrictEqual(naiveRounds(gate, done));
      }),
    );
  });

  it("property: unfinishedReasons names the root the recursive search names, on acyclic gates", () => {
    fc.assert(
      fc.property(dagArb, fc.nat(2), (specs, outside) => {
        const gate = toGate(specs);
        const status = new Map<string, string>(
          gate.map((u) => [u.id, u.status]),
        );
        const outsideStatus = ["done", "pending", "blocked_human"][outside];
        const statusOf = (id: string) =>
          status.get(id) ?? (id === "X0" ? outsideStatus : undefined);
        const isCurrent = (id: string) => status.has(id);
        const fast = unfinishedReasons(gate, statusOf, isCurrent);
        for (const r of fast) {
          const unit = gate.find((u) => u.id === r.id) as SchedulableUnit;
          if (r.reason === r.status) continue;
          expect(r.root).toBe(
            naiveRoot(unit, gate, statusOf, isCurrent, new Set()),
          );
        }
      }),
    );
  });

  it("walks a 20,000-unit chain without overflowing the stack", () => {
    const n = 20_000;
    const gate: SchedulableUnit[] = Array.from({ length: n }, (_, i) => ({
      id: `U${i}`,
      status: i === 0 ? "blocked_human" : "pending",
      dependsOn: i === 0 ? [] : [`U${i - 1}`],
    }));
    const status = new Map(gate.map((u) => [u.id, u.status]));
    const reasons = unfinishedReasons(
      gate,
      (id) => status.get(id),
      (id) => status.has(id),
    );
    expect(reasons).toHaveLength(n);
    expect(reasons[n - 1]?.reason).toBe("waiting on U0 (blocked_human)");
    const open = gate.map((u) => ({ ...u, status: "pending" }));
    const rounds = frontierRounds(open, new Set());
    expect(rounds).toHaveLength(n);
    expect(rounds[n - 1]?.map((u) => u.id)).toStrictEqual([`U${n - 1}`]);
  });
});
