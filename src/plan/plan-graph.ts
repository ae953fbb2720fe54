import { gateNumberOf } from "./build-graph.js";
import { terminalEntry, type RawGraph } from "./read-graph.js";

/** A graph unit in typed form (formats.md F-GRAPH-3). */
export interface PlanUnit {
  id: string;
  /** Path relative to the feature folder, as written. */
  file: string;
  dependsOn: string[];
  /** The number of the gate the unit belongs to. */
  gate: number;
  line: number | null;
}

/** A graph gate in typed form. */
export interface PlanGate {
  number: number;
  /** The gate file relative to the feature folder: `file`, or `GATE-NN.md` when absent. */
  file: string;
  units: PlanUnit[];
  line: number | null;
  isTerminal: boolean;
}

/** The task graph the driver, status and arm work on. */
export interface PlanGraph {
  gates: PlanGate[];
  units: Map<string, PlanUnit>;
  /** Number of the terminal gate (F-GRAPH-8), or null when no gate has units. */
  terminalGate: number | null;
}

// The default GATE file name for a number (F-GATE-1): GATE-01.md, GATE-100.md.
export function gateFileName(n: number): string {
  return `GATE-${String(n).padStart(2, "0")}.md`;
}

// Builds the typed graph; entries the driver's validation rejects are skipped here.
export function toPlanGraph(raw: RawGraph): PlanGraph {
  const terminal = terminalEntry(raw);
  const terminalGate = gateNumberOf(terminal ?? undefined);
  const gates: PlanGate[] = [];
  const units = new Map<string, PlanUnit>();
  for (const g of raw.gates) {
    const number = gateNumberOf(g);
    if (number === null) continue;
    const gate: PlanGate = {
      number,
      file:
        typeof g.file === "string" && g.file !== ""
          ? g.file
          : gateFileName(number),
      units: [],
      line: g.line,
      isTerminal: terminalGate !== null && number === terminalGate,
    };
    for (const u of g.units) {
      if (
        !u.isMap ||
        typeof u.id !== "string" ||
        u.id === "" ||
        typeof u.file !== "string" ||
        u.file === ""
      )
        continue;
      if (units.has(u.id)) continue;
      const dependsOn = u.deps
        .map((d) => d.value)
        .filter((v): v is string => typeof v === "string");
      const unit: PlanUnit = {
        id: u.id,
        file: u.file,
        dependsOn,
        gate: number,
        line: u.line,
      };
      gate.units.push(unit);
      units.set(u.id, unit);
    }
    gates.push(gate);
  }
  return { gates, units, terminalGate };
}
