import { describe, expect, it } from "vitest";
import {
  currentGate,
  isFeatureComplete,
  loadFeatureModel,
} from "../../src/plan/feature-model.js";
import { parsePlan } from "../../src/plan/parse-plan.js";
import type { FeatureSnapshot } from "../../src/workspace/read-feature.js";
import type { FileRead } from "../../src/workspace/read-text.js";
import { dedent } from "../helpers/dedent.js";

const DIR = ".specfuse/features/FEAT-2026-0001-x";

function snapshot(
  plan: string,
  files: Record<string, string>,
): FeatureSnapshot {
  const map = new Map<string, FileRead>(
    Object.entries(files).map(([k, v]) => [
      `${DIR}/${k}`,
      { kind: "file", text: v },
    ]),
  );
  return {
    dir: DIR,
    absDir: `/r/${DIR}`,
    plan: { kind: "file", text: plan },
    planDoc: parsePlan(plan),
    files: map,
  };
}

const PLAN = dedent`
  ---
  feature_id: FEAT-2026-0001
  title: X
  branch: feat/x
  roadmap_goal: "Goal: one line"
  status: active
  auto_close_disabled: "True"
  ---
  \`\`\`yaml
  gates:
    - gate: 1
      file: GATE-01.md
      work_units:
        - id: FEAT-2026-0001/T01
          file: WU-01.md
        - id: FEAT-2026-0001/G1-CLOSE
          file: WU-90.md
          depends_on: [FEAT-2026-0001/T01]
    - gate: 2
      work_units: []
  \`\`\`
`;

describe("loadFeatureModel (driver.md D-LOAD-2, D-LOAD-3)", () => {
  it("applies per-type defaults and reads driver-owned fields", () => {
    const model = loadFeatureModel(
      snapshot(PLAN, {
        "GATE-01.md":
          "---\ngate: 1\nstatus: awaiting_review\ncost_budget_usd: 5\n---\n",
        "WU-01.md":
          "---\nid: FEAT-2026-0001/T01\nstatus: done\nattempts: 2\ncost_usd: 0.5\nproduces: src/a.ts\ncommit_type: fix(api)\n---\n# Add A\n",
        "WU-90.md":
          "---\nid: FEAT-2026-0001/G1-CLOSE\ntype: close\nmodel:\nre_arm_count: 1\nre_arm_history:\n  - reason: fixed it\n---\nbody\n",
      }),
      "FEAT-2026-0001-x",
    );
    expect(model).not.toBeNull();
    const t01 = model!.units.get("FEAT-2026-0001/T01")!;
    expect(t01).toMatchObject({
      type: "implementation",
      status: "done",
      attempts: 2,
      model: "sonnet",
      effort: "medium",
      set: "code",
      commitPrefix: "fix(api)",
      produces: ["src/a.ts"],
      costUsd: 0.5,
      title: "Add A",
      path: `${DIR}/WU-01.md`,
    });
    const close = model!.units.get("FEAT-2026-0001/G1-CLOSE")!;
    expect(close).toMatchObject({
      type: "close",
      status: "pending",
      model: "opus",
      effort: "high",
      set: "plannext",
      commitPrefix: "docs",
      reArmCount: 1,
      lastReArmReason: "fixed it",
      title: "FEAT-2026-0001/G1-CLOSE",
      dependsOn: ["FEAT-2026-0001/T01"],
    });
    expect(model!.gates[0]).toMatchObject({
      status: "awaiting_review",
      budgetRaw: 5,
      isTerminal: true,
    });
    expect(model!.gates[1]).toMatchObject({
      file: "GATE-02.md",
      exists: false,
      status: "open",
      isTerminal: false,
    });
    expect(model!.isAutoCloseDisabled).toBe(true);
    expect(model!.roadmapGoal).toBe("Goal: one line");
    expect(currentGate(model!)?.number).toBe(1);
  });

  it("treats the feature as complete once every gate up to the terminal one passed (resolved point 3)", () => {
    const model = loadFeatureModel(
      snapshot(PLAN, { "GATE-01.md": "---\nstatus: passed\n---\n" }),
      "f",
    )!;
    expect(isFeatureComplete(model)).toBe(true);
    expect(currentGate(model)).toBeNull();
  });

  it("returns null without a graph", () => {
    expect(loadFeatureModel(snapshot("# no graph\n", {}), "f")).toBeNull();
  });
});
