import { describe, expect, it } from "vitest";
import {
  gateGraph,
  renderDot,
  renderMermaid,
  type GraphUnit,
} from "../../src/status/render-graph.js";

const units: GraphUnit[] = [
  {
    id: "FEAT-2026-0042/T01",
    label: "T01",
    type: "implementation",
    status: "done",
    dependsOn: ["FEAT-2026-0042/T00"],
  },
  {
    id: "FEAT-2026-0042/T02",
    label: 'T02 "x"',
    type: "implementation",
    status: "blocked_human",
    dependsOn: ["FEAT-2026-0042/T01"],
  },
  {
    id: "FEAT-2026-0042/G2-CLOSE",
    label: "G2-CLOSE",
    type: "close",
    status: "pending",
    dependsOn: ["FEAT-2026-0042/T01", "FEAT-2026-0042/T02"],
  },
];
const earlier: GraphUnit = {
  id: "FEAT-2026-0042/T00",
  label: "T00",
  type: "implementation",
  status: "done",
  dependsOn: [],
};
const graph = gateGraph("FEAT-2026-0042 gate 2", units, (id) =>
  id === earlier.id ? earlier : undefined,
);

// Reads a Mermaid flowchart back into node ids with labels, edges and class assignments.
function parseMermaid(text: string) {
  const lines = text.trimEnd().split("\n");
  const nodes = new Map<string, string>();
  const edges: Array<[string, string]> = [];
  const classes = new Map<string, string>();
  expect(lines[0]).toBe("flowchart TD");
  for (const line of lines.slice(1).map((l) => l.trim())) {
    let m = /^([A-Za-z0-9_]+)\["([^"]*)"\]$/.exec(line);
    if (m !== null) {
      nodes.set(m[1] ?? "", m[2] ?? "");
      continue;
    }
    m = /^([A-Za-z0-9_]+) --> ([A-Za-z0-9_]+)$/.exec(line);
    if (m !== null) {
      edges.push([m[1] ?? "", m[2] ?? ""]);
      continue;
    }
    m = /^class ([A-Za-z0-9_,]+) ([a-z]+)$/.exec(line);
    if (m !== null) {
      for (const id of (m[1] ?? "").split(",")) classes.set(id, m[2] ?? "");
      continue;
    }
    expect(line).toMatch(/^(%%|classDef |style )/);
  }
  return { nodes, edges, classes };
}

