import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import {
  checkUnblockable,
  describeUnblock,
  planUnblock,
} from "../../src/operator/plan-unblock.js";
import { editFrontmatter } from "../../src/yaml/edit-frontmatter.js";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";
import { dedent } from "../helpers/dedent.js";
import {
  FEATURE_ID,
  featureFiles,
  modelOf,
  type GateSpec,
} from "./feature-fixture.js";

const now = new Date("2026-11-22T02:00:00.123Z");

function setup(gateStatus: string | undefined, extra: string) {
  const gates: GateSpec[] = [
    {
      gate: 1,
      status: gateStatus,
      units: [
        { id: "T01", status: "done" },
        { id: "T02", status: "blocked_human", extra },
      ],
    },
  ];
  const model = modelOf(gates);
  const unit = model.units.get(`${FEATURE_ID}/T02`);
  const gate = model.gates[0];
  if (unit === undefined || gate === undefined) throw new Error("fixture");
  return { unit, gate, text: featureFiles(gates)["WU-T02.md"] ?? "" };
}

describe("unblock writes (driver D-UNB-1, formats.md F-WU-4)", () => {
  it("F-WU-4 one write: pending, attempts 0, re_arm_count + 1, a history entry with exactly the keys in order", () => {
    const { unit, gate, text } = setup(
      "awaiting_review",
      "attempts: 3\ncost_usd: 1.5\nduration_seconds: 300",
    );
    const plan = planUnblock({
      unit,
      gate,
      reason: "clarified the criteria",
      now,
    });
    const changes = [["status", plan.to] as const, ...plan.keys];
    expect(changes.map(([k]) => k)).toEqual([
      "status",
      "attempts",
      "re_arm_count",
      "re_arm_history",
    ]);
    const after = editFrontmatter(text, changes);
    expect(after.slice(0, after.indexOf("\n\n") + 1)).toBe(dedent`
      ---
      id: FEAT-2026-0042/T02
      type: implementation
      status: pending
      attempts: 0
      cost_usd: 1.5
      duration_seconds: 300
      re_arm_count: 1
      re_arm_history:
        - timestamp: "2026-11-22T02:00:00.123000+00:00"
          prior_status: blocked_human
          prior_attempts: 3
          prior_cost_usd: 1.5
          prior_duration_seconds: 300.0
          reason: "clarified the criteria"
      ---
      # Unit T02
    `);
    expect(after.slice(after.indexOf("\n\n"))).toBe(
      text.slice(text.indexOf("\n\n")),
    );
    const data = parseFrontmatter(after).data;
    expect(Object.keys((data.re_arm_history as object[])[0] ?? {})).toEqual([
      "timestamp",
      "prior_status",
      "prior_attempts",
      "prior_cost_usd",
      "prior_duration_seconds",
      "reason",
    ]);
  });

  it("D-UNB-1 an awaiting_review gate goes back to open; the event and commit carry the new count", () => {
    const { unit, gate } = setup("awaiting_review", "attempts: 2");
    const plan = planUnblock({
      unit,
      gate,
      reason: "fixed the flaky check",
      now,
    });
    expect(plan.gate).toMatchObject({ number: 1, from: "awaiting_review" });
    expect(plan.event).toEqual({
      correlation_id: `${FEATURE_ID}/T02`,
      event_type: "wu_unblocked",
      payload: {
        re_arm_count: 1,
        reason: "fixed the flaky check",
        prior_status: "blocked_human",
        prior_attempts: 2,
      },
    });
    expect(plan.commit).toEqual({
      subject: `chore(unblock): ${FEATURE_ID}/T02 re-armed (re_arm_count=1)`,
      feature: `${FEATURE_ID}/T02`,
    });
    expect(describeUnblock(plan).join("\n")).toMatch(/awaiting_review → open/);
  });

  it("an open gate stays as it is; a passed gate is noted", () => {
    expect(
      planUnblock({ ...setup(undefined, ""), reason: "r", now }).gate,
    ).toBeNull();
    const passed = planUnblock({ ...setup("passed", ""), reason: "r", now });
    expect(passed.gate).toBeNull();
    expect(passed.notes[0]).toMatch(/gate 1 is passed/);
  });

  it("F-WU-4 keeps earlier history entries and increments the existing count; prior costs default to 0.0", () => {
    const { unit, gate, text } = setup(
      undefined,
      dedent`
        attempts: 1
        re_arm_count: 1
        re_arm_history:
          - timestamp: "2026-11-01T00:00:00.000000+00:00"
            prior_status: blocked_human
            prior_attempts: 3
            prior_cost_usd: 0.5
            prior_duration_seconds: 10.0
            reason: "first"
      `.trimEnd(),
    );
    const plan = planUnblock({ unit, gate, reason: "second", now });
    expect(plan.reArmCount).toBe(2);
    const data = parseFrontmatter(
      editFrontmatter(text, [["status", plan.to], ...plan.keys]),
    ).data;
    const history = data.re_arm_history as Array<Record<string, unknown>>;
    expect(history.map((h) => h.reason)).toEqual(["first", "second"]);
    expect(history[1]).toMatchObject({
      prior_cost_usd: 0,
      prior_duration_seconds: 0,
    });
    expect(data.re_arm_count).toBe(2);
  });

  it("a re_arm_history that is not a list of maps is invalid input (65)", () => {
    const { unit, gate } = setup(undefined, "re_arm_history: oops");
    try {
      planUnblock({ unit, gate, reason: "r", now });
      expect.unreachable();
    } catch (e) {
      expect(isSpecfuseError(e) && e.code).toBe("frontmatter_invalid");
    }
  });

  it.each([
    ["pending", /only blocked_human/],
    ["in_progress", /`specfuse run` recovers it/],
    ["done", /already passed/],
    ["draft", /specfuse arm/],
  ])("C-UNBLOCK-1 refuses a %s unit with wu_not_blocked", (status, why) => {
    const model = modelOf([{ gate: 1, units: [{ id: "T01", status }] }]);
    const unit = model.units.get(`${FEATURE_ID}/T01`);
    if (unit === undefined) throw new Error("fixture");
    try {
      checkUnblockable(unit);
      expect.unreachable();
    } catch (e) {
      if (!isSpecfuseError(e)) throw e;
      expect(e.code).toBe("wu_not_blocked");
      expect(e.detail).toMatch(why);
    }
  });
});
