import {
  analyseGraph,
  gateNumberOf,
  type GraphAnalysis,
} from "../plan/build-graph.js";
import type { PlanDoc } from "../plan/parse-plan.js";
import {
  isTerminalGate,
  type RawGate,
  type RawGraph,
  type RawUnit,
} from "../plan/read-graph.js";
import type { FeatureSnapshot } from "../types/feature-snapshot.js";
import { joinDisplay } from "../workspace/paths.js";
import type { FileRead } from "../types/feature-snapshot.js";
import { lineOf } from "../yaml/parse-yaml.js";
import {
  parseFrontmatter,
  type Frontmatter,
} from "../yaml/split-frontmatter.js";
import { show } from "./values.js";

/** A GATE or WU file as the graph names it, read and parsed once. */
export interface FileFacts {
  /** The `file` value as written. */
  path: string;
  /** Display path (lint.md L-IN-2). */
  display: string;
  read: FileRead;
  /** A regular file after following symlinks (readable or not). */
  exists: boolean;
  /** The parsed file, when it exists. */
  doc: FileDoc | null;
}

/** A Markdown file's frontmatter and body. */
export interface FileDoc {
  fm: Frontmatter;
  /** False when the frontmatter cannot be read (yaml-invalid). */
  isReadable: boolean;
  data: Record<string, unknown>;
  body: string;
  /** File line of a top-level frontmatter key, or null when absent. */
  keyLine(key: string): number | null;
}

/** One graph gate entry with what the rules ask about it. */
export interface GateFacts {
  raw: RawGate;
  /** The diagnostic `gate` value (L-DIAG-1). */
  label: number | string;
  /** The integer gate number, or null. */
  number: number | null;
  isTerminal: boolean;
  /** `work_units` is a non-empty list. */
  hasUnits: boolean;
  /** The gate file, when `file` is a non-empty string. */
  file: FileFacts | null;
  entries: EntryFacts[];
}

/** One WU entry of a gate with a `work_units` list. */
export interface EntryFacts {
  raw: RawUnit;
  gate: GateFacts;
  /** The WU file, when the entry is a mapping and `file` is a non-empty string. */
  file: FileFacts | null;
}

/** How far PLAN.md could be read. */
export type PlanState =
  "missing" | "unreadable" | "unclosed" | "invalid" | "ok";

/** Everything the rules share about one folder, computed once (lint.md L-EVAL-1). */
export interface LintFacts {
  dir: string;
  /** The folder's own name (the last segment of its absolute path), or null when it has none. */
  folderName: string | null;
  planFile: string;
  plan: FileRead;
  planDoc: PlanDoc | null;
  planState: PlanState;
  /** The PLAN frontmatter mapping (`{}` unless readable). */
  planData: Record<string, unknown>;
  planKeyLine(key: string): number | null;
  graph: RawGraph | null;
  analysis: GraphAnalysis | null;
  gates: GateFacts[];
  /** Every entry of every gate, in graph order. */
  entries: EntryFacts[];
  /** The folder ends before the gate checks (L-EVAL-2). */
  isStoppedEarly: boolean;
  /** Whether a file the snapshot read exists (by display path). */
  gateFileExists(display: string): boolean;
  /** The workspace roadmap, when the folder sits in a workspace (lint `roadmap-row-missing`). */
  roadmap: FileRead | undefined;
}

function docOf(read: FileRead): FileDoc | null {
  if (read.kind === "missing" || read.kind === "not-file") return null;
  const fm: Frontmatter =
    read.kind === "file"
      ? parseFrontmatter(read.text)
      : {
          state: "error",
          data: {},
          issue: {
            reason: `cannot read the file (${read.reason})`,
            line: 1,
            column: null,
            excerpt: "",
          },
          body: "",
          bodyLine: 1,
          closeLine: null,
          yaml: null,
        };
  const yaml = fm.yaml;
  return {
    fm,
    isReadable: fm.state !== "error",
    data: fm.data,
    body: fm.body,
    keyLine: (key) =>
      yaml === null || !Object.hasOwn(fm.data, key)
        ? null
        : lineOf(yaml, [key]),
  };
}

