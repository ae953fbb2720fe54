import type { EventCensus } from "../history/event-census.js";
import type { OutcomeCategory } from "../history/outcome-category.js";
import type { GraphLayout } from "./layout-graph.js";

/** One attempt drawn on a timeline row. */
export interface TimelineBar {
  unitId: string;
  /** The unit id's last segment, shown on lane rows. */
  short: string;
  cycle: number;
  attempt: number;
  outcome: string;
  category: OutcomeCategory;
  /** Left edge and width as percentages of the gate's span. */
  left: number;
  width: number;
  /** Tooltip text. */
  title: string;
  /** The html id of the attempt's evidence, for failed attempts. */
  evidenceId: string | null;
}

/** One row: a unit, or a lane of a parallel run (parallel.md P-EVT-1). */
export interface TimelineRow {
  label: string;
  /** A status word, or the lane's units. */
  detail: string;
  bars: TimelineBar[];
  /** Shown when the row has no bars (`auto-closed`, `not dispatched`). */
  empty: string | null;
}

/** The timeline of one gate. */
export interface Timeline {
  mode: "unit" | "lane";
  /** ISO times of the span's ends. */
  start: string;
  end: string;
  spanSeconds: number;
  rows: TimelineRow[];
  /** Axis ticks: position in percent and label. */
  ticks: Array<{ left: number; label: string }>;
  /** Attempts whose end time does not parse, so they have no place. */
  unplaced: number;
}

/** A unit in the cost table and the graph. */
export interface ReportUnit {
  id: string;
  short: string;
  title: string;
  gate: number;
  type: string;
  status: string;
  dependsOn: string[];
  /** Attempts recorded in events.jsonl, every cycle. */
  attempts: number;
  failed: number;
  cycles: number;
  costUsd: number | null;
  durationSeconds: number | null;
  plannedCostUsd: number | null;
  commit: { sha: string; subject: string | null } | null;
  isAutoClosed: boolean;
}

/** One gate's section. */
export interface ReportGate {
  number: number;
  status: string;
  budgetUsd: number | null;
  costUsd: number;
  /** Agent time: the sum of attempt durations. */
  durationSeconds: number;
  unitIds: string[];
  timeline: Timeline | null;
}

/** A non-passing attempt and what it left behind (evidence.md EV-BLK-1). */
export interface ReportEvidence {
  id: string;
  unitId: string;
  cycle: number;
  attempt: number;
  outcome: string;
  category: OutcomeCategory;
  failureClass: string | null;
  findings: number | null;
  summary: string | null;
  excerpt: string | null;
  durationSeconds: number | null;
  costUsd: number | null;
  endedAt: string;
  note: ReportNote | null;
}

/** The note file of an attempt and the part of it the page carries. */
export interface ReportNote {
  /** Repo-relative path. */
  path: string;
  /** Link relative to the report file. */
  href: string;
  /** The inlined part of the note; null when it was not inlined (see `omitted`). */
  text: string | null;
  bytes: number;
  isCut: boolean;
  /** Why `text` is null: the page's budget was spent, or the file could not be read. */
  omitted: "budget" | "unreadable" | null;
}

/** Everything the page shows; built purely from the plan, the events and the files read. */
export interface ReportModel {
  feature: {
    id: string;
    dir: string;
    title: string;
    status: string | null;
    branch: string | null;
  };
  generatedAt: string;
  version: string;
  hasEvents: boolean;
  totals: {
    units: number;
    done: number;
    attempts: number;
    failed: number;
    costUsd: number;
    durationSeconds: number;
  };
  gates: ReportGate[];
  units: ReportUnit[];
  graph: GraphLayout;
  evidence: ReportEvidence[];
  census: EventCensus;
  skippedLines: number;
  /** Outcome categories that appear, in legend order. */
  legend: OutcomeCategory[];
  /** Files of the feature that could not be read or parsed. */
  problems: string[];
}
