import { lineOf, type YamlDoc } from "../yaml/parse-yaml.js";
import type { GraphBlock } from "./find-graph-block.js";

/** One `depends_on` element with its line. */
export interface RawDep {
  value: unknown;
  line: number | null;
}

/** A graph WU entry exactly as written, with file lines for diagnostics. */
export interface RawUnit {
  gateIndex: number;
  index: number;
  isMap: boolean;
  raw: unknown;
  line: number | null;
  hasId: boolean;
  id: unknown;
  idLine: number | null;
  hasFile: boolean;
  file: unknown;
  fileLine: number | null;
  hasDependsOn: boolean;
  dependsOn: unknown;
  dependsOnLine: number | null;
  /** Elements: a list's items, a string as one element, anything else none (lint depends-on-not-list). */
  deps: RawDep[];
}

/** A graph gate entry exactly as written. */
export interface RawGate {
  index: number;
  isMap: boolean;
  raw: unknown;
  line: number | null;
  hasGate: boolean;
  gate: unknown;
  gateLine: number | null;
  hasFile: boolean;
  file: unknown;
  fileLine: number | null;
  hasWorkUnits: boolean;
  workUnits: unknown;
  workUnitsLine: number | null;
  /** True when `work_units` is a list (possibly empty). */
  isWorkUnitsList: boolean;
  units: RawUnit[];
}

/** The task graph as written: the lint and the typed graph both start here. */
export interface RawGraph {
  isGatesList: boolean;
  gatesLine: number | null;
  gates: RawGate[];
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// Reads the `gates` list of a graph block into raw entries with lines; never throws.
export function readGraph(block: GraphBlock): RawGraph {
  const y = block.yaml;
  const gatesValue = block.root.gates;
  const gatesLine = lineOf(y, ["gates"]);
  if (!Array.isArray(gatesValue))
    return { isGatesList: false, gatesLine, gates: [] };
  return {
    isGatesList: true,
    gatesLine,
    gates: gatesValue.map((g, i) => readGate(y, g, i)),
  };
}

function readGate(y: YamlDoc, raw: unknown, index: number): RawGate {
  const at = (key?: string) =>
    lineOf(y, key === undefined ? ["gates", index] : ["gates", index, key]);
  const isMap = isMapping(raw);
  const m = isMap ? raw : {};
  const workUnits = m.work_units;
  const isWorkUnitsList = Array.isArray(workUnits);
  return {
    index,
    isMap,
    raw,
    line: at(),
    hasGate: Object.hasOwn(m, "gate"),
    gate: m.gate,
    gateLine: at("gate"),
    hasFile: Object.hasOwn(m, "file"),
    file: m.file,
    fileLine: at("file"),
    hasWorkUnits: Object.hasOwn(m, "work_units"),
    workUnits,
    workUnitsLine: at("work_units"),
    isWorkUnitsList,
    units: isWorkUnitsList
      ? (workUnits as unknown[]).map((u, j) => readUnit(y, u, index, j))
      : [],
  };
}

function readUnit(
  y: YamlDoc,
  raw: unknown,
  gateIndex: number,
  index: number,
): RawUnit {
  const base = ["gates", gateIndex, "work_units", index];
  const at = (...rest: Array<string | number>) => lineOf(y, [...base, ...rest]);
  const isMap = isMapping(raw);
  const m = isMap ? raw : {};
  const dependsOn = m.depends_on;
  let deps: RawDep[] = [];
  if (Array.isArray(dependsOn))
    deps = dependsOn.map((value, k) => ({
      value,
      line: at("depends_on", k) ?? at("depends_on"),
    }));
  else if (typeof dependsOn === "string")
    deps = [{ value: dependsOn, line: at("depends_on") }];
  return {
    gateIndex,
    index,
    isMap,
    raw,
    line: at(),
    hasId: Object.hasOwn(m, "id"),
    id: m.id,
    idLine: at("id"),
    hasFile: Object.hasOwn(m, "file"),
    file: m.file,
    fileLine: at("file"),
    hasDependsOn: Object.hasOwn(m, "depends_on"),
    dependsOn,
    dependsOnLine: at("depends_on"),
    deps,
  };
}

// The terminal gate's entry (formats.md F-GRAPH-8): the last entry whose work_units is a non-empty list.
export function terminalEntry(graph: RawGraph): RawGate | null {
  for (let i = graph.gates.length - 1; i >= 0; i--) {
    const g = graph.gates[i];
    if (g !== undefined && g.isWorkUnitsList && g.units.length > 0) return g;
  }
  return null;
}

// Whether a gate is terminal: its `gate` equals the terminal entry's, absence matching absence.
export function isTerminalGate(graph: RawGraph, gate: RawGate): boolean {
  const t = terminalEntry(graph);
  if (t === null) return false;
  if (!t.hasGate || t.gate === undefined)
    return !gate.hasGate || gate.gate === undefined;
  return sameYamlValue(t.gate, gate.gate);
}

// YAML value equality by type and value (lint.md L-IN-4): 5 never equals "5".
export function sameYamlValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b) return false;
  if (typeof a === "number" && typeof b === "number")
    return Number.isNaN(a) && Number.isNaN(b);
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    // A self-referencing alias has no JSON form; distinct objects are then different values.
    return false;
  }
}
