import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createWalk,
  type UnitResult,
  type Walk,
  type WalkInput,
} from "../../src/driver/walk/scheduler.js";

const STATUSES = [
  "pending",
  "ready",
  "done",
  "blocked_human",
  "draft",
  "abandoned",
  "in_review",
  "in_progress",
] as const;

/** A random gate: units in graph order, each depending on earlier units (or an earlier gate's unit). */
interface Gate {
  input: WalkInput;
  /** How each unit ends when started. */
  resultOf: (id: string) => UnitResult;
}

const gateArb: fc.Arbitrary<Gate> = fc
  .integer({ min: 1, max: 10 })
  .chain((n) =>
    fc.record({
      deps: fc.array(
        fc.uniqueArray(fc.integer({ min: -1, max: n - 1 }), { maxLength: 3 }),
        { minLength: n, maxLength: n },
      ),
      statuses: fc.array(
        fc.constantFrom(...STATUSES, "pending", "pending", "pending"),
        { minLength: n, maxLength: n },
      ),
      earlier: fc.constantFrom("done", "blocked_human", "pending"),
      passes: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    }),
  )
  .map(({ deps, statuses, earlier, passes }) => {
    const ids = statuses.map((_, i) => `F/T${i}`);
    const units = ids.map((id, i) => ({
      id,
      // Only earlier units (acyclic, as lint guarantees); -1 is the earlier gate's unit.
      dependsOn: (deps[i] ?? [])
        .filter((d) => d < i)
        .map((d) => (d < 0 ? "F/E0" : (ids[d] as string))),
    }));
    const status = new Map<string, string>([["F/E0", earlier]]);
    ids.forEach((id, i) => status.set(id, statuses[i] ?? "pending"));
    return {
      input: { units, status, inScope: new Set(["F/E0", ...ids]) },
      resultOf: (id: string) =>
        passes[ids.indexOf(id)] === false ? "blocked_human" : "done",
    };
  });

// Today's run: each batch of ready units in order, one in flight at a time (D-WALK-3).
function sequential(gate: Gate): Walk {
  let walk = createWalk(gate.input);
  for (let batch = walk.ready(); batch.length > 0; batch = walk.ready())
    for (const id of batch)
      walk = walk.start(id).complete(id, gate.resultOf(id));
  return walk;
}

// Several in flight: start up to `lanes` ready units, complete them in a shuffled order, repeat.
function interleaved(gate: Gate, lanes: number, order: number[]): Walk {
  let walk = createWalk(gate.input);
  let k = 0;
  for (;;) {
    const inFlight = walk.view().inFlight;
    const free = lanes - inFlight.length;
    for (const id of walk.ready().slice(0, free)) {
      assertReady(walk, gate, id);
      walk = walk.start(id);
    }
    const running = walk.view().inFlight;
    if (running.length === 0) return walk;
    const pick = running[(order[k++ % order.length] ?? 0) % running.length];
    if (pick === undefined) return walk;
    walk = walk.complete(pick, gate.resultOf(pick));
  }
}

// D-WALK-2: a ready unit is dispatchable, not in flight, and every dependency is done.
function assertReady(walk: Walk, gate: Gate, id: string): void {
  const v = walk.view();
  const unit = gate.input.units.find((u) => u.id === id);
  expect(unit).toBeDefined();
  expect(["pending", "ready"]).toContain(walk.statusOf(id));
  expect(v.inFlight).not.toContain(id);
  for (const d of unit?.dependsOn ?? []) expect(v.done.has(d)).toBe(true);
}

const finalState = (walk: Walk, gate: Gate) => ({
  status: gate.input.units.map((u) => [u.id, walk.statusOf(u.id)]),
  unreachable: walk.view().unreachable,
});