// Reads DOT back: quoted node statements and edges.
function parseDot(text: string) {
  const nodes = new Map<string, string>();
  const edges: Array<[string, string]> = [];
  const q = String.raw`"((?:[^"\\]|\\.)*)"`;
  for (const line of text.split("\n").map((l) => l.trim())) {
    let m = new RegExp(`^${q} -> ${q};$`).exec(line);
    if (m !== null) {
      edges.push([m[1] ?? "", m[2] ?? ""]);
      continue;
    }
    m = new RegExp(`^${q} \\[label=${q}, fillcolor="(#[0-9a-f]{6})"`).exec(
      line,
    );
    if (m !== null) nodes.set(m[1] ?? "", (m[2] ?? "").replace(/\\"/g, '"'));
  }
  return { nodes, edges };
}

describe("status --graph (cli.md C-STATUS-2)", () => {
  it("C-STATUS-2 Mermaid: a flowchart TD with safe ids, every edge and a class per status", () => {
    const out = renderMermaid(graph);
    const { nodes, edges, classes } = parseMermaid(out);
    expect([...nodes.keys()]).toEqual([
      "n_FEAT_2026_0042_T01",
      "n_FEAT_2026_0042_T02",
      "n_FEAT_2026_0042_G2_CLOSE",
      "n_FEAT_2026_0042_T00",
    ]);
    expect(nodes.get("n_FEAT_2026_0042_T02")).toBe(
      "T02 #quot;x#quot;<br/>implementation · blocked_human",
    );
    expect(nodes.get("n_FEAT_2026_0042_T00")).toMatch(/\(earlier gate\)$/);
    expect(edges).toEqual([
      ["n_FEAT_2026_0042_T00", "n_FEAT_2026_0042_T01"],
      ["n_FEAT_2026_0042_T01", "n_FEAT_2026_0042_T02"],
      ["n_FEAT_2026_0042_T01", "n_FEAT_2026_0042_G2_CLOSE"],
      ["n_FEAT_2026_0042_T02", "n_FEAT_2026_0042_G2_CLOSE"],
    ]);
    expect(Object.fromEntries(classes)).toEqual({
      n_FEAT_2026_0042_T01: "done",
      n_FEAT_2026_0042_T00: "done",
      n_FEAT_2026_0042_T02: "blocked",
      n_FEAT_2026_0042_G2_CLOSE: "stuck",
    });
    expect(nodes.get("n_FEAT_2026_0042_G2_CLOSE")).toBe(
      "G2-CLOSE<br/>close · pending (stuck)",
    );
    expect(out).toMatch(/classDef blocked fill:#[0-9a-f]{6}/);
  });

  it("C-STATUS-2 DOT: a digraph with the full ids quoted and escaped labels", () => {
    const out = renderDot(graph);
    expect(out).toMatch(/^digraph "FEAT-2026-0042 gate 2" \{\n/);
    expect(out.trimEnd().endsWith("}")).toBe(true);
    const { nodes, edges } = parseDot(out);
    expect([...nodes.keys()]).toEqual(
      units.map((u) => u.id).concat(earlier.id),
    );
    expect(nodes.get("FEAT-2026-0042/T02")).toBe(
      'T02 "x"\\nimplementation · blocked_human',
    );
    expect(edges).toHaveLength(4);
    expect(edges[0]).toEqual(["FEAT-2026-0042/T00", "FEAT-2026-0042/T01"]);
  });

  it("issue 17 point 8: a pending unit is ready only when its dependencies are done; waiting on running work; stuck behind a blocked one", () => {
    const u = (id: string, status: string, deps: string[] = []): GraphUnit => ({
      id,
      label: id,
      type: "implementation",
      status,
      dependsOn: deps,
    });
    const g = gateGraph(
      "g",
      [
        u("A", "done"),
        u("B", "pending", ["A"]),
        u("C", "in_progress"),
        u("D", "pending", ["C"]),
        u("E", "blocked_human"),
        u("F", "pending", ["E"]),
        u("G", "ready", ["F"]),
        u("H", "pending", ["X"]),
      ],
      () => undefined,
    );
    expect(Object.fromEntries(g.nodes.map((n) => [n.id, n.readiness]))).toEqual(
      {
        A: null,
        B: "ready",
        C: null,
        D: "waiting",
        E: null,
        F: "stuck",
        G: "stuck",
        H: "stuck",
        X: null,
      },
    );
    const { classes } = parseMermaid(renderMermaid(g));
    expect(classes.get("n_B")).toBe("ready");
    expect(classes.get("n_D")).toBe("waiting");
    expect(classes.get("n_F")).toBe("stuck");
    expect(renderDot(g)).toContain(
      '"F" [label="F\\nimplementation · pending (stuck)"',
    );
  });

  it("ids that collide after sanitizing stay distinct in Mermaid", () => {
    const g = gateGraph(
      "g",
      [
        { id: "A/B", label: "a", type: "t", status: "done", dependsOn: [] },
        {
          id: "A_B",
          label: "b",
          type: "t",
          status: "done",
          dependsOn: ["A/B"],
        },
      ],
      () => undefined,
    );
    const { nodes, edges } = parseMermaid(renderMermaid(g));
    expect([...nodes.keys()]).toEqual(["n_A_B", "n_A_B_2"]);
    expect(edges).toEqual([["n_A_B", "n_A_B_2"]]);
  });
});
