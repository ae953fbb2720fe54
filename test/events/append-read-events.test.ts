import {
  appendFileSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appendEvent, appendEventLine } from "../../src/events/append-event.js";
import { buildEvent } from "../../src/events/format-event.js";
import {
  parseEventLine,
  parseEvents,
  parseEventTimestamp,
  readEvents,
  readEventsFrom,
} from "../../src/events/read-events.js";
import { dedent } from "../helpers/dedent.js";
import { tempDir } from "../helpers/temp-dir.js";

const AT = new Date("2026-11-22T02:01:24.506Z");
const gateReached = (gate: number) =>
  buildEvent(
    {
      correlation_id: "FEAT-2026-0042",
      event_type: "gate_reached",
      payload: { gate },
    },
    AT,
    "0.4.0",
  );
const line = (gate: number, ts = "2026-11-22T02:01:24.506000+00:00") =>
  `{"timestamp": "${ts}", "correlation_id": "FEAT-2026-0042", "event_type": "gate_reached", "source": "driver", "source_version": "0.4.0", "payload": {"gate": ${gate}}}`;

describe("appendEvent (formats.md F-EV-1, driver D-EVT-2)", () => {
  it("creates the file and appends one newline-terminated line per event", () => {
    const file = path.join(tempDir(), "events.jsonl");
    expect(appendEvent(file, gateReached(1))).toBe(`${line(1)}\n`);
    appendEvent(file, gateReached(2));
    expect(readFileSync(file, "utf8")).toBe(`${line(1)}\n${line(2)}\n`);
  });

  it("F-EV-1 repairs a missing final newline before appending", () => {
    const file = path.join(tempDir(), "events.jsonl");
    writeFileSync(file, `${line(1)}\n{"torn": `);
    expect(appendEvent(file, gateReached(2))).toBe(`\n${line(2)}\n`);
    expect(readFileSync(file, "utf8")).toBe(
      `${line(1)}\n{"torn": \n${line(2)}\n`,
    );
    const scan = readEvents(file);
    expect(scan.events.map((e) => e.event.payload.gate)).toStrictEqual([1, 2]);
    expect(scan.skippedLines).toStrictEqual([2]);
  });

  it("refuses a line holding a newline", () => {
    const file = path.join(tempDir(), "events.jsonl");
    expect(() => appendEventLine(file, "a\nb")).toThrow(TypeError);
  });
});

describe("parseEvents (F-EV-1 readers)", () => {
  it("skips blank and unparseable lines, counts the unparseable ones, keeps unknown types and keys", () => {
    const text = dedent`
      ${line(1)}

      not json
      [1, 2]
      {"timestamp": "x", "correlation_id": "A", "event_type": "future_event", "source": "driver", "source_version": "9", "payload": {"new": 1}, "extra": true}
      {"correlation_id": "A", "event_type": "gate_reached"}
      ${line(2)}
    `;
    const scan = parseEvents(text);
    expect(scan.events.map((e) => [e.line, e.event.event_type])).toStrictEqual([
      [1, "gate_reached"],
      [5, "future_event"],
      [7, "gate_reached"],
    ]);
    expect(scan.events[1]?.event.payload).toStrictEqual({ new: 1 });
    expect(scan.events[1]?.time).toBeNull();
    expect(scan.skipped).toBe(3);
    expect(scan.skippedLines).toStrictEqual([3, 4, 6]);
  });

  it("keeps the raw line for `log --json`, without a CR", () => {
    const scan = parseEvents(`${line(1)}\r\n`);
    expect(scan.events[0]?.raw).toBe(line(1));
  });

  it("defaults a missing payload, source and version", () => {
    expect(
      parseEventLine(
        '{"timestamp": "t", "correlation_id": "A", "event_type": "replan"}',
      ),
    ).toStrictEqual({
      timestamp: "t",
      correlation_id: "A",
      event_type: "replan",
      source: "",
      source_version: "",
      payload: {},
    });
  });
});

