import { describe, expect, it } from "vitest";
import {
  buildHistories,
  type AttemptView,
  type CycleView,
} from "../../src/history/unit-history.js";
import { makePaint } from "../../src/output/color.js";
import {
  buildShow,
  type FoundFile,
  type ShowInputs,
} from "../../src/show/build-show.js";
import { cycleFilesOf } from "../../src/show/cycle-files.js";
import { reArmEntries } from "../../src/show/re-arm-entries.js";
import { renderShow } from "../../src/show/render-show.js";
import { eventsOf, outcome, type LineSpec } from "../history/events-fixture.js";
import {
  DIR,
  FEATURE_ID,
  featureFiles,
  modelOf,
  type GateSpec,
} from "../operator/feature-fixture.js";

const T2 = `${FEATURE_ID}/T02`;
const HISTORY = [
  "re_arm_count: 1",
  "re_arm_history:",
  "  - timestamp: '2026-11-22T02:10:00.000000+00:00'",
  "    prior_status: blocked_human",
  "    prior_attempts: 2",
  "    prior_cost_usd: 0.5",
  "    prior_duration_seconds: 20.0",
  "    reason: split the criteria",
  "attempts: 1",
  "cost_usd: 0.25",
  "cumulative_cost_usd: 0.5",
].join("\n");
const gates: GateSpec[] = [
  {
    gate: 1,
    status: "open",
    units: [
      { id: "T01", status: "done" },
      { id: "T02", status: "done", deps: ["T01", "T09"], extra: HISTORY },
      { id: "T03", status: "pending", deps: ["T02"] },
    ],
  },
];
const lines: LineSpec[] = [
  { type: "task_started", corr: T2, at: 0 },
  outcome(T2, 1, "failed", 10),
  outcome(T2, 2, "failed", 20),
  {
    type: "human_escalation",
    corr: T2,
    at: 21,
    payload: { reason: "spinning_signature_repeat" },
  },
  { type: "wu_unblocked", corr: T2, at: 600, payload: { re_arm_count: 1 } },
  {
    type: "re_arm_dispatched",
    corr: T2,
    at: 700,
    payload: { re_arm_count: 1 },
  },
  outcome(T2, 1, "passed", 710, { re_arm_count: 1 }),
  { type: "task_completed", corr: T2, at: 711 },
];
const file = (
  cycleFolder: number | null,
  attempt: number,
  kind: FoundFile["kind"],
): FoundFile => {
  const base = `${DIR}/work/${FEATURE_ID}_T02${cycleFolder === null ? "" : `/cycle-${cycleFolder}`}/attempt-${attempt}`;
  const suffix = {
    note: ".md",
    findings: ".findings.json",
    prompt: ".prompt.md",
    transcript: ".agent.jsonl",
    stderr: ".agent-stderr.log",
  }[kind];
  return { cycleFolder, attempt, kind, path: `${base}${suffix}` };
};

function inputs(over: Partial<ShowInputs> = {}): ShowInputs {
  const model = modelOf(gates);
  const unit = model.units.get(T2);
  const gate = model.gates[0];
  if (unit === undefined || gate === undefined) throw new Error("fixture");
  return {
    feature: {
      id: FEATURE_ID,
      dir: DIR,
      title: "Rate limits",
      status: "active",
    },
    unit,
    gate,
    units: model.units,
    history: buildHistories(eventsOf(lines)).get(T2) ?? null,
    files: [
      file(1, 1, "note"),
      file(1, 1, "findings"),
      file(1, 2, "note"),
      file(null, 1, "prompt"),
    ],
    findings: new Map([[file(1, 1, "findings").path, 4]]),
    commit: { sha: "d".repeat(40), subject: "feat: Unit T02", source: "git" },
    ignoredEvents: 2,
    ...over,
  };
}