describe("scheduler (driver §7, issue 8: several units in flight)", () => {
  it("property: ready() never yields a unit with an unmet dependency (A-TEST-5)", () => {
    fc.assert(
      fc.property(gateArb, (gate) => {
        let walk = createWalk(gate.input);
        for (let batch = walk.ready(); batch.length > 0; batch = walk.ready())
          for (const id of batch) {
            assertReady(walk, gate, id);
            walk = walk.start(id).complete(id, gate.resultOf(id));
          }
      }),
    );
  });

  it("property: with 1–4 units in flight, completing in any order ends where the sequential walk ends", () => {
    fc.assert(
      fc.property(
        gateArb,
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        (gate, lanes, order) => {
          expect(finalState(interleaved(gate, lanes, order), gate)).toEqual(
            finalState(sequential(gate), gate),
          );
        },
      ),
    );
  });

  it("property: every unit starts at most once and the walk ends with nothing in flight", () => {
    fc.assert(
      fc.property(gateArb, fc.integer({ min: 1, max: 4 }), (gate, lanes) => {
        const started: string[] = [];
        let walk = createWalk(gate.input);
        for (;;) {
          for (const id of walk
            .ready()
            .slice(0, lanes - walk.view().inFlight.length)) {
            started.push(id);
            walk = walk.start(id);
          }
          const [first] = walk.view().inFlight;
          if (first === undefined) break;
          walk = walk.complete(first, gate.resultOf(first));
        }
        expect(new Set(started).size).toBe(started.length);
        expect(walk.view().inFlight).toStrictEqual([]);
        expect(walk.ready()).toStrictEqual([]);
      }),
    );
  });

  it("the state is immutable: start and complete return new walks", () => {
    const input: WalkInput = {
      units: [
        { id: "F/T1", dependsOn: [] },
        { id: "F/T2", dependsOn: ["F/T1"] },
        { id: "F/T3", dependsOn: [] },
      ],
      status: new Map([
        ["F/T1", "pending"],
        ["F/T2", "pending"],
        ["F/T3", "ready"],
      ]),
      inScope: new Set(["F/T1", "F/T2", "F/T3"]),
    };
    const w0 = createWalk(input);
    const w1 = w0.start("F/T1").start("F/T3");
    expect(w0.ready()).toStrictEqual(["F/T1", "F/T3"]);
    expect(w1.ready()).toStrictEqual([]);
    expect(w1.view().inFlight).toStrictEqual(["F/T1", "F/T3"]);
    const w2 = w1.complete("F/T3", "blocked_human");
    expect(w2.view().blocked).toStrictEqual(["F/T3"]);
    const w3 = w2.complete("F/T1", "done");
    expect(w3.ready()).toStrictEqual(["F/T2"]);
    expect(w1.view().inFlight).toStrictEqual(["F/T1", "F/T3"]);
    expect(input.status.get("F/T1")).toBe("pending");
    expect(w3.view().unreachable).toStrictEqual([
      {
        id: "F/T2",
        status: "pending",
        reason: "not dispatched (status pending)",
        root: null,
      },
      {
        id: "F/T3",
        status: "blocked_human",
        reason: "blocked_human",
        root: null,
      },
    ]);
  });

  it("refuses to start a unit that is not ready, or to complete one not in flight", () => {
    const walk = createWalk({
      units: [
        { id: "F/T1", dependsOn: [] },
        { id: "F/T2", dependsOn: ["F/T1"] },
      ],
      status: new Map([
        ["F/T1", "pending"],
        ["F/T2", "pending"],
      ]),
      inScope: new Set(["F/T1", "F/T2"]),
    });
    expect(() => walk.start("F/T2")).toThrow(/not ready/);
    expect(() => walk.start("F/T1").start("F/T1")).toThrow(/not ready/);
    expect(() => walk.complete("F/T1", "done")).toThrow(/not started/);
  });

  it("D-WALK-5: a blocked dependency leaves its dependents unreachable, traced to the root", () => {
    let walk = createWalk({
      units: [
        { id: "F/A", dependsOn: [] },
        { id: "F/B", dependsOn: ["F/A"] },
        { id: "F/C", dependsOn: ["F/B"] },
      ],
      status: new Map([
        ["F/A", "pending"],
        ["F/B", "pending"],
        ["F/C", "pending"],
      ]),
      inScope: new Set(["F/A", "F/B", "F/C"]),
    });
    walk = walk.start("F/A").complete("F/A", "blocked_human");
    expect(walk.ready()).toStrictEqual([]);
    expect(walk.view().unreachable.map((r) => [r.id, r.reason])).toStrictEqual([
      ["F/A", "blocked_human"],
      ["F/B", "waiting on F/A (blocked_human)"],
      ["F/C", "waiting on F/A (blocked_human)"],
    ]);
  });
});
