import type { CommitFacts } from "../git/read-history.js";
import { typeDefaults } from "../plan/vocabulary.js";
import type { TrailEvent } from "./check-transitions.js";

/** A `task_completed` event and the squash commit that stands for it (AU-VER-1 `commit_missing`). */
export interface Completion {
  trail: TrailEvent;
  unitId: string;
  /** Null: no commit on HEAD's history. */
  commit: CommitFacts | null;
  /** Where the commit came from: the payload's `commit`, or the `Feature:` trailer search. */
  via: "payload" | "trailer";
}

/** What the parent of a squash commit said about verification (F-VER-6: the oracle the attempt ran under). */
export interface ParentOracle {
  /** Set name → check names, or null when verification.yml did not read there. */
  sets: ReadonlyMap<string, readonly string[]> | null;
  costTracking: boolean;
  /** The unit's `extra_gates` as its WU file had them at the parent. */
  extraGates: readonly string[];
}

/** A commit-side violation of one event line. */
export interface CommitViolation {
  kind: "commit_missing" | "trailer_mismatch" | "oracle_modified";
  line: number;
  commit: string | null;
  message: string;
}

const TRAILERS = [
  "Feature",
  "Work-Unit-Type",
  "Attempts",
  "Model",
  "Verified-By",
];
const ORACLE = [".specfuse/verification.yml", ".specfuse/config.yml"];

function trailer(c: CommitFacts, key: string): string | null {
  return c.trailers.find(([k]) => k === key)?.[1] ?? null;
}

function isSquashFor(c: CommitFacts, unitId: string): boolean {
  return !c.subject.startsWith("chore(") && trailer(c, "Feature") === unitId;
}

// Pairs each task_completed with its commit: the payload's `commit` when given (looked up in `explicit`), else, in file
// order, the newest unclaimed non-chore first-parent commit whose `Feature:` is the unit and that is not newer than the
// commit recording the event (`order`: first-parent SHAs, newest first); pure.
export function matchCompletions(
  events: readonly TrailEvent[],
  commits: readonly CommitFacts[],
  explicit: ReadonlyMap<string, CommitFacts | null>,
  order: readonly string[] = [],
): Completion[] {
  const done = events.filter((e) => e.event.event_type === "task_completed");
  const position = new Map(order.map((sha, i) => [sha, i]));
  const claimed = new Set<string>();
  for (const c of explicit.values()) if (c !== null) claimed.add(c.sha);
  return done.map((trail) => {
    const unitId = trail.event.correlation_id;
    const sha = trail.event.payload.commit;
    if (typeof sha === "string")
      return {
        trail,
        unitId,
        commit: explicit.get(sha) ?? null,
        via: "payload",
      };
    const recorded =
      trail.origin === null ? undefined : position.get(trail.origin);
    const commit =
      commits.find(
        (c) =>
          !claimed.has(c.sha) &&
          isSquashFor(c, unitId) &&
          (recorded === undefined ||
            (position.get(c.sha) ?? Infinity) >= recorded),
      ) ?? null;
    if (commit !== null) claimed.add(commit.sha);
    return { trail, unitId, commit, via: "trailer" };
  });
}

// The model of the unit's last `task_started` before a line, or null.
export function lastModel(
  events: readonly TrailEvent[],
  unitId: string,
  beforeLine: number,
): string | null {
  let model: string | null = null;
  for (const e of events) {
    if (e.line >= beforeLine) break;
    if (
      e.event.event_type === "task_started" &&
      e.event.correlation_id === unitId &&
      typeof e.event.payload.model === "string"
    )
      model = e.event.payload.model;
  }
  return model;
}

function usageCost(payload: Record<string, unknown>): number | null {
  const usage = Array.isArray(payload.attempts_usage)
    ? (payload.attempts_usage as unknown[])
    : [];
  let sum: number | null = null;
  for (const r of usage) {
    const cost =
      typeof r === "object" && r !== null
        ? (r as Record<string, unknown>).cost_usd
        : undefined;
    if (typeof cost === "number") sum = (sum ?? 0) + cost;
  }
  return sum;
}

