import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import type {
  Actor,
  StatusChange,
  Subscriber,
} from "../../src/transitions/change.js";
import { openEventLog } from "../../src/transitions/event-log.js";
import { statusOf } from "../../src/transitions/status-of.js";
import {
  createTransitions,
  type Transitions,
} from "../../src/transitions/transitions.js";
import { dedent } from "../helpers/dedent.js";
import { tempDir } from "../helpers/temp-dir.js";
import { writeTree } from "../helpers/write-tree.js";

const F = ".specfuse/features/FEAT-1";
const WU = `${F}/WU-01.md`;
const GATE = `${F}/GATE-01.md`;
const AT = new Date("2026-11-22T02:01:24.168Z");

async function setup(
  validate?: (change: StatusChange, by: Actor) => string | null,
): Promise<{ root: string; t: Transitions; read: (rel: string) => string }> {
  const root = tempDir("specfuse-transitions-");
  writeTree(root, {
    [WU]: "---\nid: FEAT-1/T01\ntype: implementation\nstatus: pending\n---\n# T01\n",
    [`${F}/events.jsonl`]: "",
  });
  const log = await openEventLog(root, F, {
    now: () => AT,
    version: "0.4.0",
  });
  const t = createTransitions({
    root,
    log,
    by: "run",
    ...(validate !== undefined ? { validate } : {}),
  });
  return {
    root,
    t,
    read: (rel) => readFileSync(path.join(root, rel), "utf8"),
  };
}

