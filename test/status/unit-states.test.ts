import { describe, expect, it } from "vitest";
import { currentGate } from "../../src/plan/feature-model.js";
import { unitStates } from "../../src/status/unit-states.js";
import {
  FEATURE_ID,
  modelOf,
  type GateSpec,
} from "../operator/feature-fixture.js";

function states(gates: GateSpec[]) {
  const model = modelOf(gates);
  const map = unitStates(model, currentGate(model)?.number ?? null);
  return Object.fromEntries(
    [...map].map(([id, s]) => [
      id.slice(FEATURE_ID.length + 1),
      [s.state, s.reason],
    ]),
  );
}

describe("unit states for status (driver D-WALK-2, D-WALK-5)", () => {
  it("D-WALK-2 ready when every dependency is done; waiting behind a pending one", () => {
    expect(
      states([
        {
          gate: 1,
          units: [
            { id: "T01", status: "done" },
            { id: "T02", deps: ["T01"] },
            { id: "T03", deps: ["T02"] },
            { id: "T04", status: "in_progress" },
          ],
        },
      ]),
    ).toEqual({
      T01: ["done", null],
      T02: ["ready", null],
      T03: ["waiting", `waiting on ${FEATURE_ID}/T02 (pending)`],
      T04: ["running", null],
    });
  });

  it("D-WALK-5 blocked behind a dead end, followed to the root", () => {
    expect(
      states([
        {
          gate: 1,
          units: [
            { id: "T01", status: "blocked_human" },
            { id: "T02", deps: ["T01"] },
            { id: "T03", deps: ["T02"] },
            { id: "T04", status: "in_review" },
          ],
        },
      ]),
    ).toEqual({
      T01: ["blocked", "blocked_human"],
      T02: ["blocked", `waiting on ${FEATURE_ID}/T01 (blocked_human)`],
      T03: ["blocked", `waiting on ${FEATURE_ID}/T01 (blocked_human)`],
      T04: ["in_review", null],
    });
  });

  it("units of later gates wait for the current gate; missing files are flagged", () => {
    expect(
      states([
        { gate: 1, units: [{ id: "T01" }] },
        {
          gate: 2,
          units: [
            { id: "T02" },
            { id: "T03", status: "draft" },
            { id: "T04", isMissing: true },
          ],
        },
      ]),
    ).toEqual({
      T01: ["ready", null],
      T02: ["later", "gate 1 comes first"],
      T03: ["draft", null],
      T04: [
        "missing",
        ".specfuse/features/FEAT-2026-0042-rate-limits/WU-T04.md does not exist",
      ],
    });
  });
});