// The `gate` value a diagnostic carries: the value, "?" when absent (L-DIAG-1).
export function gateLabel(raw: RawGate): number | string {
  if (!raw.isMap || !raw.hasGate) return "?";
  const v = raw.gate;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") return v;
  return show(v);
}

function planStateOf(snapshot: FeatureSnapshot): PlanState {
  const { plan, planDoc } = snapshot;
  if (plan.kind === "missing" || plan.kind === "not-file") return "missing";
  if (plan.kind === "unreadable" || planDoc === null) return "unreadable";
  if (planDoc.isUnclosed) return "unclosed";
  return planDoc.fm.state === "error" ? "invalid" : "ok";
}

// Reads the snapshot once into the facts every rule shares; never throws on bad input.
export function buildFacts(snapshot: FeatureSnapshot): LintFacts {
  const planState = planStateOf(snapshot);
  const planDoc = snapshot.planDoc;
  const fm = planState === "ok" ? (planDoc?.fm ?? null) : null;
  const graph =
    planState === "missing" ||
    planState === "unreadable" ||
    planState === "unclosed"
      ? null
      : (planDoc?.graph ?? null);
  const docs = new Map<string, FileDoc | null>();
  const fileFacts = (path: unknown): FileFacts | null => {
    if (typeof path !== "string" || path === "") return null;
    const display = joinDisplay(snapshot.dir, path);
    const read = snapshot.files.get(display) ?? { kind: "missing" };
    if (!docs.has(display)) docs.set(display, docOf(read));
    const doc = docs.get(display) ?? null;
    return { path, display, read, exists: doc !== null, doc };
  };
  const gates: GateFacts[] = [];
  const entries: EntryFacts[] = [];
  for (const raw of graph?.isGatesList === true ? graph.gates : []) {
    const gate: GateFacts = {
      raw,
      label: gateLabel(raw),
      number: raw.isMap ? gateNumberOf(raw) : null,
      isTerminal: graph !== null && raw.isMap && isTerminalGate(graph, raw),
      hasUnits: raw.isMap && raw.isWorkUnitsList && raw.units.length > 0,
      file: raw.isMap ? fileFacts(raw.file) : null,
      entries: [],
    };
    for (const unit of raw.isMap ? raw.units : []) {
      const entry = {
        raw: unit,
        gate,
        file: unit.isMap ? fileFacts(unit.file) : null,
      };
      gate.entries.push(entry);
      entries.push(entry);
    }
    gates.push(gate);
  }
  const yaml = fm?.yaml ?? null;
  const planData = fm?.data ?? {};
  return {
    dir: snapshot.dir,
    folderName:
      snapshot.absDir
        .split(/[\\/]/)
        .filter((s) => s !== "")
        .pop() ?? null,
    planFile: joinDisplay(snapshot.dir, "PLAN.md"),
    plan: snapshot.plan,
    planDoc,
    planState,
    planData,
    planKeyLine: (key) =>
      yaml === null || !Object.hasOwn(planData, key)
        ? null
        : lineOf(yaml, [key]),
    graph,
    analysis: graph?.isGatesList === true ? analyseGraph(graph) : null,
    gates,
    entries,
    isStoppedEarly: graph === null || !graph.isGatesList,
    roadmap: snapshot.roadmap,
    gateFileExists: (display) => {
      const kind = snapshot.files.get(display)?.kind;
      return kind === "file" || kind === "unreadable";
    },
  };
}

// Whether an entry's unit file can be read (exists with readable frontmatter).
export function readableDoc(entry: EntryFacts): FileDoc | null {
  const doc = entry.file?.doc ?? null;
  return doc !== null && doc.isReadable ? doc : null;
}