describe("show: everything about one unit (issue 16 §2)", () => {
  it("dependencies with their state, dependents, and every cycle with its attempts, files and re-arm", () => {
    const body = buildShow(inputs());
    expect(body.unit).toMatchObject({
      id: T2,
      gate: 1,
      gate_status: "open",
      status: "done",
      re_arm_count: 1,
    });
    expect(body.depends_on).toEqual([
      { id: `${FEATURE_ID}/T01`, status: "done", satisfied: true },
      { id: `${FEATURE_ID}/T09`, status: null, satisfied: false },
    ]);
    expect(body.dependents).toEqual([
      { id: `${FEATURE_ID}/T03`, status: "pending" },
    ]);
    expect(
      body.cycles.map((c) => [
        c.cycle,
        c.is_current,
        c.ending?.kind,
        c.attempts.map((a) => a.outcome),
      ]),
    ).toEqual([
      [1, false, "escalated", ["failed", "failed"]],
      [2, true, "completed", ["passed"]],
    ]);
    expect(body.cycles[0]?.re_armed).toMatchObject({
      reason: "split the criteria",
      prior_attempts: 2,
    });
    expect(body.cycles[0]?.attempts[0]).toMatchObject({
      findings: 4,
      failure_class: "tests",
      files: {
        note: file(1, 1, "note").path,
        findings: file(1, 1, "findings").path,
        prompt: null,
      },
    });
    expect(body.cycles[1]?.attempts[0]?.files.prompt).toBe(
      file(null, 1, "prompt").path,
    );
    expect(body.totals).toEqual({
      attempts: 3,
      cost_usd: 0.75,
      duration_seconds: 30,
    });
    expect(body.frontmatter.re_arm_history).toHaveLength(1);
    expect(body.ignored_events).toBe(2);
  });

  it("without events: files alone make attempts, and the lifetime cost comes from the frontmatter (EV-LIFE-2)", () => {
    const body = buildShow(inputs({ history: null, commit: null }));
    expect(
      body.cycles.map((c) => [
        c.cycle,
        c.attempts.map((a) => [a.attempt, a.outcome]),
      ]),
    ).toEqual([
      [
        1,
        [
          [1, null],
          [2, null],
        ],
      ],
      [2, [[1, null]]],
    ]);
    expect(body.totals).toEqual({
      attempts: 0,
      cost_usd: 0.75,
      duration_seconds: null,
    });
  });

  it("renders a terminal view: header, dependencies, the frontmatter as written, cycles and the ignored events", () => {
    const text = renderShow(buildShow(inputs()), {
      paint: makePaint(false),
      isTTY: false,
      display: (p) => p.replace(`${DIR}/`, ""),
      unitText: featureFiles(gates)["WU-T02.md"] ?? null,
    });
    expect(text).toContain(`${T2}  Unit T02`);
    expect(text).toContain("  commit   ddddddd feat: Unit T02");
    expect(text).toMatch(
      /depends on\n {2}FEAT-2026-0042\/T01 +done\n {2}FEAT-2026-0042\/T09 +not in the task graph/,
    );
    expect(text).toContain(
      "frontmatter\n  id: FEAT-2026-0042/T02\n  type: implementation\n",
    );
    expect(text).toContain("    reason: split the criteria");
    expect(text).toMatch(
      /cycle 1 · started [-\d :]+ · escalated \(spinning_signature_repeat\)/,
    );
    expect(text).toContain("  re-armed ");
    expect(text).toMatch(
      / {2}#1 {2}failed {2}0:10 {2}\$0.25 {2}4 findings {2}tests/,
    );
    expect(text).toContain(
      `      note        work/${FEATURE_ID}_T02/cycle-1/attempt-1.md`,
    );
    expect(text).toMatch(/cycle 2 \(current\)/);
    expect(text).toContain(
      "2 events of a type this version does not know were ignored",
    );
  });

  it("escapes control characters from the plan and the events, so a hostile file cannot drive the terminal", () => {
    const body = buildShow(inputs());
    body.unit.title = "evil\u001b]0;pwned\u0007\u009b31m";
    const first = body.cycles[0]?.attempts[0];
    if (first !== undefined) first.summary = "line one\u001b[2J\nline two";
    const text = renderShow(body, {
      paint: makePaint(false),
      isTTY: false,
      display: (p) => p,
      unitText: "---\nid: x\u001b[31m\r\n---\n",
    });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain("evil\\x1b]0;pwned\\x07\\x9b31m");
    expect(text).toContain("      line one\\x1b[2J\n");
    expect(text).toContain("  id: x\\x1b[31m\n");
  });

  it("a unit that never ran: no attempts, no commit yet; an unreadable file is said so", () => {
    const model = modelOf(gates);
    const unit = model.units.get(`${FEATURE_ID}/T03`);
    if (unit === undefined) throw new Error("fixture");
    const body = buildShow({
      ...inputs(),
      unit,
      history: null,
      files: [],
      commit: null,
      ignoredEvents: 0,
    });
    expect(body.cycles).toEqual([
      {
        cycle: 1,
        is_current: true,
        started_at: null,
        ending: null,
        re_armed: null,
        attempts: [],
      },
    ]);
    const text = renderShow(body, {
      paint: makePaint(false),
      isTTY: false,
      display: (p) => p,
      unitText: null,
    });
    expect(text).toContain("commit   none yet");
    expect(text).toContain("(the unit file could not be read)");
    expect(text).toContain("no attempts recorded");
  });
});

describe("cycle files and re-arm entries", () => {
  // Cycles with one attempt each: only their numbers matter here.
  const h = (cycles: number[]): CycleView[] =>
    cycles.map((cycle) => ({
      cycle,
      startedAt: null,
      ending: null,
      attempts: [{} as AttemptView],
    }));

  it("EV-CYC-1 cycle-<n>/ holds cycle n, the work folder the current cycle", () => {
    const map = cycleFilesOf(
      [file(1, 1, "note"), file(null, 1, "note")],
      h([1, 2]),
      2,
    );
    expect([...map.keys()]).toEqual([1, 2]);
  });

  it("a tree older than EV-CYC: the ended cycle's files stay in the work folder until the next dispatch", () => {
    const map = cycleFilesOf([file(null, 1, "note")], h([1]), 2);
    expect([...map.keys()]).toEqual([1]);
  });

  it("reads re_arm_history leniently", () => {
    expect(reArmEntries("nope")).toEqual([]);
    expect(
      reArmEntries([
        null,
        { reason: "r", prior_attempts: 3, timestamp: new Date(0) },
      ]),
    ).toEqual([
      {
        timestamp: null,
        reason: null,
        prior_status: null,
        prior_attempts: null,
        prior_cost_usd: null,
        prior_duration_seconds: null,
      },
      {
        timestamp: "1970-01-01T00:00:00.000Z",
        reason: "r",
        prior_status: null,
        prior_attempts: 3,
        prior_cost_usd: null,
        prior_duration_seconds: null,
      },
    ]);
  });
});
