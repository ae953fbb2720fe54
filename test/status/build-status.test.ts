import { describe, expect, it } from "vitest";
import { loadFeatureModel } from "../../src/plan/feature-model.js";
import { featureProblems } from "../../src/operator/feature-problems.js";
import type { LoadedFeature } from "../../src/operator/load-feature.js";
import { compileSchema } from "../../src/schemas/ajv.js";
import { STATUS_OUTPUT_SCHEMA } from "../../src/schemas/status-output.js";
import {
  buildStatus,
  type StatusInputs,
} from "../../src/status/build-status.js";
import { scaffoldDrift } from "../../src/status/scaffold-drift.js";
import type { FeatureSummary } from "../../src/workspace/list-features.js";
import {
  DIR,
  FEATURE_ID,
  FOLDER,
  featureFiles,
  snapshotOf,
  type GateSpec,
} from "../operator/feature-fixture.js";

const validate = compileSchema(STATUS_OUTPUT_SCHEMA);

function loaded(files: Record<string, string>): LoadedFeature {
  const snapshot = snapshotOf(files);
  const model = loadFeatureModel(snapshot, FOLDER);
  const summary: FeatureSummary = {
    name: FOLDER,
    dir: DIR,
    absDir: `/repo/${DIR}`,
    hasPlan: true,
    fm: null,
    unreadable: null,
    status: "active",
    featureId: FEATURE_ID,
    branch: null,
    title: null,
    hasRetrospective: false,
  };
  return {
    summary,
    snapshot,
    model,
    problems: featureProblems(snapshot, model),
  };
}

function inputs(
  features: LoadedFeature[],
  over: Partial<StatusInputs> = {},
): StatusInputs {
  return {
    scaffold: scaffoldDrift("0.4.0\n", "0.4.0"),
    lock: {
      state: "free",
      holder: null,
      isHolderAlive: null,
      refreshedMsAgo: null,
      hasLegacyFile: false,
    },
    checkpoints: [],
    workspaceProblems: [],
    features,
    defaultFeature: FOLDER,
    ...over,
  };
}

const gates: GateSpec[] = [
  {
    gate: 1,
    status: "passed",
    budget: 5,
    units: [
      {
        id: "T01",
        status: "done",
        extra: "attempts: 1\ncost_usd: 0.4\nduration_seconds: 60.5",
      },
      {
        id: "T02",
        status: "done",
        extra:
          "attempts: 2\ncost_usd: 0.1\ncumulative_cost_usd: 0.25\nduration_seconds: 10\ncumulative_duration_seconds: 20\nre_arm_count: 1",
      },
    ],
  },
  {
    gate: 2,
    units: [
      {
        id: "T03",
        status: "blocked_human",
        extra: "attempts: 3\ncost_usd: 0.9\nplanned_cost_usd: 0.5",
      },
      { id: "T04", deps: ["T03"] },
    ],
  },
];

describe("status body (cli.md §10 specfuse.status/1)", () => {
  it("C-JSON-3 the body validates against the schema and carries every unit field", () => {
    const body = buildStatus(inputs([loaded(featureFiles(gates))]));
    expect(
      validate({
        schema: "specfuse.status/1",
        exit_code: 0,
        error: null,
        ...body,
      }),
    ).toBe(true);
    const f = body.features[0];
    expect(f?.current_gate).toBe(2);
    expect(
      f?.gates.map((g) => [g.number, g.status, g.cost_budget_usd, g.spent_usd]),
    ).toEqual([
      [1, "passed", 5, 0.5],
      [2, "open", null, 0],
    ]);
    expect(f?.gates[0]?.units[1]).toEqual({
      id: `${FEATURE_ID}/T02`,
      file: `${DIR}/WU-T02.md`,
      type: "implementation",
      status: "done",
      attempts: 2,
      model: "sonnet",
      effort: "medium",
      depends_on: [],
      cost_usd: 0.1,
      cumulative_cost_usd: 0.25,
      planned_cost_usd: null,
      duration_seconds: 10,
      cumulative_duration_seconds: 20,
      re_arm_count: 1,
      state: "done",
      reason: null,
    });
    expect(f?.totals).toEqual({
      cost_usd: 1.65,
      duration_seconds: 90.5,
      units: 4,
      done: 2,
    });
    expect(f?.next_step).toMatch(/^specfuse unblock FEAT-2026-0042\/T03/);
  });

  it("C-STATUS-3 a unit whose frontmatter does not parse is a problem with file:line, the rest still builds", () => {
    const files = featureFiles(gates);
    files["WU-T04.md"] = "---\nid: [unclosed\n---\n# T04\n";
    const body = buildStatus(inputs([loaded(files)]));
    const f = body.features[0];
    expect(f?.problems).toEqual([
      expect.objectContaining({
        code: "yaml_error",
        file: `${DIR}/WU-T04.md`,
        line: 2,
      }),
    ]);
    expect(f?.gates[1]?.units.map((u) => u.state)).toEqual([
      "blocked",
      "unreadable",
    ]);
    expect(f?.next_step).toMatch(/^fix .*WU-T04.md:2/);
    expect(
      validate({
        schema: "specfuse.status/1",
        exit_code: 65,
        error: null,
        ...body,
      }),
    ).toBe(true);
  });

  it("a PLAN without a task graph is a graph_missing problem and no gates", () => {
    const body = buildStatus(
      inputs([
        loaded({
          "PLAN.md":
            "---\nfeature_id: FEAT-2026-0042\nstatus: active\n---\n# no graph\n",
        }),
      ]),
    );
    expect(body.features[0]?.problems.map((p) => p.code)).toEqual([
      "graph_missing",
    ]);
    expect(body.features[0]?.gates).toEqual([]);
  });

  it("lock and checkpoint blocks come from the sidecar and run-state.json", () => {
    const body = buildStatus(
      inputs([loaded(featureFiles(gates))], {
        lock: {
          state: "held",
          holder: {
            pid: 7,
            host: "h",
            started_at: "2026-11-22T02:00:00.000Z",
            feature: FEATURE_ID,
            command: "run",
            version: "0.4.0",
          },
          isHolderAlive: true,
          refreshedMsAgo: 10,
          hasLegacyFile: false,
        },
      }),
    );
    expect(body.lock).toEqual({
      held: true,
      state: "held",
      pid: 7,
      host: "h",
      started_at: "2026-11-22T02:00:00.000Z",
      feature: FEATURE_ID,
      command: "run",
    });
    expect(body.features[0]?.next_step).toBe(
      "wait: specfuse run (pid 7) is working on this feature",
    );
  });
});
