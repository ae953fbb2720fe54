/** A unit as the graph layout sees it, in graph order. */
export interface GraphInput {
  id: string;
  gate: number;
  dependsOn: readonly string[];
}

/** A placed node: its box's top-left corner. */
export interface PlacedNode {
  id: string;
  gate: number;
  layer: number;
  x: number;
  y: number;
}

/** A placed edge, from the dependency's right side to the dependent's left side. */
export interface PlacedEdge {
  from: string;
  to: string;
  /** An SVG path (`M … C …`). */
  d: string;
  /** The dependency is not earlier in the drawing (a cycle, or a later gate). */
  isBackward: boolean;
}

/** A gate's band behind its columns. */
export interface GateBand {
  gate: number;
  x: number;
  width: number;
}

/** A layered drawing of the dependency graph, left to right. */
export interface GraphLayout {
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  bands: GateBand[];
}

const NODE_W = 150;
const NODE_H = 38;
const COL_GAP = 56;
const ROW_GAP = 14;
const PAD = 16;
const BAND_LABEL = 22;
// A layer with more nodes than this is wrapped into several columns, so huge gates stay readable.
const MAX_ROWS = 24;

// Lays the graph out in layers (issue 16 §3): each gate a band of columns, left to right in gate order;
// inside a gate a unit sits one column after its latest same-gate dependency; pure.
export function layoutGraph(units: readonly GraphInput[]): GraphLayout {
  const columns = columnsOf(units);
  const order = orderColumns(columns, units);
  const height = Math.max(1, ...order.map((c) => c.ids.length));
  const nodes: PlacedNode[] = [];
  order.forEach((column, x) => {
    const top = ((height - column.ids.length) * (NODE_H + ROW_GAP)) / 2;
    column.ids.forEach((id, row) =>
      nodes.push({
        id,
        gate: column.gate,
        layer: x,
        x: columnX(x),
        y: PAD + BAND_LABEL + top + row * (NODE_H + ROW_GAP),
      }),
    );
  });
  return {
    width: PAD * 2 + order.length * (NODE_W + COL_GAP),
    height: PAD * 2 + BAND_LABEL + height * (NODE_H + ROW_GAP) - ROW_GAP,
    nodeWidth: NODE_W,
    nodeHeight: NODE_H,
    nodes,
    edges: edgesOf(units, nodes),
    bands: bandsOf(order),
  };
}

interface Column {
  gate: number;
  ids: string[];
}

// Columns in drawing order: per gate in first-seen order, its layers, each wrapped at MAX_ROWS.
function columnsOf(units: readonly GraphInput[]): Column[] {
  const gates = [...new Set(units.map((u) => u.gate))];
  const columns: Column[] = [];
  for (const gate of gates) {
    const mine = units.filter((u) => u.gate === gate);
    const layer = layersOf(mine);
    const byLayer: string[][] = [];
    for (const x of mine) {
      const l = layer.get(x.id) ?? 0;
      (byLayer[l] ??= []).push(x.id);
    }
    for (const ids of byLayer)
      for (let i = 0; ids !== undefined && i < ids.length; i += MAX_ROWS)
        columns.push({ gate, ids: ids.slice(i, i + MAX_ROWS) });
  }
  return columns;
}

// Longest path from the gate's sources along same-gate dependencies, by an iterative depth-first walk
// (no recursion: a chain of thousands of units must not overflow the stack); an edge closing a cycle is ignored.
function layersOf(units: readonly GraphInput[]): Map<string, number> {
  const deps = new Map(
    units.map((u) => [u.id, u.dependsOn.filter((d) => d !== u.id)]),
  );
  const layer = new Map<string, number>();
  const isDone = new Map<string, boolean>();
  for (const root of units) {
    if (isDone.has(root.id)) continue;
    const stack = [{ id: root.id, next: 0 }];
    isDone.set(root.id, false);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const own = (deps.get(top.id) ?? []).filter((d) => deps.has(d));
      const dep = own[top.next++];
      if (dep !== undefined) {
        if (!isDone.has(dep)) {
          isDone.set(dep, false);
          stack.push({ id: dep, next: 0 });
        }
        continue;
      }
      let l = 0;
      for (const d of own)
        if (isDone.get(d) === true) l = Math.max(l, (layer.get(d) ?? 0) + 1);
      layer.set(top.id, l);
      isDone.set(top.id, true);
      stack.pop();
    }
  }
  return layer;
}

// One barycentre sweep: each column sorted by the mean row of its dependencies in earlier columns.
function orderColumns(
  columns: Column[],
  units: readonly GraphInput[],
): Column[] {
  const deps = new Map(units.map((u) => [u.id, u.dependsOn]));
  const row = new Map<string, number>();
  return columns.map((column) => {
    const score = (id: string, index: number) => {
      const rows = (deps.get(id) ?? [])
        .map((d) => row.get(d))
        .filter((r): r is number => r !== undefined);
      return rows.length === 0
        ? index
        : rows.reduce((s, r) => s + r, 0) / rows.length;
    };
    const ids = column.ids
      .map((id, i) => ({ id, key: score(id, i), i }))
      .sort((a, b) => a.key - b.key || a.i - b.i)
      .map((x) => x.id);
    ids.forEach((id, i) => row.set(id, i));
    return { gate: column.gate, ids };
  });
}

function edgesOf(
  units: readonly GraphInput[],
  nodes: readonly PlacedNode[],
): PlacedEdge[] {
  const at = new Map(nodes.map((n) => [n.id, n]));
  const edges: PlacedEdge[] = [];
  for (const u of units) {
    const to = at.get(u.id);
    for (const dep of u.dependsOn) {
      const from = at.get(dep);
      if (from === undefined || to === undefined || dep === u.id) continue;
      const x1 = from.x + NODE_W;
      const y1 = from.y + NODE_H / 2;
      const x2 = to.x;
      const y2 = to.y + NODE_H / 2;
      const bend = Math.max(24, Math.abs(x2 - x1) / 2);
      edges.push({
        from: dep,
        to: u.id,
        d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`,
        isBackward: from.layer >= to.layer,
      });
    }
  }
  return edges;
}

// The left edge of a column's boxes: half a gap inside its slot, so gate bands never touch.
function columnX(column: number): number {
  return PAD + COL_GAP / 2 + column * (NODE_W + COL_GAP);
}

function bandsOf(columns: readonly Column[]): GateBand[] {
  const bands: GateBand[] = [];
  const inset = 6;
  columns.forEach((c, i) => {
    const last = bands.at(-1);
    const left = columnX(i) - COL_GAP / 2 + inset;
    const right = columnX(i) + NODE_W + COL_GAP / 2 - inset;
    if (last !== undefined && last.gate === c.gate) last.width = right - last.x;
    else bands.push({ gate: c.gate, x: left, width: right - left });
  });
  return bands;
}
