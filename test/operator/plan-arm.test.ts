import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { planArm, type ArmRequest } from "../../src/operator/plan-arm.js";
import { FEATURE_ID, modelOf, type GateSpec } from "./feature-fixture.js";

const req = (over: Partial<ArmRequest> = {}): ArmRequest => ({
  gate: null,
  wu: [],
  isAbandonRest: false,
  ...over,
});

function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isSpecfuseError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a SpecfuseError");
}

const reviewed: GateSpec[] = [
  {
    gate: 1,
    status: "awaiting_review",
    units: [
      { id: "T01", status: "done" },
      {
        id: "G1-CLOSE-INTERMEDIATE",
        type: "close-intermediate",
        status: "done",
      },
      { id: "G1-PLAN", type: "plan-next", status: "done" },
    ],
  },
  {
    gate: 2,
    units: [
      { id: "T02", status: "draft" },
      { id: "T03", status: "draft", deps: ["T02"] },
      { id: "G2-CLOSE", type: "close", status: "draft", deps: ["T03"] },
    ],
  },
];

describe("arm: target gate (driver D-ARM-1)", () => {
  it("D-ARM-1 arms the first gate with drafts and passes the awaiting gate before it", () => {
    const plan = planArm(modelOf(reviewed), req());
    expect(plan.gate).toBe(2);
    expect(
      plan.gatesPassed.map((g) => [g.number, g.flip.from, g.flip.to]),
    ).toEqual([[1, "awaiting_review", "passed"]]);
    expect(plan.armed.map((a) => [a.id, a.from, a.to])).toEqual([
      [`${FEATURE_ID}/T02`, "draft", "pending"],
      [`${FEATURE_ID}/T03`, "draft", "pending"],
      [`${FEATURE_ID}/G2-CLOSE`, "draft", "pending"],
    ]);
    expect(plan.opened).toBeNull();
    expect(plan.isPlanActivated).toBe(false);
    expect(plan.event).toEqual({
      correlation_id: FEATURE_ID,
      event_type: "gate_armed",
      payload: {
        gate: 2,
        armed: [
          `${FEATURE_ID}/T02`,
          `${FEATURE_ID}/T03`,
          `${FEATURE_ID}/G2-CLOSE`,
        ],
        gates_passed: [1],
      },
    });
    expect(plan.commit).toEqual({
      subject: "chore(arm): arm gate 2",
      feature: FEATURE_ID,
    });
  });

  it("D-ARM-1 opens a target gate that is not open", () => {
    const gates = structuredClone(reviewed);
    (gates[1] as GateSpec).status = "awaiting_review";
    const plan = planArm(modelOf(gates), req());
    expect(plan.opened).toMatchObject({
      id: "2",
      from: "awaiting_review",
      to: "open",
    });
  });

  it("C-ARM-1 --wu arms a subset and --abandon-rest abandons the other drafts", () => {
    const plan = planArm(
      modelOf(reviewed),
      req({ wu: ["T02", `${FEATURE_ID}/G2-CLOSE`], isAbandonRest: true }),
    );
    expect(plan.armed.map((a) => a.id)).toEqual([
      `${FEATURE_ID}/T02`,
      `${FEATURE_ID}/G2-CLOSE`,
    ]);
    expect(plan.abandoned.map((a) => [a.id, a.to])).toEqual([
      [`${FEATURE_ID}/T03`, "abandoned"],
    ]);
    expect(plan.event.payload.armed).toHaveLength(2);
  });

  it("C-ARM-1 --wu without --abandon-rest leaves the other drafts as drafts", () => {
    const plan = planArm(modelOf(reviewed), req({ wu: ["T03"] }));
    expect(plan.armed.map((a) => a.id)).toEqual([`${FEATURE_ID}/T03`]);
    expect(plan.abandoned).toEqual([]);
  });

  it("--abandon-rest without --wu arms everything and warns", () => {
    const plan = planArm(modelOf(reviewed), req({ isAbandonRest: true }));
    expect(plan.abandoned).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).toEqual([
      "abandon_rest_without_wu",
    ]);
  });

  it("C-ARM-1 activates a planned feature", () => {
    const plan = planArm(
      modelOf(
        [{ gate: 1, units: [{ id: "T01", status: "draft" }] }],
        "planned",
      ),
      req(),
    );
    expect(plan.isPlanActivated).toBe(true);
    expect(plan.gate).toBe(1);
    expect(plan.gatesPassed).toEqual([]);
  });

  it("D-ARM-1 with no drafts anywhere accepts an awaiting gate whose units are all done", () => {
    const gates: GateSpec[] = [
      { gate: 1, status: "passed", units: [{ id: "T01", status: "done" }] },
      {
        gate: 2,
        status: "awaiting_review",
        units: [
          { id: "T02", status: "done" },
          { id: "T03", status: "abandoned" },
        ],
      },
    ];
    const plan = planArm(modelOf(gates), req());
    expect(plan.gate).toBe(2);
    expect(plan.gatesPassed.map((g) => g.number)).toEqual([2]);
    expect(plan.armed).toEqual([]);
    expect(plan.isAlreadyArmed).toBe(false);
  });

  it("C-ARM-2 an open gate without drafts is already armed (exit 0, nothing to write)", () => {
    const gates: GateSpec[] = [
      { gate: 1, units: [{ id: "T01", status: "pending" }] },
    ];
    const plan = planArm(modelOf(gates), req());
    expect(plan.isAlreadyArmed).toBe(true);
    expect(plan.gate).toBe(1);
  });

  it("--gate N picks that gate and passes the awaiting gates before it", () => {
    const gates: GateSpec[] = [
      {
        gate: 1,
        status: "awaiting_review",
        units: [{ id: "T01", status: "done" }],
      },
      { gate: 2, units: [{ id: "T02", status: "pending" }] },
    ];
    const plan = planArm(modelOf(gates), req({ gate: 2 }));
    expect(plan.gatesPassed.map((g) => g.number)).toEqual([1]);
    expect(plan.isAlreadyArmed).toBe(false);
  });
});

