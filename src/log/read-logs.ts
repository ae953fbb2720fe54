import path from "node:path";
import {
  readEventsFrom,
  type EventCursor,
  type EventTail,
} from "../events/read-events.js";
import { parsePlan } from "../plan/parse-plan.js";
import { toPlanGraph } from "../plan/plan-graph.js";
import type { FeatureSummary } from "../workspace/list-features.js";
import { readText } from "../workspace/read-text.js";

/** One feature's events.jsonl being read, and where the last read stopped. */
export interface LogSource {
  feature: FeatureSummary;
  /** Display path of the file. */
  file: string;
  abs: string;
  cursor: EventCursor;
}

// A source at the start of a feature's events.jsonl.
export function logSource(feature: FeatureSummary): LogSource {
  return {
    feature,
    file: `${feature.dir}/events.jsonl`,
    abs: path.join(feature.absDir, "events.jsonl"),
    cursor: { offset: 0, line: 1 },
  };
}

// Reads the complete lines added since the source's cursor and moves it (truncation restarts at the top).
export function pollSource(source: LogSource): EventTail {
  const tail = readEventsFrom(source.abs, source.cursor);
  source.cursor = tail.cursor;
  return tail;
}

// The unit ids of a feature's task graph, for expanding a `--wu` suffix; none when PLAN.md does not parse.
export async function planUnitIds(feature: FeatureSummary): Promise<string[]> {
  const read = await readText(path.join(feature.absDir, "PLAN.md"));
  if (read.kind !== "file") return [];
  const graph = parsePlan(read.text).graph;
  return graph === null ? [] : [...toPlanGraph(graph).units.keys()];
}

// The warning for lines that are not events (F-EV-1: readers skip them), one per file and poll.
export function skippedWarning(file: string, lines: readonly number[]): string {
  const shown = lines.slice(0, 5).join(", ");
  const more = lines.length > 5 ? `, … (${lines.length} in all)` : "";
  return `${file}: skipped ${lines.length === 1 ? "a line that is" : `${lines.length} lines that are`} not an event (line${lines.length === 1 ? "" : "s"} ${shown}${more})`;
}
