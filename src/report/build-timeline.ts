import { formatUsd } from "../driver/unit/cost.js";
import { outcomeCategory } from "../history/outcome-category.js";
import type { AttemptView, UnitHistory } from "../history/unit-history.js";
import { formatElapsed } from "../output/format-elapsed.js";
import { lastSegment } from "../plan/correlation-id.js";
import type { GateModel, UnitModel } from "../plan/feature-model.js";
import type { Timeline, TimelineBar, TimelineRow } from "./report-model.js";

/** An attempt with its unit, as the timeline places it. */
interface Placed {
  unit: UnitModel;
  a: AttemptView;
  startMs: number;
  endMs: number;
}

// The key of one attempt in the maps the report is built from.
export function attemptKey(
  unitId: string,
  cycle: number,
  attempt: number,
): string {
  return `${unitId}#${cycle}#${attempt}`;
}

// One gate's timeline (issue 16 §3): a row per unit, or per lane when a parallel run recorded lanes;
// bars placed by end time minus duration; null when no attempt of the gate was recorded; pure.
export function buildTimeline(
  gate: GateModel,
  histories: ReadonlyMap<string, UnitHistory>,
  evidenceIds: ReadonlyMap<string, string>,
): Timeline | null {
  const all = gate.units.flatMap((unit) =>
    (histories.get(unit.id)?.cycles ?? []).flatMap((c) =>
      c.attempts.map((a) => ({ unit, a })),
    ),
  );
  if (all.length === 0) return null;
  const placed: Placed[] = [];
  for (const { unit, a } of all)
    if (a.endMs !== null)
      placed.push({
        unit,
        a,
        endMs: a.endMs,
        startMs: a.endMs - Math.max(0, a.durationSeconds ?? 0) * 1000,
      });
  const start = Math.min(...placed.map((p) => p.startMs));
  const end = Math.max(...placed.map((p) => p.endMs));
  const span = Math.max(end - start, 1000);
  const bar = (p: Placed): TimelineBar => barOf(p, start, span, evidenceIds);
  const isLanes = placed.some((p) => p.a.lane !== null);
  return {
    mode: isLanes ? "lane" : "unit",
    start: placed.length === 0 ? "" : new Date(start).toISOString(),
    end: placed.length === 0 ? "" : new Date(end).toISOString(),
    spanSeconds: placed.length === 0 ? 0 : span / 1000,
    rows: isLanes ? laneRows(gate, placed, bar) : unitRows(gate, placed, bar),
    ticks: placed.length === 0 ? [] : ticksOf(span),
    unplaced: all.length - placed.length,
  };
}

function barOf(
  p: Placed,
  start: number,
  span: number,
  evidenceIds: ReadonlyMap<string, string>,
): TimelineBar {
  const a = p.a;
  const title = [
    `${p.unit.id} · cycle ${a.cycle} · attempt ${a.attempt}`,
    a.outcome,
    a.durationSeconds === null ? null : formatElapsed(a.durationSeconds * 1000),
    a.costUsd === null ? null : formatUsd(a.costUsd),
    a.lane === null ? null : `lane ${a.lane}`,
    `ended ${a.endedAt}`,
  ].filter((x): x is string => x !== null);
  return {
    unitId: p.unit.id,
    short: lastSegment(p.unit.id),
    cycle: a.cycle,
    attempt: a.attempt,
    outcome: a.outcome,
    category: outcomeCategory(a.outcome),
    left: round2(((p.startMs - start) / span) * 100),
    width: round2(((p.endMs - p.startMs) / span) * 100),
    title: title.join(" · "),
    evidenceId:
      evidenceIds.get(attemptKey(p.unit.id, a.cycle, a.attempt)) ?? null,
  };
}

function unitRows(
  gate: GateModel,
  placed: readonly Placed[],
  bar: (p: Placed) => TimelineBar,
): TimelineRow[] {
  return gate.units.map((unit) => {
    const bars = placed.filter((p) => p.unit.id === unit.id).map(bar);
    return {
      label: lastSegment(unit.id),
      detail: unit.status,
      bars,
      empty: bars.length > 0 ? null : idleText(unit),
    };
  });
}

function laneRows(
  gate: GateModel,
  placed: readonly Placed[],
  bar: (p: Placed) => TimelineBar,
): TimelineRow[] {
  const lanes = [...new Set(placed.map((p) => p.a.lane))].sort(
    (x, y) => (x ?? Infinity) - (y ?? Infinity),
  );
  const rows: TimelineRow[] = lanes.map((lane) => {
    const mine = placed.filter((p) => p.a.lane === lane);
    const units = [...new Set(mine.map((p) => lastSegment(p.unit.id)))];
    return {
      label: lane === null ? "main checkout" : `lane ${lane}`,
      detail: units.join(" "),
      bars: mine.map(bar),
      empty: null,
    };
  });
  const idle = gate.units.filter(
    (u) => !placed.some((p) => p.unit.id === u.id),
  );
  if (idle.length > 0)
    rows.push({
      label: "no attempt",
      detail: idle.map((u) => lastSegment(u.id)).join(" "),
      bars: [],
      empty: idle
        .map((u) => `${lastSegment(u.id)}: ${idleText(u)}`)
        .join(" · "),
    });
  return rows;
}

function idleText(unit: UnitModel): string {
  if (unit.autoClose) return "auto-closed, no dispatch";
  if (unit.status === "draft") return "draft, not armed";
  if (unit.status === "abandoned") return "abandoned";
  if (unit.status === "done") return "done, no attempt recorded";
  return "not dispatched yet";
}

// Five ticks across the span, labelled by the time since its start.
function ticksOf(span: number): Array<{ left: number; label: string }> {
  return [0, 25, 50, 75, 100].map((left) => ({
    left,
    label: `+${formatElapsed((span * left) / 100)}`,
  }));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
