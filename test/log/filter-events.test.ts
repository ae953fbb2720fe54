import { describe, expect, it } from "vitest";
import { parseEvents } from "../../src/events/read-events.js";
import { filterEvents, mergeEvents } from "../../src/log/filter-events.js";
import { wuPrefix } from "../../src/log/wu-filter.js";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";

const line = (t: string, corr: string, type: string) =>
  `{"timestamp": "${t}", "correlation_id": "${corr}", "event_type": "${type}", "source": "driver", "source_version": "0.4.0", "payload": {}}`;

const a = parseEvents(
  [
    line(
      "2026-11-22T02:00:00.000000+00:00",
      "FEAT-2026-0042/T01",
      "task_started",
    ),
    line(
      "2026-11-22T02:05:00.000000+00:00",
      "FEAT-2026-0042/T01",
      "task_completed",
    ),
    "not an event",
    line("2026-11-22T02:09:00.000000+00:00", "FEAT-2026-0042", "gate_reached"),
  ].join("\n"),
).events;
const b = parseEvents(
  [
    line(
      "2026-11-22T02:01:00.000000+00:00",
      "FEAT-2026-0043/T01",
      "task_started",
    ),
    line("bad time", "FEAT-2026-0043/T01", "attempt_outcome"),
    line("2026-11-22T02:05:00Z", "FEAT-2026-0043/T10", "task_started"),
  ].join("\n"),
).events;
const merged = mergeEvents([
  { dir: "a", events: a },
  { dir: "b", events: b },
]);
const ids = (list: ReturnType<typeof filterEvents>) =>
  list.map((e) => `${e.dir}:${e.event.correlation_id}:${e.event.event_type}`);

describe("log merging and filters (cli.md §3.7)", () => {
  it("merges files by timestamp; ties keep file order; an unreadable time stays after its predecessor", () => {
    expect(ids(merged)).toEqual([
      "a:FEAT-2026-0042/T01:task_started",
      "b:FEAT-2026-0043/T01:task_started",
      "b:FEAT-2026-0043/T01:attempt_outcome",
      "a:FEAT-2026-0042/T01:task_completed",
      "b:FEAT-2026-0043/T10:task_started",
      "a:FEAT-2026-0042:gate_reached",
    ]);
  });

  it("--wu keeps correlation ids that start with the value (a feature id matches its units)", () => {
    expect(ids(filterEvents(merged, { wuPrefix: "FEAT-2026-0042" }))).toEqual([
      "a:FEAT-2026-0042/T01:task_started",
      "a:FEAT-2026-0042/T01:task_completed",
      "a:FEAT-2026-0042:gate_reached",
    ]);
    expect(
      filterEvents(merged, { wuPrefix: "FEAT-2026-0043/T1" }),
    ).toHaveLength(1);
  });

  it("--type, --since (events without a readable time drop out) and --limit (the last n after filtering)", () => {
    expect(ids(filterEvents(merged, { type: "task_started" }))).toHaveLength(3);
    expect(
      ids(filterEvents(merged, { since: Date.UTC(2026, 10, 22, 2, 5) })),
    ).toEqual([
      "a:FEAT-2026-0042/T01:task_completed",
      "b:FEAT-2026-0043/T10:task_started",
      "a:FEAT-2026-0042:gate_reached",
    ]);
    expect(
      ids(filterEvents(merged, { type: "task_started", limit: 2 })),
    ).toEqual([
      "b:FEAT-2026-0043/T01:task_started",
      "b:FEAT-2026-0043/T10:task_started",
    ]);
  });

  it("--wu expands a unique suffix to the full id; an ambiguous or unknown one is 64 wu_not_found", () => {
    const units = [
      "FEAT-2026-0042/T01",
      "FEAT-2026-0042/T02",
      "FEAT-2026-0043/T01",
    ];
    expect(wuPrefix("T02", units, [])).toBe("FEAT-2026-0042/T02");
    expect(wuPrefix("FEAT-2026-0042", units, [])).toBe("FEAT-2026-0042");
    expect(wuPrefix("T10", [], ["FEAT-2026-0043/T10"])).toBe(
      "FEAT-2026-0043/T10",
    );
    for (const bad of ["T01", "T99", "FEAT-2026-0042/T99"]) {
      try {
        wuPrefix(bad, units, []);
        expect.unreachable();
      } catch (e) {
        expect(isSpecfuseError(e) && e.code).toBe("wu_not_found");
      }
    }
  });
});
