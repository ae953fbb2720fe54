import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutGraph, type GraphInput } from "../../src/report/layout-graph.js";

const u = (id: string, gate: number, dependsOn: string[] = []): GraphInput => ({
  id,
  gate,
  dependsOn,
});

describe("layered layout of the dependency graph (issue 16 §3)", () => {
  it("puts a unit one column after its latest same-gate dependency, gates left to right in bands", () => {
    const g = layoutGraph([
      u("A", 1),
      u("B", 1, ["A"]),
      u("C", 1, ["A", "B"]),
      u("D", 1),
      u("E", 2, ["C"]),
      u("F", 2, ["E"]),
    ]);
    const layer = Object.fromEntries(g.nodes.map((n) => [n.id, n.layer]));
    expect(layer).toEqual({ A: 0, D: 0, B: 1, C: 2, E: 3, F: 4 });
    expect(g.bands.map((b) => b.gate)).toEqual([1, 2]);
    const [b1, b2] = g.bands;
    expect((b1?.x ?? 0) + (b1?.width ?? 0)).toBeLessThan(b2?.x ?? 0);
    expect(b1?.x).toBeGreaterThan(0);
    expect(g.edges).toHaveLength(5);
    expect(g.edges.every((e) => !e.isBackward)).toBe(true);
    expect(g.edges[0]?.d).toMatch(/^M [\d.]+ [\d.]+ C /);
  });

  it("survives a dependency cycle and a self-dependency, and marks the edge that closes the cycle", () => {
    const g = layoutGraph([
      u("A", 1, ["C", "A"]),
      u("B", 1, ["A"]),
      u("C", 1, ["B"]),
    ]);
    expect(g.nodes).toHaveLength(3);
    expect(g.edges.filter((e) => e.isBackward)).toHaveLength(1);
  });

  it("wraps a wide layer into several columns so a huge gate stays bounded in height", () => {
    const many = Array.from({ length: 100 }, (_, i) => u(`T${i}`, 1));
    const g = layoutGraph(many);
    expect(new Set(g.nodes.map((n) => n.layer)).size).toBe(5);
    expect(g.height).toBeLessThan(24 * 60);
  });

  it("handles an empty graph and a chain of 5,000 units without recursion limits", () => {
    expect(layoutGraph([]).nodes).toEqual([]);
    const chain = Array.from({ length: 5000 }, (_, i) =>
      u(`T${i}`, 1, i === 0 ? [] : [`T${i - 1}`]),
    );
    const g = layoutGraph(chain);
    expect(g.nodes.find((n) => n.id === "T4999")?.layer).toBe(4999);
  });

  it("property: in an acyclic plan every same-gate dependency is drawn left of its dependent, and no two boxes overlap", () => {
    const plan = fc
      .array(
        fc.tuple(
          fc.integer({ min: 1, max: 3 }),
          fc.array(fc.nat(), { maxLength: 3 }),
        ),
        {
          minLength: 1,
          maxLength: 40,
        },
      )
      .map((rows) => {
        // Dependencies only on earlier units, in the same or an earlier gate: acyclic by construction.
        const gates = rows.map((r) => r[0]).sort((a, b) => a - b);
        return rows.map(([, deps], i) =>
          u(
            `U${i}`,
            gates[i] ?? 1,
            i === 0 ? [] : [...new Set(deps.map((d) => `U${d % i}`))],
          ),
        );
      });
    fc.assert(
      fc.property(plan, (units) => {
        const g = layoutGraph(units);
        const at = new Map(g.nodes.map((n) => [n.id, n]));
        for (const x of units)
          for (const d of x.dependsOn)
            if (at.get(d)!.layer >= at.get(x.id)!.layer) return false;
        const boxes = g.nodes.map((n) => `${n.x},${n.y}`);
        return (
          new Set(boxes).size === boxes.length &&
          g.nodes.every(
            (n) =>
              n.x >= 0 &&
              n.y >= 0 &&
              n.x + g.nodeWidth <= g.width &&
              n.y + g.nodeHeight <= g.height,
          )
        );
      }),
    );
  });
});