describe("parseEventTimestamp (F-EV-2: readers accept 0-9 fractional digits and Z)", () => {
  const base = Date.UTC(2026, 10, 22, 2, 1, 24);
  it.each<[string, number | null]>([
    ["2026-11-22T02:01:24.506000+00:00", base + 506],
    ["2026-11-22T02:01:24+00:00", base],
    ["2026-11-22T02:01:24Z", base],
    ["2026-11-22T02:01:24.5Z", base + 500],
    ["2026-11-22T02:01:24.123456789Z", base + 123.456789],
    ["2026-11-22T03:01:24+01:00", base],
    ["2026-11-22T01:31:24-00:30", base],
    ["2026-11-22T02:01:24.1234567890Z", null],
    ["2026-11-22T02:01:24", null],
    ["2026-02-30T02:01:24Z", null],
    ["2026-11-22T24:01:24Z", null],
    ["2026-11-22 02:01:24Z", null],
  ])("%s", (text, expected) => {
    const t = parseEventTimestamp(text);
    if (expected === null) expect(t).toBeNull();
    else expect(t).toBeCloseTo(expected, 6);
  });
});

describe("readEventsFrom: the tail reader behind `log --follow` (cli.md C-LOG, driver D-LOG-1)", () => {
  it("reads only complete new lines and resumes from the cursor", () => {
    const file = path.join(tempDir(), "events.jsonl");
    const first = readEventsFrom(file);
    expect(first).toMatchObject({
      isMissing: true,
      events: [],
      cursor: { offset: 0, line: 1 },
    });
    writeFileSync(file, `${line(1)}\n${line(2).slice(0, 20)}`);
    const a = readEventsFrom(file, first.cursor);
    expect(a.events.map((e) => e.event.payload.gate)).toStrictEqual([1]);
    expect(a.cursor).toStrictEqual({ offset: line(1).length + 1, line: 2 });
    appendFileSync(file, `${line(2).slice(20)}\n${line(3)}\n`);
    const b = readEventsFrom(file, a.cursor);
    expect(b.events.map((e) => [e.line, e.event.payload.gate])).toStrictEqual([
      [2, 2],
      [3, 3],
    ]);
    expect(b.isTruncated).toBe(false);
    const c = readEventsFrom(file, b.cursor);
    expect(c.events).toStrictEqual([]);
    expect(c.cursor).toStrictEqual(b.cursor);
  });

  it("detects truncation and restarts at the beginning", () => {
    const file = path.join(tempDir(), "events.jsonl");
    writeFileSync(file, `${line(1)}\n${line(2)}\n`);
    const a = readEventsFrom(file);
    truncateSync(file, 0);
    appendFileSync(file, `${line(9)}\n`);
    const b = readEventsFrom(file, a.cursor);
    expect(b.isTruncated).toBe(true);
    expect(b.events.map((e) => [e.line, e.event.payload.gate])).toStrictEqual([
      [1, 9],
    ]);
  });

  it("detects a rewrite that left the file longer but moved the line boundary", () => {
    const file = path.join(tempDir(), "events.jsonl");
    writeFileSync(file, `${line(1)}\n`);
    const a = readEventsFrom(file);
    writeFileSync(file, `x${line(1)}\n${line(2)}\n`);
    const b = readEventsFrom(file, a.cursor);
    expect(b.isTruncated).toBe(true);
    expect(b.skipped).toBe(1);
    expect(b.events.map((e) => e.event.payload.gate)).toStrictEqual([2]);
  });

  it("reports a file that disappeared as truncated and missing", () => {
    const dir = tempDir();
    const file = path.join(dir, "events.jsonl");
    writeFileSync(file, `${line(1)}\n`);
    const a = readEventsFrom(file);
    const b = readEventsFrom(path.join(dir, "gone.jsonl"), a.cursor);
    expect(b).toMatchObject({
      isMissing: true,
      isTruncated: true,
      cursor: { offset: 0, line: 1 },
    });
  });

  it("readEvents includes an unterminated last line and a missing file has no events", () => {
    const dir = tempDir();
    const file = path.join(dir, "events.jsonl");
    writeFileSync(file, `${line(1)}\n${line(2)}`);
    expect(readEvents(file).events).toHaveLength(2);
    expect(readEvents(path.join(dir, "none.jsonl"))).toMatchObject({
      isMissing: true,
      events: [],
      skipped: 0,
    });
  });

  it("handles multi-byte characters split across polls", () => {
    const file = path.join(tempDir(), "events.jsonl");
    const full = Buffer.from(`${line(1)}\n{"timestamp": "é`, "utf8");
    writeFileSync(file, full.subarray(0, full.length - 1));
    const a = readEventsFrom(file);
    expect(a.events).toHaveLength(1);
    appendFileSync(
      file,
      Buffer.concat([full.subarray(full.length - 1), Buffer.from('"}\n')]),
    );
    const b = readEventsFrom(file, a.cursor);
    expect(b.skipped).toBe(1);
    expect(b.cursor.offset).toBe(readFileSync(file).length);
  });
});
