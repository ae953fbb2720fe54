import type { ReadEvent } from "../events/read-events.js";
import { censusOf } from "../history/event-census.js";
import {
  isFailedOutcome,
  OUTCOME_CATEGORIES,
  outcomeCategory,
  type OutcomeCategory,
} from "../history/outcome-category.js";
import {
  buildHistories,
  sumOf,
  type UnitHistory,
} from "../history/unit-history.js";
import { lastSegment } from "../plan/correlation-id.js";
import type { FeatureModel, UnitModel } from "../plan/feature-model.js";
import { roundTo } from "../yaml/format-number.js";
import { attemptKey, buildTimeline } from "./build-timeline.js";
import { layoutGraph } from "./layout-graph.js";
import type {
  ReportEvidence,
  ReportModel,
  ReportNote,
  ReportUnit,
} from "./report-model.js";

/** Everything the report is built from, read once by gatherReport. */
export interface ReportInputs {
  model: FeatureModel;
  events: readonly ReadEvent[];
  /** Lines of events.jsonl that are not events (F-EV-1: skipped). */
  skippedLines: number;
  /** Notes of non-passing attempts, by attemptKey. */
  notes: ReadonlyMap<string, ReportNote>;
  /** Findings counts of `attempt-<a>.findings.json`, by attemptKey. */
  findings: ReadonlyMap<string, number | null>;
  /** Squash commits found in git, by unit id. */
  commits: ReadonlyMap<string, { sha: string; subject: string }>;
  /** Files of the feature that could not be read or parsed, as `file:line: message`. */
  problems: readonly string[];
  generatedAt: string;
  version: string;
}

// Builds the report model (issue 16 §3) from the plan, events and the files read; pure.
export function buildReport(input: ReportInputs): ReportModel {
  const m = input.model;
  const histories = buildHistories(input.events);
  const evidence = evidenceOf(m, histories, input);
  const ids = new Map(
    evidence.map((e) => [attemptKey(e.unitId, e.cycle, e.attempt), e.id]),
  );
  const units = [...m.units.values()]
    .sort((a, b) => a.order - b.order)
    .map((u) => unitOf(u, histories.get(u.id) ?? null, input.commits));
  const byId = new Map(units.map((u) => [u.id, u]));
  const gates = m.gates.map((g) => {
    const mine = g.units
      .map((u) => byId.get(u.id))
      .filter((u) => u !== undefined);
    return {
      number: g.number,
      status: g.status,
      budgetUsd:
        typeof g.budgetRaw === "number" && Number.isFinite(g.budgetRaw)
          ? g.budgetRaw
          : null,
      costUsd: roundTo(
        mine.reduce((s, u) => s + (u.costUsd ?? 0), 0),
        6,
      ),
      durationSeconds: roundTo(
        mine.reduce((s, u) => s + (u.durationSeconds ?? 0), 0),
        3,
      ),
      unitIds: mine.map((u) => u.id),
      timeline: buildTimeline(g, histories, ids),
    };
  });
  const bars = gates.flatMap(
    (g) => g.timeline?.rows.flatMap((r) => r.bars) ?? [],
  );
  return {
    feature: {
      id: m.featureId,
      dir: m.dir,
      title: m.title,
      status: m.planStatus,
      branch: m.branch,
    },
    generatedAt: input.generatedAt,
    version: input.version,
    hasEvents: input.events.length > 0,
    totals: {
      units: units.length,
      done: units.filter((u) => u.status === "done").length,
      attempts: units.reduce((s, u) => s + u.attempts, 0),
      failed: units.reduce((s, u) => s + u.failed, 0),
      costUsd: roundTo(
        units.reduce((s, u) => s + (u.costUsd ?? 0), 0),
        6,
      ),
      durationSeconds: roundTo(
        units.reduce((s, u) => s + (u.durationSeconds ?? 0), 0),
        3,
      ),
    },
    gates,
    units,
    graph: layoutGraph(units),
    evidence,
    census: censusOf(input.events),
    skippedLines: input.skippedLines,
    legend: legendOf([
      ...bars.map((b) => b.category),
      ...evidence.map((e) => e.category),
    ]),
    problems: [...input.problems],
  };
}

function unitOf(
  u: UnitModel,
  h: UnitHistory | null,
  commits: ReadonlyMap<string, { sha: string; subject: string }>,
): ReportUnit {
  const attempts = h?.cycles.flatMap((c) => c.attempts) ?? [];
  const num = (v: unknown) =>
    typeof v === "number" && Number.isFinite(v) ? v : null;
  const orFrontmatter = (current: number | null, cumulative: unknown) =>
    current === null && num(cumulative) === null
      ? null
      : (current ?? 0) + (num(cumulative) ?? 0);
  // Lifetime values (evidence.md EV-LIFE-2): the attempts' sums, else cumulative plus the last cycle.
  const cost =
    sumOf(attempts, (a) => a.costUsd) ??
    orFrontmatter(u.costUsd, u.data.cumulative_cost_usd);
  const duration =
    sumOf(attempts, (a) => a.durationSeconds) ??
    orFrontmatter(u.durationSeconds, u.data.cumulative_duration_seconds);
  const fromEvent = h?.cycles
    .map((c) => c.ending?.commit ?? null)
    .filter((c): c is string => c !== null)
    .at(-1);
  const fromGit = commits.get(u.id);
  return {
    id: u.id,
    short: lastSegment(u.id),
    title: u.title,
    gate: u.gate,
    type: u.type,
    status: u.status,
    dependsOn: [...u.dependsOn],
    attempts: attempts.length,
    failed: attempts.filter((a) => isFailedOutcome(a.outcome)).length,
    cycles: h?.cycles.length ?? 0,
    costUsd: cost === null ? null : roundTo(cost, 6),
    durationSeconds: duration === null ? null : roundTo(duration, 3),
    plannedCostUsd: u.plannedCost,
    commit:
      fromEvent !== undefined
        ? {
            sha: fromEvent,
            subject: fromGit?.sha === fromEvent ? fromGit.subject : null,
          }
        : (fromGit ?? null),
    isAutoClosed: u.autoClose,
  };
}

// Every non-passing attempt in graph order, each with its note (EV-BLK-1) when one was read.
function evidenceOf(
  m: FeatureModel,
  histories: ReadonlyMap<string, UnitHistory>,
  input: ReportInputs,
): ReportEvidence[] {
  const list: ReportEvidence[] = [];
  const units = [...m.units.values()].sort((a, b) => a.order - b.order);
  for (const u of units)
    for (const c of histories.get(u.id)?.cycles ?? [])
      for (const a of c.attempts) {
        if (!isFailedOutcome(a.outcome)) continue;
        const key = attemptKey(u.id, a.cycle, a.attempt);
        list.push({
          id: `ev-${list.length + 1}`,
          unitId: u.id,
          cycle: a.cycle,
          attempt: a.attempt,
          outcome: a.outcome,
          category: outcomeCategory(a.outcome),
          failureClass: a.failureClass,
          findings: input.findings.get(key) ?? null,
          summary: a.summary,
          excerpt: a.failureExcerpt,
          durationSeconds: a.durationSeconds,
          costUsd: a.costUsd,
          endedAt: a.endedAt,
          note: input.notes.get(key) ?? null,
        });
      }
  return list;
}

function legendOf(seen: readonly OutcomeCategory[]): OutcomeCategory[] {
  const present = new Set(seen);
  return OUTCOME_CATEGORIES.map((c) => c.category).filter((c) =>
    present.has(c),
  );
}