describe("arm: refusals (C-ARM-2)", () => {
  it.each<[string, GateSpec[], Partial<ArmRequest>, string, RegExp]>([
    [
      "an earlier gate is still open",
      [
        { gate: 1, units: [{ id: "T01", status: "pending" }] },
        { gate: 2, units: [{ id: "T02", status: "draft" }] },
      ],
      {},
      "arm_precondition",
      /gate 1 is open with 1 unit not done/,
    ],
    [
      "an earlier gate awaits review with a blocked unit (budget stop)",
      [
        {
          gate: 1,
          status: "awaiting_review",
          units: [
            { id: "T01", status: "done" },
            { id: "T02", status: "blocked_human" },
          ],
        },
        { gate: 2, units: [{ id: "T03", status: "draft" }] },
      ],
      {},
      "arm_precondition",
      /gate 1 is awaiting_review/,
    ],
    [
      "a --wu that is not a draft",
      [
        {
          gate: 1,
          units: [
            { id: "T01", status: "pending" },
            { id: "T02", status: "draft" },
          ],
        },
      ],
      { wu: ["T01"] },
      "arm_precondition",
      /T01 is pending, not a draft/,
    ],
    [
      "a --wu of another gate than --gate",
      [
        { gate: 1, units: [{ id: "T01", status: "draft" }] },
        { gate: 2, units: [{ id: "T02", status: "draft" }] },
      ],
      { gate: 1, wu: ["T02"] },
      "arm_precondition",
      /belongs to gate 2, not gate 1/,
    ],
    [
      "an unknown --wu",
      [{ gate: 1, units: [{ id: "T01", status: "draft" }] }],
      { wu: ["T09"] },
      "wu_not_found",
      /no unit "T09"/,
    ],
    [
      "an unknown --gate",
      [{ gate: 1, units: [{ id: "T01", status: "draft" }] }],
      { gate: 7 },
      "usage",
      /has no gate 7/,
    ],
    [
      "every gate passed",
      [{ gate: 1, status: "passed", units: [{ id: "T01", status: "done" }] }],
      {},
      "nothing_to_arm",
      /every gate of FEAT-2026-0042 has passed/,
    ],
    [
      "the current gate awaits review with unfinished units and nothing is drafted",
      [
        {
          gate: 1,
          status: "awaiting_review",
          units: [
            { id: "T01", status: "done" },
            { id: "T02", status: "pending" },
          ],
        },
      ],
      {},
      "nothing_to_arm",
      /awaits review with unfinished units/,
    ],
  ])("refuses when %s", (_name, gates, over, code, message) => {
    const f = failure(() => planArm(modelOf(gates), req(over)));
    expect(f.code).toBe(code);
    expect(f.message).toMatch(message);
  });
});