describe("transition service (audit.md AU-TR-1)", () => {
  it("writes status then keys in one write, appends the typed event, then tells subscribers", async () => {
    const { t, read } = await setup();
    const seen: Array<{ line: string | null; changes: StatusChange[] }> = [];
    const order: string[] = [];
    const subscriber: Subscriber = (line, event, changes) => {
      order.push(read(`${F}/events.jsonl`) === "" ? "before" : "after");
      expect(event?.event_type).toBe("task_started");
      seen.push({ line, changes: [...changes] });
    };
    t.subscribe(subscriber);
    const applied = await t.apply({
      writes: [
        {
          entity: "unit",
          id: "FEAT-1/T01",
          file: WU,
          to: "in_progress",
          keys: [["attempts", 1]],
        },
      ],
      event: {
        correlation_id: "FEAT-1/T01",
        event_type: "task_started",
        payload: {
          type: "implementation",
          model: "sonnet",
          effort: "medium",
          re_arm_count: 0,
        },
      },
    });
    expect(read(WU)).toBe(dedent`
      ---
      id: FEAT-1/T01
      type: implementation
      status: in_progress
      attempts: 1
      ---
      # T01
    `);
    const change = {
      entity: "unit",
      id: "FEAT-1/T01",
      from: "pending",
      to: "in_progress",
    };
    expect(applied.changes).toStrictEqual([change]);
    expect(read(`${F}/events.jsonl`)).toBe(`${applied.line}\n`);
    expect(applied.line).toContain('"event_type": "task_started"');
    expect(order).toStrictEqual(["after"]);
    expect(seen).toStrictEqual([{ line: applied.line, changes: [change] }]);
  });

  it("a status already held is no change and nothing is announced; a removed subscriber hears nothing", async () => {
    const { t } = await setup();
    const seen: StatusChange[][] = [];
    const unsubscribe = t.subscribe((_l, _e, changes) =>
      seen.push([...changes]),
    );
    const write = {
      entity: "unit" as const,
      id: "FEAT-1/T01",
      file: WU,
      to: "pending",
    };
    expect((await t.apply({ writes: [write], event: null })).changes).toEqual(
      [],
    );
    expect(seen).toStrictEqual([]);
    await t.apply({ writes: [{ ...write, to: "in_progress" }], event: null });
    unsubscribe();
    await t.apply({ writes: [{ ...write, to: "done" }], event: null });
    expect(seen).toStrictEqual([
      [
        {
          entity: "unit",
          id: "FEAT-1/T01",
          from: "pending",
          to: "in_progress",
        },
      ],
    ]);
  });

  it("AU-TR-2: a refused change writes nothing of its step and is internal_error", async () => {
    const calls: Array<[StatusChange, Actor]> = [];
    const { t, read } = await setup((change, by) => {
      calls.push([change, by]);
      return change.to === "done" ? "pending → done is no row" : null;
    });
    const before = read(WU);
    let caught: unknown;
    try {
      await t.apply({
        writes: [
          {
            entity: "gate",
            id: "1",
            file: GATE,
            to: "awaiting_review",
            stubGate: 1,
          },
          { entity: "unit", id: "FEAT-1/T01", file: WU, to: "done" },
        ],
        event: {
          correlation_id: "FEAT-1",
          event_type: "gate_reached",
          payload: { gate: 1 },
        },
      });
    } catch (error) {
      caught = error;
    }
    expect(isSpecfuseError(caught) && caught.code).toBe("internal_error");
    expect(String((caught as Error).message)).toBe(
      "illegal transition unit FEAT-1/T01: pending → done (by run)",
    );
    expect(read(WU)).toBe(before);
    expect(existsSync(path.join(path.dirname(WU), "GATE-01.md"))).toBe(false);
    expect(read(`${F}/events.jsonl`)).toBe("");
    expect(calls.map(([c, by]) => [c.from, c.to, by])).toStrictEqual([
      [null, "awaiting_review", "run"],
      ["pending", "done", "run"],
    ]);
  });

  it("D-PASS-1: a staged change is written at once and announced with the event that settles it", async () => {
    const { t, read } = await setup();
    const seen: Array<[string | undefined, StatusChange[]]> = [];
    t.subscribe((_l, e, c) => seen.push([e?.event_type, [...c]]));
    const staged = await t.stage([
      { entity: "unit", id: "FEAT-1/T01", file: WU, to: "done", by: "agent" },
    ]);
    expect(read(WU)).toContain("status: done");
    expect(seen).toStrictEqual([]);
    t.record({
      correlation_id: "FEAT-1/T01",
      event_type: "task_completed",
      payload: { attempts: 1, attempts_usage: [] },
    });
    t.record(
      {
        correlation_id: "FEAT-1/T01",
        event_type: "task_completed",
        payload: { attempts: 1, attempts_usage: [] },
      },
      staged,
    );
    expect(seen).toStrictEqual([
      ["task_completed", []],
      [
        "task_completed",
        [{ entity: "unit", id: "FEAT-1/T01", from: "pending", to: "done" }],
      ],
    ]);
  });

  it("writeKeys refuses status; reapply writes remembered keys under a lane's root", async () => {
    const { root, t, read } = await setup();
    await expect(t.writeKeys(WU, [["status", "done"]])).rejects.toThrow(
      /only through a transition step/,
    );
    await t.writeKeys(WU, [["attempts", 2]]);
    expect(read(WU)).toContain("attempts: 2");
    const lane = tempDir("specfuse-lane-");
    writeTree(lane, { [WU]: read(WU).replace("attempts: 2", "attempts: 0") });
    await t.reapply(
      WU,
      [
        ["status", "in_progress"],
        ["attempts", 2],
      ],
      { root: lane },
    );
    expect(readFileSync(path.join(lane, WU), "utf8")).toContain(
      "status: in_progress\nattempts: 2",
    );
    expect(read(WU)).toContain("status: pending");
    expect(root).not.toBe(lane);
  });
});

describe("statusOf (the transition's `from`)", () => {
  it.each([
    ["unit", null, null],
    ["unit", "---\nid: x\n---\n", "pending"],
    ["gate", "---\ngate: 1\n---\n", "open"],
    ["feature", "---\ntitle: t\n---\n", null],
    ["gate", "---\nstatus: passed\n---\n", "passed"],
    ["unit", "no frontmatter", "pending"],
  ] as const)("%s %j → %s", (entity, text, expected) => {
    expect(statusOf(entity, text)).toBe(expected);
  });
});
