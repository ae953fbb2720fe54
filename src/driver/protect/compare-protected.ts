import path from "node:path";
import { parsePlan } from "../../plan/parse-plan.js";
import { parseFrontmatter } from "../../yaml/split-frontmatter.js";
import {
  gateEntry,
  gateFileNumber,
  type ProtectedEntry,
  type ProtectedSet,
} from "./protected-set.js";

/** A protected path as seen at one moment: null when absent. */
export type FileState = {
  /** A content hash (a directory's hash covers its listing and contents). */
  hash: string;
  /** The text, needed for the graph, frontmatter and later-gate comparisons. */
  text?: string;
} | null;

/** Snapshot and post-agent views of the protected paths (D-PROT-2). */
export interface ProtectionViews {
  /** Path → state at attempt start. A path missing from either map was not gathered and counts as unchanged. */
  before: ReadonlyMap<string, FileState>;
  /** Path → state after the agent and the fold; include every `<F>/GATE-<digits>.md` present now. */
  after: ReadonlyMap<string, FileState>;
  branchBefore: string | null;
  branchAfter: string | null;
}

// The protected paths this attempt changed (D-PROT-2), sorted; `HEAD` stands for the branch (P9).
export function detectViolations(
  set: ProtectedSet,
  views: ProtectionViews,
): string[] {
  const found = new Set<string>();
  const known = new Set(set.entries.map((e) => e.path));
  const entries: ProtectedEntry[] = [...set.entries];
  for (const p of views.after.keys()) {
    if (known.has(p) || path.posix.dirname(p) !== set.featureDir) continue;
    const num = gateFileNumber(path.posix.basename(p));
    if (num !== null)
      entries.push(gateEntry(p, num, set.currentGate, set.isClosing));
  }
  for (const e of entries) {
    if (e.compare === "branch") {
      if (views.branchBefore !== views.branchAfter) found.add("HEAD");
      continue;
    }
    const isNew = !known.has(e.path);
    const before = isNew
      ? (views.before.get(e.path) ?? null)
      : views.before.get(e.path);
    const after = views.after.get(e.path);
    if (before === undefined || after === undefined) continue;
    if (isViolation(e, before, after, set)) found.add(e.path);
  }
  return [...found].sort();
}

function isViolation(
  e: ProtectedEntry,
  before: FileState,
  after: FileState,
  set: ProtectedSet,
): boolean {
  if (before === null && after === null) return false;
  if (before !== null && after !== null && before.hash === after.hash)
    return false;
  switch (e.compare) {
    case "graph":
      return !sameGraphSubset(before, after, set.currentGate);
    case "frontmatter":
      return !sameFrontmatter(before, after, false);
    case "own-frontmatter":
      return !sameFrontmatter(before, after, set.isVerdictAllowed);
    case "later-gate":
      return !isAllowedLaterGateEdit(before, after);
    default:
      return true;
  }
}

// P5: the graph entries of the current and earlier gates, by gate number (gate, file; unit id, file, depends_on).
export function graphSubset(
  planText: string,
  currentGate: number,
): string | null {
  const plan = parsePlan(planText);
  if (plan.graph === null || !plan.graph.isGatesList) return null;
  const subset = plan.graph.gates
    .filter((g) => typeof g.gate === "number" && g.gate <= currentGate)
    .map((g) => ({
      gate: g.gate,
      file: g.file ?? null,
      units: g.isWorkUnitsList
        ? g.units.map((u) =>
            u.isMap
              ? {
                  id: u.id ?? null,
                  file: u.file ?? null,
                  depends_on: u.dependsOn ?? null,
                }
              : { entry: u.raw ?? null },
          )
        : (g.workUnits ?? null),
    }));
  return stableJson(subset);
}

function sameGraphSubset(
  before: FileState,
  after: FileState,
  n: number,
): boolean {
  if (before === null || after === null) return false;
  if (before.text === undefined || after.text === undefined) return false;
  const a = graphSubset(before.text, n);
  return a !== null && a === graphSubset(after.text, n);
}

// P7: parsed frontmatter equality; the unit's own `verdict` is ignored when it may set it.
export function sameFrontmatter(
  before: FileState,
  after: FileState,
  isVerdictIgnored: boolean,
): boolean {
  if (before === null || after === null) return false;
  if (before.text === undefined || after.text === undefined) return false;
  return (
    frontmatterKey(before.text, isVerdictIgnored) ===
    frontmatterKey(after.text, isVerdictIgnored)
  );
}

function frontmatterKey(text: string, isVerdictIgnored: boolean): string {
  const fm = parseFrontmatter(text);
  const data: Record<string, unknown> = { ...fm.data };
  if (isVerdictIgnored) delete data.verdict;
  return stableJson({ state: fm.state === "error" ? "error" : "ok", data });
}

// P6 exception: a later gate's file may be created or edited while its status is absent or open, before and after.
export function isAllowedLaterGateEdit(
  before: FileState,
  after: FileState,
): boolean {
  if (after === null || after.text === undefined) return false;
  if (
    before !== null &&
    (before.text === undefined || !isOpenGate(before.text))
  )
    return false;
  return isOpenGate(after.text);
}

function isOpenGate(text: string): boolean {
  const fm = parseFrontmatter(text);
  if (fm.state === "error") return false;
  const status = fm.data.status;
  return status === undefined || status === null || status === "open";
}

// JSON with sorted object keys, so key order never counts as a change.
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort())
      sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
