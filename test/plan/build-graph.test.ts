import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseGraph } from "../../src/plan/build-graph.js";
import { parsePlan } from "../../src/plan/parse-plan.js";
import type { RawGraph } from "../../src/plan/read-graph.js";

// Builds a one-block PLAN from gates of [id, deps] pairs.
function graphOf(gates: Array<Array<[string, string[]]>>): RawGraph {
  const lines = ["```yaml", "gates:"];
  gates.forEach((units, g) => {
    lines.push(
      `  - gate: ${g + 1}`,
      `    file: GATE-0${g + 1}.md`,
      "    work_units:",
    );
    if (units.length === 0) lines[lines.length - 1] += " []";
    for (const [id, deps] of units)
      lines.push(
        `      - id: ${id}`,
        `        file: ${id}.md`,
        `        depends_on: [${deps.join(", ")}]`,
      );
  });
  lines.push("```");
  const doc = parsePlan(lines.join("\n"));
  if (doc.graph === null) throw new Error("no graph");
  return doc.graph;
}

describe("analyseGraph (lint.md §4.4, §4.8)", () => {
  it("finds unknown and later-gate dependencies", () => {
    const a = analyseGraph(graphOf([[["A", ["B", "Z"]]], [["B", []]]]));
    expect(
      [...a.unknownDeps.values()].flat().map((d) => d.value),
    ).toStrictEqual(["Z"]);
    expect(
      [...a.laterGateDeps.values()].flat().map((d) => [d.dep.value, d.depGate]),
    ).toStrictEqual([["B", 2]]);
  });

  it("reports each cycle once with a concrete path, at its first member", () => {
    const a = analyseGraph(
      graphOf([
        [
          ["A", ["C"]],
          ["B", ["A"]],
          ["C", ["B"]],
          ["D", ["D"]],
        ],
      ]),
    );
    expect(a.cycles.map((c) => c.path)).toStrictEqual([
      ["A", "C", "B", "A"],
      ["D", "D"],
    ]);
    expect(a.cycles[0]?.unit.id).toBe("A");
  });

  it("finds duplicate ids and files", () => {
    const a = analyseGraph(
      graphOf([
        [
          ["A", []],
          ["A", []],
        ],
      ]),
    );
    expect(a.duplicateIds).toHaveLength(1);
    expect(a.duplicateFiles).toHaveLength(1);
  });

  it("handles deep chains without recursion limits", () => {
    const units: Array<[string, string[]]> = Array.from(
      { length: 3000 },
      (_, i) => [`U${i}`, i === 0 ? ["U2999"] : [`U${i - 1}`]],
    );
    const a = analyseGraph(graphOf([units]));
    expect(a.cycles).toHaveLength(1);
    expect(a.cycles[0]?.path).toHaveLength(3001);
  });

  it("property: cycle detection agrees with a brute-force oracle (A-TEST-5)", () => {
    const arb = fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.array(fc.array(fc.nat(n - 1), { maxLength: 3 }), {
        minLength: n,
        maxLength: n,
      }),
    );
    fc.assert(
      fc.property(arb, (adj) => {
        const ids = adj.map((_, i) => `N${i}`);
        const a = analyseGraph(
          graphOf([adj.map((deps, i) => [ids[i]!, deps.map((d) => ids[d]!)])]),
        );
        // Oracle: a node is on a cycle iff it can reach itself.
        const reach = (from: number, to: number): boolean => {
          const seen = new Set<number>();
          const stack = [...(adj[from] ?? [])];
          while (stack.length > 0) {
            const n = stack.pop()!;
            if (n === to) return true;
            if (!seen.has(n)) {
              seen.add(n);
              stack.push(...(adj[n] ?? []));
            }
          }
          return false;
        };
        const onCycle = new Set(ids.filter((_, i) => reach(i, i)));
        const reported = new Set(a.cycles.flatMap((c) => c.path));
        // Every reported path is a real cycle made of real edges.
        for (const c of a.cycles) {
          for (let k = 0; k + 1 < c.path.length; k++) {
            const from = ids.indexOf(c.path[k]!);
            if (!(adj[from] ?? []).includes(ids.indexOf(c.path[k + 1]!)))
              return false;
          }
          if (c.path[0] !== c.path[c.path.length - 1]) return false;
        }
        // Every node on a cycle lies in a reported component, and nothing else is reported.
        return (
          [...reported].every((id) => onCycle.has(id)) &&
          a.cycles.length <= onCycle.size &&
          (onCycle.size === 0) === (a.cycles.length === 0)
        );
      }),
      { numRuns: 300 },
    );
  });
});
