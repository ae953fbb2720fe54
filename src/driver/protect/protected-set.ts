import path from "node:path";
import type { PlanGraph } from "../../plan/plan-graph.js";
import { checkpointFile } from "../../workspace/work-paths.js";

// The closing types of driver D-PROT-1, which get the P5 and P6 exceptions.
export const PROTECTION_CLOSING_TYPES: ReadonlySet<string> = new Set([
  "plan-next",
  "close",
  "close-intermediate",
]);

/** How a protected path is compared with its snapshot (D-PROT-2). */
export type Comparison =
  | "content"
  | "tree"
  | "graph"
  | "frontmatter"
  | "own-frontmatter"
  | "later-gate"
  | "branch";

/** One protected path of an attempt (D-PROT-1). */
export interface ProtectedEntry {
  rule: "P1" | "P2" | "P3" | "P4" | "P5" | "P6" | "P7" | "P8" | "P9";
  /** Repo-relative POSIX path; `HEAD` for the branch. */
  path: string;
  compare: Comparison;
  /** The exception this attempt has for the path, in words, or null. */
  exception: string | null;
}

/** The protected set of one attempt. */
export interface ProtectedSet {
  featureDir: string;
  currentGate: number;
  isClosing: boolean;
  /** Whether the unit may set its own `verdict` (close, close-intermediate). */
  isVerdictAllowed: boolean;
  entries: ProtectedEntry[];
  /** General exceptions in words, for the prompt (D-PROMPT-2 d). */
  exceptions: string[];
}

/** What the protected set is computed from, at each attempt start. */
export interface ProtectedSetInput {
  /** `<F>`, repo-relative. */
  featureDir: string;
  unitType: string;
  /** The unit's own WU file, relative to `<F>` as the graph writes it. */
  unitFile: string;
  currentGate: number;
  graph: PlanGraph;
  /** Names of the files directly inside `<F>` (for `GATE-<digits>.md`). */
  featureFiles: readonly string[];
}

const GATE_FILE = /^GATE-(\d+)\.md$/;

// The gate number in a `GATE-<digits>.md` name, or null (review files are not gate files).
export function gateFileNumber(name: string): number | null {
  const m = GATE_FILE.exec(name);
  return m === null ? null : Number(m[1]);
}

// The protected set of an attempt (D-PROT-1), with this type's exceptions.
export function protectedSet(input: ProtectedSetInput): ProtectedSet {
  const F = input.featureDir;
  const isClosing = PROTECTION_CLOSING_TYPES.has(input.unitType);
  const isVerdictAllowed =
    input.unitType === "close" || input.unitType === "close-intermediate";
  const n = input.currentGate;
  const entries: ProtectedEntry[] = [];
  const add = (e: ProtectedEntry) => {
    if (!entries.some((x) => x.path === e.path)) entries.push(e);
  };
  const fixed = (
    rule: ProtectedEntry["rule"],
    p: string,
    compare: Comparison = "content",
  ) => add({ rule, path: p, compare, exception: null });
  fixed("P1", ".specfuse/verification.yml");
  fixed("P2", ".specfuse/config.yml");
  fixed("P2", ".specfuse/config");
  fixed("P3", ".specfuse/.loop.lock", "tree");
  fixed("P3", ".specfuse/.loop.lock.json");
  fixed("P4", inFeature(F, "events.jsonl"));
  add({
    rule: "P5",
    path: inFeature(F, "PLAN.md"),
    compare: isClosing ? "graph" : "content",
    exception: isClosing
      ? `may be edited, but the graph entries of gate ${n} and earlier (gate numbers and files; unit ids, files and depends_on) must not change`
      : null,
  });
  const gateNumbers = new Map<string, number>();
  for (const g of input.graph.gates)
    gateNumbers.set(inFeature(F, g.file), g.number);
  for (const name of input.featureFiles) {
    const num = gateFileNumber(name);
    const p = inFeature(F, name);
    if (num !== null && !gateNumbers.has(p)) gateNumbers.set(p, num);
  }
  for (const [p, num] of gateNumbers) {
    if (/-REVIEW\.md$/.test(p)) continue;
    add(gateEntry(p, num, n, isClosing));
  }
  const own = inFeature(F, input.unitFile);
  add({
    rule: "P7",
    path: own,
    compare: isVerdictAllowed ? "own-frontmatter" : "frontmatter",
    exception: isVerdictAllowed
      ? "frontmatter protected except `verdict`, which this unit sets; the body is free"
      : "frontmatter protected; the body is free",
  });
  for (const g of input.graph.gates)
    if (g.number <= n)
      for (const u of g.units)
        add({
          rule: "P7",
          path: inFeature(F, u.file),
          compare: "frontmatter",
          exception: "frontmatter protected; the body is free",
        });
  fixed("P8", checkpointFile(F));
  fixed("P9", "HEAD", "branch");
  return {
    featureDir: F,
    currentGate: n,
    isClosing,
    isVerdictAllowed,
    entries,
    exceptions: generalExceptions(F, n, isClosing),
  };
}

// The P6 entry of one gate file: later gates are editable by closing types while open.
export function gateEntry(
  p: string,
  gateNumber: number,
  currentGate: number,
  isClosing: boolean,
): ProtectedEntry {
  const isLater = isClosing && gateNumber > currentGate;
  return {
    rule: "P6",
    path: p,
    compare: isLater ? "later-gate" : "content",
    exception: isLater
      ? "a later gate's file: may be created or edited while its status is absent or open"
      : null,
  };
}

function generalExceptions(F: string, n: number, isClosing: boolean): string[] {
  const lines = [
    `WU bodies are not protected, nor are the WU files of gates after gate ${n} (drafts).`,
    `GATE-NN-REVIEW.md files in ${F} are not protected.`,
  ];
  if (isClosing)
    lines.push(
      `GATE-NN.md files of gates after gate ${n} may be created or edited while their status is absent or open.`,
    );
  return lines;
}

// `<F>/<file>` as a normalized repo-relative POSIX path.
export function inFeature(featureDir: string, file: string): string {
  return path.posix.normalize(
    path.posix.join(featureDir.replace(/\\/g, "/"), file.replace(/\\/g, "/")),
  );
}
