import { describe, expect, it } from "vitest";
import { currentGate } from "../../src/plan/feature-model.js";
import { nextStep, type NextStepFacts } from "../../src/status/next-step.js";
import { unitStates } from "../../src/status/unit-states.js";
import {
  FEATURE_ID,
  FOLDER,
  DIR,
  modelOf,
  type GateSpec,
} from "../operator/feature-fixture.js";

function step(
  gates: GateSpec[],
  planStatus = "active",
  over: Partial<NextStepFacts> = {},
): string {
  const model = modelOf(gates, planStatus);
  const gate = currentGate(model);
  return nextStep(model, {
    name: FOLDER,
    dir: DIR,
    isDefault: planStatus === "active",
    problem: null,
    lockHolder: null,
    hasCheckpoint: false,
    states: unitStates(model, gate?.number ?? null),
    currentGate: gate,
    ...over,
  });
}

const closed: GateSpec = {
  gate: 1,
  status: "awaiting_review",
  units: [{ id: "T01", status: "done" }],
};

describe("the single next-step hint (driver §32 D-STAT-1)", () => {
  it.each<[string, GateSpec[], string, Partial<NextStepFacts>, RegExp]>([
    [
      "ready units",
      [{ gate: 1, units: [{ id: "T01" }] }],
      "active",
      {},
      /^specfuse run$/,
    ],
    [
      "a blocked unit",
      [{ gate: 1, units: [{ id: "T01", status: "blocked_human" }] }],
      "active",
      {},
      new RegExp(
        `^specfuse unblock ${FEATURE_ID}/T01 --reason "<what changed>"`,
      ),
    ],
    [
      "drafts in the current gate",
      [
        { ...closed, status: "passed" },
        { gate: 2, units: [{ id: "T02", status: "draft" }] },
      ],
      "active",
      {},
      /^specfuse arm --gate 2 /,
    ],
    [
      "a finished gate and drafts to review",
      [closed, { gate: 2, units: [{ id: "T02", status: "draft" }] }],
      "active",
      {},
      /^specfuse arm +\(review the gate 2 drafts, then accepts gate 1, arms gate 2\)/,
    ],
    [
      "a planned feature with drafts",
      [{ gate: 1, units: [{ id: "T01", status: "draft" }] }],
      "planned",
      {},
      new RegExp(`^specfuse arm --feature ${FOLDER} .*activates`),
    ],
    [
      "a finished awaiting gate with a next gate",
      [closed, { gate: 2, units: [{ id: "T02" }] }],
      "active",
      {},
      /^specfuse arm .*accepts gate 1, arms gate 2/,
    ],
    [
      "a finished terminal gate",
      [closed],
      "active",
      {},
      /^specfuse arm .*accepts the terminal gate 1/,
    ],
    [
      "an interrupted unit",
      [{ gate: 1, units: [{ id: "T01", status: "in_progress" }] }],
      "active",
      {},
      /^specfuse run .*recovers the interrupted unit/,
    ],
    [
      "a checkpoint",
      [{ gate: 1, units: [{ id: "T01" }] }],
      "active",
      { hasCheckpoint: true },
      /recovers the interrupted attempt/,
    ],
    [
      "a live driver",
      [{ gate: 1, units: [{ id: "T01" }] }],
      "active",
      { lockHolder: { pid: 42, command: "run" } },
      /^wait: specfuse run \(pid 42\)/,
    ],
    [
      "a parse problem",
      [{ gate: 1, units: [{ id: "T01" }] }],
      "active",
      { problem: "x/WU-T01.md:3: bad" },
      /^fix x\/WU-T01.md:3: bad/,
    ],
    [
      "a done feature",
      [{ gate: 1, status: "passed", units: [{ id: "T01", status: "done" }] }],
      "done",
      {},
      new RegExp(`^specfuse pr.*pushes feat/${FOLDER}`),
    ],
    [
      "a deferred feature (audit.md AU-TAB-2)",
      [{ gate: 1, status: "open", units: [{ id: "T01", status: "pending" }] }],
      "deferred",
      {},
      /^nothing while it is deferred/,
    ],
    [
      "every gate passed on an active PLAN",
      [{ gate: 1, status: "passed", units: [{ id: "T01", status: "done" }] }],
      "active",
      {},
      /records that every gate passed/,
    ],
    [
      "a unit in review",
      [{ gate: 1, units: [{ id: "T01", status: "in_review" }] }],
      "active",
      {},
      /^finish .*T01 by hand/,
    ],
    [
      "an open gate whose units are all done",
      [{ gate: 1, units: [{ id: "T01", status: "done" }] }],
      "active",
      {},
      /^specfuse run .*completes gate 1/,
    ],
  ])("%s", (_name, gates, planStatus, over, expected) => {
    expect(step(gates, planStatus, over)).toMatch(expected);
  });

  it("adds --feature when the feature is not the single active one", () => {
    expect(
      step([{ gate: 1, units: [{ id: "T01" }] }], "active", {
        isDefault: false,
      }),
    ).toBe(`specfuse run --feature ${FOLDER}`);
  });
});