// What disagrees between a squash commit's trailers and the events (F-GIT-1, AU-VER-1 `trailer_mismatch`); pure.
export function trailerProblems(
  c: Completion,
  oracle: ParentOracle,
  model: string | null,
): string[] {
  const commit = c.commit as CommitFacts;
  const payload = c.trail.event.payload;
  const keys = commit.trailers.map(([k]) => k);
  const problems: string[] = [];
  const expected =
    trailer(commit, "Cost-USD") === null ? TRAILERS : [...TRAILERS, "Cost-USD"];
  if (keys.join("|") !== expected.join("|"))
    problems.push(
      `trailers are ${keys.join(", ") || "none"}; expected ${TRAILERS.join(", ")}[, Cost-USD]`,
    );
  if (trailer(commit, "Feature") !== c.unitId)
    problems.push(
      `Feature is ${trailer(commit, "Feature") ?? "absent"}, not ${c.unitId}`,
    );
  const attempts = trailer(commit, "Attempts");
  if (attempts !== null && attempts !== String(payload.attempts))
    problems.push(
      `Attempts is ${attempts}; the event says ${String(payload.attempts)}`,
    );
  const m = trailer(commit, "Model");
  if (m !== null && model !== null && m !== model)
    problems.push(`Model is ${m}; the last task_started says ${model}`);
  problems.push(
    ...costProblems(
      trailer(commit, "Cost-USD"),
      usageCost(payload),
      oracle.costTracking,
    ),
  );
  problems.push(
    ...verifiedByProblems(
      trailer(commit, "Verified-By"),
      trailer(commit, "Work-Unit-Type"),
      oracle,
    ),
  );
  return problems;
}

function costProblems(
  text: string | null,
  sum: number | null,
  isTracking: boolean,
): string[] {
  if (text === null)
    return isTracking && sum !== null
      ? [`Cost-USD is absent; attempts_usage sums to ${sum}`]
      : [];
  const value = Number(text);
  if (sum === null)
    return [`Cost-USD is ${text}, but attempts_usage records no cost`];
  return Number.isFinite(value) && Math.abs(value - sum) <= 1e-6
    ? []
    : [`Cost-USD is ${text}; attempts_usage sums to ${sum}`];
}

function verifiedByProblems(
  text: string | null,
  type: string | null,
  oracle: ParentOracle,
): string[] {
  if (text === null || oracle.sets === null)
    return oracle.sets === null && text !== null
      ? ["verification.yml did not read at the parent commit"]
      : [];
  const setNames = [typeDefaults(type ?? "").set, ...oracle.extraGates];
  const allowed = new Set(setNames.flatMap((s) => oracle.sets?.get(s) ?? []));
  const names = text
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "");
  const absent = names.filter((n) => !allowed.has(n));
  return absent.length === 0
    ? []
    : [
        `Verified-By names ${absent.join(", ")}, absent from the unit's sets (${setNames.join(", ")}) in the parent's verification.yml`,
      ];
}

// The commit-side violations of one completion (AU-VER-1): missing, trailers, and an oracle the pass commit changed; pure.
export function checkCompletion(
  c: Completion,
  oracle: ParentOracle | null,
  model: string | null,
  prefix = "",
): CommitViolation[] {
  const line = c.trail.line;
  if (c.commit === null) {
    const how =
      c.via === "payload"
        ? `its commit ${String(c.trail.event.payload.commit)} is not on HEAD's history`
        : `no first-parent commit of HEAD has "Feature: ${c.unitId}" outside chore( bookkeeping`;
    return [
      {
        kind: "commit_missing",
        line,
        commit: c.trail.origin,
        message: `task_completed of ${c.unitId}: ${how}`,
      },
    ];
  }
  const sha = c.commit.sha;
  const found: CommitViolation[] = [];
  const problems = oracle === null ? [] : trailerProblems(c, oracle, model);
  if (problems.length > 0)
    found.push({
      kind: "trailer_mismatch",
      line,
      commit: sha,
      message: `${c.unitId}: ${problems.join("; ")}`,
    });
  const oracles = ORACLE.map((p) => (prefix === "" ? p : `${prefix}/${p}`));
  const touched = c.commit.paths.filter((p) => oracles.includes(p));
  if (touched.length > 0)
    found.push({
      kind: "oracle_modified",
      line,
      commit: sha,
      message: `the pass commit of ${c.unitId} changes ${touched.join(" and ")}: no unit grades itself`,
    });
  return found;
}
