import { normalizeDisplayPath } from "../workspace/paths.js";
import type { RawDep, RawGate, RawGraph, RawUnit } from "./read-graph.js";

/** A dependency element that names an entry of a later gate. */
export interface LaterGateDep {
  unit: RawUnit;
  dep: RawDep;
  depGate: number;
}

/** A dependency cycle: the id path `A → B → A`, reported at its first member in graph order. */
export interface Cycle {
  path: string[];
  unit: RawUnit;
}

/** Graph-wide facts shared by lint rules and the driver's load checks. */
export interface GraphAnalysis {
  /** Every WU entry that is a mapping, in graph order. */
  units: RawUnit[];
  /** First occurrence of each string id. */
  firstById: Map<string, RawUnit>;
  duplicateIds: RawUnit[];
  duplicateFiles: RawUnit[];
  /** Per unit: elements that equal no entry's id. */
  unknownDeps: Map<RawUnit, RawDep[]>;
  /** Per unit: elements naming an entry of a gate with a greater number. */
  laterGateDeps: Map<RawUnit, LaterGateDep[]>;
  cycles: Cycle[];
}

const cyclicKeys = new WeakMap<object, string>();
let cyclicCount = 0;

function valueKey(value: unknown): string {
  // Strings are nearly every id: skip JSON for them (the key stays distinct from every other type's).
  if (typeof value === "string") return `string:"${value}`;
  try {
    return `${typeof value}:${JSON.stringify(value) ?? ""}`;
  } catch {
    // A self-referencing YAML alias (`&a [*a]`) has no JSON form: it equals only itself.
    const obj = value as object;
    let key = cyclicKeys.get(obj);
    if (key === undefined) {
      key = `cyclic:${++cyclicCount}`;
      cyclicKeys.set(obj, key);
    }
    return key;
  }
}

// Integer gate number of an entry, or null.
export function gateNumberOf(gate: RawGate | undefined): number | null {
  return gate !== undefined &&
    typeof gate.gate === "number" &&
    Number.isInteger(gate.gate)
    ? gate.gate
    : null;
}

// Analyses ids, files, dependencies and cycles of the raw graph (lint.md §4.4, §4.8; driver D-LOAD-5).
export function analyseGraph(graph: RawGraph): GraphAnalysis {
  const units = graph.gates.flatMap((g) => g.units.filter((u) => u.isMap));
  const idKeys = new Set<string>();
  const firstById = new Map<string, RawUnit>();
  const firstByKey = new Map<string, RawUnit>();
  const duplicateIds: RawUnit[] = [];
  const seenFiles = new Set<string>();
  const duplicateFiles: RawUnit[] = [];
  for (const u of units) {
    if (u.hasId) idKeys.add(valueKey(u.id));
    if (typeof u.id === "string" && u.id !== "") {
      if (firstById.has(u.id)) duplicateIds.push(u);
      else firstById.set(u.id, u);
    }
    if (u.hasId && !firstByKey.has(valueKey(u.id)))
      firstByKey.set(valueKey(u.id), u);
    if (typeof u.file === "string" && u.file !== "") {
      const f = normalizeDisplayPath(u.file);
      if (seenFiles.has(f)) duplicateFiles.push(u);
      else seenFiles.add(f);
    }
  }
  const unknownDeps = new Map<RawUnit, RawDep[]>();
  const laterGateDeps = new Map<RawUnit, LaterGateDep[]>();
  for (const u of units) {
    const own = gateNumberOf(graph.gates[u.gateIndex]);
    for (const dep of u.deps) {
      if (!idKeys.has(valueKey(dep.value))) {
        push(unknownDeps, u, dep);
        continue;
      }
      const target = firstByKey.get(valueKey(dep.value));
      const depGate = gateNumberOf(graph.gates[target?.gateIndex ?? -1]);
      if (own !== null && depGate !== null && depGate > own)
        push(laterGateDeps, u, { unit: u, dep, depGate });
    }
  }
  return {
    units,
    firstById,
    duplicateIds,
    duplicateFiles,
    unknownDeps,
    laterGateDeps,
    cycles: findCycles(firstById),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

// Tarjan's strongly connected components over first occurrences; one concrete cycle per component.
export function findCycles(firstById: Map<string, RawUnit>): Cycle[] {
  const order = [...firstById.keys()];
  const rank = new Map(order.map((id, i) => [id, i]));
  const edges = new Map<string, string[]>();
  for (const [id, u] of firstById) {
    edges.set(
      id,
      u.deps
        .map((d) => d.value)
        .filter((v): v is string => typeof v === "string" && firstById.has(v)),
    );
  }
  const components = stronglyConnected(order, edges);
  const cycles: Cycle[] = [];
  for (const comp of components) {
    if (comp.length === 1 && !(edges.get(comp[0]!) ?? []).includes(comp[0]!))
      continue;
    const members = new Set(comp);
    const first = [...comp].sort(
      (a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0),
    )[0];
    if (first === undefined) continue;
    const path =
      comp.length < 2 ? [first, first] : cyclePath(first, members, edges);
    const unit = firstById.get(first);
    if (unit !== undefined) cycles.push({ path, unit });
  }
  return cycles.sort(
    (a, b) =>
      (rank.get(a.path[0] ?? "") ?? 0) - (rank.get(b.path[0] ?? "") ?? 0),
  );
}

function stronglyConnected(
  nodes: string[],
  edges: Map<string, string[]>,
): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  // Iterative Tarjan so that deep graphs cannot overflow the call stack.
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [
      { node: root, next: 0 },
    ];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const succ = edges.get(frame.node) ?? [];
      if (frame.next < succ.length) {
        const w = succ[frame.next++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined)
        low.set(
          parent.node,
          Math.min(low.get(parent.node)!, low.get(frame.node)!),
        );
      if (low.get(frame.node) === index.get(frame.node)) {
        const comp: string[] = [];
        let w: string | undefined;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== frame.node);
        result.push(comp);
      }
    }
  }
  return result;
}

// Breadth-first path from `start` back to itself inside one component.
function cyclePath(
  start: string,
  members: Set<string>,
  edges: Map<string, string[]>,
): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const n = queue.shift()!;
    for (const w of edges.get(n) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (
          let c: string | undefined = n;
          c !== undefined && c !== start;
          c = prev.get(c)
        )
          path.splice(1, 0, c);
        path.push(start);
        return path;
      }
      if (!seen.has(w)) {
        seen.add(w);
        prev.set(w, n);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
