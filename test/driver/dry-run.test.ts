import { describe, expect, it } from "vitest";
import { normalizeConfig } from "../../src/config/normalize-config.js";
import { normalizeVerification } from "../../src/config/normalize-verification.js";
import { renderDryRun, simulateWalk } from "../../src/driver/walk/dry-run.js";
import { currentGate, loadFeatureModel } from "../../src/plan/feature-model.js";
import { parsePlan } from "../../src/plan/parse-plan.js";
import type {
  FeatureSnapshot,
  FileRead,
} from "../../src/types/feature-snapshot.js";
import { featureTree, type FeatureSpec } from "../helpers/feature-tree.js";

const VERIFY =
  'code:\n  - name: tests\n    command: "npm test"\n  - name: lint\n    command: "npm run lint"\nplannext:\n  - name: p\n    command: "specfuse lint {feature_dir}"\n';

// A snapshot built in memory from the generated tree: pure input for the simulation.
function model(spec: FeatureSpec) {
  const { tree, info } = featureTree({ verification: VERIFY, ...spec });
  const files = new Map<string, FileRead>();
  for (const [k, v] of Object.entries(tree))
    if (k.startsWith(info.dir)) files.set(k, { kind: "file", text: v });
  const plan = tree[`${info.dir}/PLAN.md`]!;
  const snapshot: FeatureSnapshot = {
    dir: info.dir,
    absDir: `/r/${info.dir}`,
    plan: { kind: "file", text: plan },
    planDoc: parsePlan(plan),
    files,
  };
  const m = loadFeatureModel(snapshot, info.folder)!;
  return { m, gate: currentGate(m)! };
}

const base = {
  verification: normalizeVerification(VERIFY, "verification.yml"),
  config: normalizeConfig(null, "config.yml").config,
  cliTimeoutMinutes: undefined,
  isForceFullClose: false,
  isLockHeldByLiveDriver: false,
};

describe("simulateWalk (driver D-DRY-1, D-DRY-3)", () => {
  it("orders units by the frontier, lists verification, and marks the terminal close a candidate", () => {
    const { m, gate } = model({
      gates: [
        {
          number: 1,
          units: [
            { suffix: "T02", deps: ["T01"] },
            { suffix: "T01", extra: ["timeout_minutes: 5"] },
            { suffix: "G1-CLOSE", type: "close", deps: ["T01", "T02"] },
          ],
        },
      ],
    });
    const dry = simulateWalk({ ...base, model: m, gate });
    expect(
      dry.units.map((u) => [
        u.order,
        u.id.split("/")[1],
        u.action,
        u.timeout_minutes,
      ]),
    ).toStrictEqual([
      [1, "T01", "dispatch", 5],
      [2, "T02", "dispatch", 45],
      [3, "G1-CLOSE", "auto_close_candidate", 45],
    ]);
    expect(
      dry.units[0]?.verification.map((v) => `${v.set}:${v.name}`),
    ).toStrictEqual(["code:tests", "code:lint"]);
    expect(dry.predicted_end_state).toBe("feature_ready_to_wrap");
    expect(dry.not_dispatchable).toStrictEqual([]);
  });

  it("--force-full-close turns the candidate into a dispatch with its verification", () => {
    const { m, gate } = model({
      gates: [{ number: 1, units: [{ suffix: "G1-CLOSE", type: "close" }] }],
    });
    const dry = simulateWalk({
      ...base,
      model: m,
      gate,
      isForceFullClose: true,
    });
    expect(dry.units[0]).toMatchObject({
      action: "dispatch",
      verification: [
        { set: "plannext", name: "p", command: `specfuse lint ${m.dir}` },
      ],
    });
  });

  it("lists blocked units and their dependents with reasons, and predicts halted_blocked", () => {
    const { m, gate } = model({
      gates: [
        {
          number: 1,
          units: [
            { suffix: "T01", status: "blocked_human" },
            { suffix: "T02", deps: ["T01"] },
            { suffix: "G1-CLOSE", type: "close", deps: ["T02"] },
          ],
        },
      ],
    });
    const dry = simulateWalk({ ...base, model: m, gate });
    expect(dry.units).toStrictEqual([]);
    expect(
      dry.not_dispatchable.map((n) => [n.id.split("/")[1], n.reason]),
    ).toStrictEqual([
      ["T01", "blocked_human"],
      ["T02", "waiting on FEAT-2026-0001/T01 (blocked_human)"],
      ["G1-CLOSE", "waiting on FEAT-2026-0001/T01 (blocked_human)"],
    ]);
    expect(dry.predicted_end_state).toBe("halted_blocked");
  });

  it("predicts drafts_not_armed for a gate with drafts, and a live driver's in_progress unit passes", () => {
    const drafts = model({
      gates: [
        {
          number: 1,
          units: [
            { suffix: "T01", status: "draft" },
            { suffix: "G1-CLOSE", type: "close", deps: ["T01"] },
          ],
        },
      ],
    });
    expect(
      simulateWalk({ ...base, model: drafts.m, gate: drafts.gate })
        .predicted_end_state,
    ).toBe("drafts_not_armed");
    const live = model({
      gates: [
        {
          number: 1,
          units: [
            { suffix: "T01", status: "in_progress" },
            { suffix: "T02", deps: ["T01"] },
            { suffix: "G1-CLOSE", type: "close", deps: ["T02"] },
          ],
        },
      ],
    });
    const dry = simulateWalk({
      ...base,
      model: live.m,
      gate: live.gate,
      isLockHeldByLiveDriver: true,
    });
    expect(dry.units.map((u) => u.id.split("/")[1])).toStrictEqual([
      "T02",
      "G1-CLOSE",
    ]);
  });

  it("renders the D-DRY-2 text", () => {
    const { m, gate } = model({
      gates: [
        {
          number: 1,
          units: [
            { suffix: "T01" },
            { suffix: "G1-CLOSE", type: "close", deps: ["T01"] },
          ],
        },
      ],
    });
    const lines = renderDryRun(
      m,
      gate,
      simulateWalk({ ...base, model: m, gate }),
      null,
    );
    expect(lines).toContain(
      "  1. FEAT-2026-0001/T01 [implementation] model=sonnet effort=medium timeout=45m",
    );
    expect(lines).toContain(
      "     would dispatch; verification: code: tests, lint",
    );
    expect(lines).toContain("     auto-close candidate (decided at run time)");
    expect(lines.at(-1)).toBe("predicted end state: feature_ready_to_wrap");
  });
});
