import { describe, expect, it } from "vitest";
import { parsePlan } from "../../src/plan/parse-plan.js";
import { isTerminalGate, terminalEntry } from "../../src/plan/read-graph.js";
import { toPlanGraph } from "../../src/plan/plan-graph.js";
import { dedent } from "../helpers/dedent.js";

const plan = dedent`
  ---
  feature_id: FEAT-2026-0001
  ---
  # Plan

  An example block is skipped:

  \`\`\`yaml
  example: true
  \`\`\`

  \`\`\`yaml
  gates:
    - gate: 1
      file: GATE-01.md
      work_units:
        - id: FEAT-2026-0001/T01
          file: WU-01.md
        - id: FEAT-2026-0001/G1-CLOSE
          file: WU-90.md
          depends_on: FEAT-2026-0001/T01
    - gate: 2
      file: GATE-02.md
      work_units: []
  \`\`\`
`;

describe("parsePlan (formats.md §4.1)", () => {
  it("takes the first yaml block with a gates key (F-GRAPH-1)", () => {
    const doc = parsePlan(plan);
    expect(doc.graph?.gates).toHaveLength(2);
    expect(doc.search.graph?.fenceLine).toBe(12);
    expect(doc.graph?.gates[0]?.line).toBe(14);
    expect(doc.graph?.gates[0]?.units[1]?.deps).toStrictEqual([
      { value: "FEAT-2026-0001/T01", line: 21 },
    ]);
  });

  it("reports a failing candidate before the graph (F-GRAPH-2)", () => {
    const doc = parsePlan("# P\n```yaml\na: [\n```\n```yaml\ngates: []\n```\n");
    expect(doc.search.earlierIssues).toHaveLength(1);
    expect(doc.search.earlierIssues[0]?.line).toBe(3);
    expect(doc.graph?.isGatesList).toBe(true);
  });

  it("never parses blocks after the graph", () => {
    const doc = parsePlan("```yaml\ngates: []\n```\n```yaml\na: [\n```\n");
    expect(doc.search.earlierIssues).toHaveLength(0);
  });

  it("defines the terminal gate as the last with work units (F-GRAPH-8)", () => {
    const doc = parsePlan(plan);
    const graph = doc.graph!;
    expect(terminalEntry(graph)?.gate).toBe(1);
    expect(isTerminalGate(graph, graph.gates[0]!)).toBe(true);
    expect(isTerminalGate(graph, graph.gates[1]!)).toBe(false);
    const typed = toPlanGraph(graph);
    expect(typed.terminalGate).toBe(1);
    expect(typed.units.get("FEAT-2026-0001/G1-CLOSE")?.dependsOn).toStrictEqual(
      ["FEAT-2026-0001/T01"],
    );
  });

  it("stops at an unclosed frontmatter", () => {
    expect(parsePlan("---\na: 1\n```yaml\ngates: []\n```\n").isUnclosed).toBe(
      true,
    );
  });
});
