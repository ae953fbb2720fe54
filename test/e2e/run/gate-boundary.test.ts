import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../../src/schemas/ajv.js";
import { EVENT_SCHEMA } from "../../../src/schemas/events.js";
import { driverRepo, writes } from "../../helpers/driver-repo.js";
import {
  featureTree,
  unitBody,
  type FeatureSpec,
} from "../../helpers/feature-tree.js";

const VERIFY = [
  "code:",
  "  - name: tests",
  '    command: "true"',
  "plannext:",
  "  - name: plan-lint",
  '    command: "specfuse lint {feature_dir}"',
  "",
].join("\n");

const ROADMAP = [
  "# Roadmap",
  "",
  "| Feature ID | Title | Status | Folder | Detail |",
  "|---|---|---|---|---|",
  "| FEAT-2026-0001 | Demo | active | FEAT-2026-0001-demo | see below |",
  "",
  "## FEAT-2026-0001 — Demo",
  "",
  "What the feature is for.",
  "",
].join("\n");

const cost = (c: string) => [`planned_cost_usd: ${c}`];

// Gate 1 closes with close-intermediate + plan-next; gate 2 holds only the terminal close until plan-next drafts T02.
function spec(withDraft: boolean): FeatureSpec {
  return {
    verification: VERIFY,
    planExtra: ["planned_cost_usd: 0.5"],
    gates: [
      {
        number: 1,
        units: [
          { suffix: "T01", extra: [...cost("0.1"), "produces: [src/a.txt]"] },
          {
            suffix: "G1-CLOSE-INTERMEDIATE",
            type: "close-intermediate",
            deps: ["T01"],
            extra: cost("0.1"),
          },
          {
            suffix: "G1-PLAN",
            type: "plan-next",
            deps: ["G1-CLOSE-INTERMEDIATE"],
            extra: cost("0.1"),
          },
        ],
      },
      {
        number: 2,
        units: [
          ...(withDraft
            ? [
                {
                  suffix: "T02",
                  status: "draft",
                  // No planned cost on purpose: the plan-next draft lint hook must warn.
                  extra: ["produces: [src/b.txt]"],
                },
              ]
            : []),
          {
            suffix: "G2-CLOSE",
            type: "close",
            deps: withDraft ? ["T02"] : [],
            extra: cost("0.1"),
          },
        ],
      },
    ],
  };
}

describe("two gates: run → review → arm → run (driver §30, §32)", () => {
  it("walks gate 1, stops awaiting review, re-runs as nothing_to_do, arms gate 2, and finishes the feature", async () => {
    const repo = driverRepo(spec(false), { ".specfuse/roadmap.md": ROADMAP });
    const drafted = featureTree(spec(true)).tree;
    const dir = repo.info.dir;
    const planNext = {
      write: {
        [`${dir}/PLAN.md`]: drafted[`${dir}/PLAN.md`]!,
        [`${dir}/WU-T02.md`]: drafted[`${dir}/WU-T02.md`]!,
        [`${dir}/GATE-02-REVIEW.md`]:
          "# Gate 2 review\n\nOne unit drafted: T02.\n",
      },
      result: { status: "complete", summary: "Drafted gate 2." },
    };
    const script = {
      units: {
        T01: [writes("src/a.txt")],
        "G1-PLAN": [planNext],
        T02: [writes("src/b.txt")],
      },
    };

    const first = await repo.run(["run"], { script });
    expect(first.exitCode, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toContain("gate 1 complete: awaiting review");
    expect(first.stdout).toContain("specfuse arm");
    expect(repo.read(`${dir}/GATE-01.md`)).toMatch(/status: awaiting_review/);
    expect(repo.read(`${dir}/RETROSPECTIVE.md`)).toMatch(
      /^## Gate 1 — auto-closed \(predicate=v1\)/m,
    );
    expect(
      repo.events().find((e) => e.event_type === "auto_close_decision")
        ?.payload,
    ).toMatchObject({
      gate: 1,
      gate_type: "intermediate",
      auto: true,
      plan_next_dispatched: true,
    });
    // D-HOOK-1: the draft pass ran on gate 2 after plan-next passed and recorded its warning.
    const hook = repo
      .events()
      .find((e) => e.event_type === "plan_next_draft_lint");
    expect(hook).toMatchObject({
      correlation_id: "FEAT-2026-0001/G1-PLAN",
      payload: { gate: 1, blocking: false },
    });
    const warns = hook?.payload.warns as string[];
    expect(warns, JSON.stringify(warns)).toContainEqual(
      expect.stringMatching(/WU-T02\.md: .*planned/),
    );
    expect(first.stdout).toMatch(
      /warning \(plan-next draft\): .*WU-T02\.md:\d+: /,
    );
    expect(repo.log()).toContain("chore: Do G1-PLAN");

    const idle = await repo.run(["run"], { script });
    expect(idle.exitCode).toBe(0);
    expect(idle.stdout).toContain("already awaits review; nothing to do");
    expect(
      repo.events().filter((e) => e.event_type === "gate_reached"),
    ).toHaveLength(1);

    const arm = await repo.run(["arm"]);
    expect(arm.exitCode, arm.stderr + arm.stdout).toBe(0);
    expect(repo.log()[0]).toBe("chore(arm): arm gate 2");
    expect(repo.read(`${dir}/GATE-01.md`)).toMatch(/status: passed/);
    expect(repo.read(`${dir}/WU-T02.md`)).toMatch(/status: pending/);

    const second = await repo.run(["run"], { script });
    expect(second.exitCode, second.stderr + second.stdout).toBe(0);
    expect(second.stdout).toContain("ready to wrap");
    expect(repo.read(`${dir}/PLAN.md`)).toMatch(/^status: done$/m);
    expect(repo.read(`${dir}/GATE-02.md`)).toMatch(/status: passed/);
    const roadmap = repo.read(".specfuse/roadmap.md");
    expect(roadmap).toMatch(/\| FEAT-2026-0001 \| Demo \| done \|/);
    expect(roadmap).toContain("roadmap-archive.md#feat-2026-0001");
    expect(roadmap).not.toContain("What the feature is for.");
    const archive = repo.read(".specfuse/roadmap-archive.md");
    expect(archive).toContain('<a id="feat-2026-0001"></a>');
    expect(archive).toContain("What the feature is for.");
    expect(repo.git("status", "--porcelain")).toBe("");

    // PLAN is done, so discovery finds no active feature; naming it reports the feature complete (D-END-6).
    expect((await repo.run(["run"])).exitCode).toBe(1);
    const done = await repo.run(["run", "--feature", repo.info.folder]);
    expect(done.exitCode, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/every gate passed/);

    // F-EV: every event the runs wrote validates against the events schema.
    const valid = compileSchema(EVENT_SCHEMA);
    for (const e of repo.events())
      expect(
        valid(e),
        `${JSON.stringify(e)} ${JSON.stringify(valid.errors)}`,
      ).toBe(true);
  });

  it("escalate → unblock → re-run folds the cycle and records the re-arm (D-ATT-2, D-UNB-1)", async () => {
    const repo = driverRepo({
      verification: VERIFY,
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
    const blocked = {
      result: { status: "blocked", summary: "?", blocked_reason: "Which API?" },
    };
    const r1 = await repo.run(["run"], {
      script: { units: { T01: [blocked] } },
    });
    expect(r1.exitCode).toBe(1);
    const unblock = await repo.run([
      "unblock",
      "T01",
      "--reason",
      "The API is v2.",
    ]);
    expect(unblock.exitCode, unblock.stderr).toBe(0);
    expect(repo.log()[0]).toBe(
      "chore(unblock): FEAT-2026-0001/T01 re-armed (re_arm_count=1)",
    );
    const r2 = await repo.run(["run"], {
      script: { units: { T01: [writes("src/a.txt")] } },
    });
    // T01 passes; predicate v1 then refuses the close because T01 escalated and was re-armed (D-AC-3 check 1).
    expect(r2.stdout).toMatch(
      /blocked_human_in_chain: T01 escalated \d{4}-\d{2}-\d{2}/,
    );
    expect(r2.stdout).toContain("blocked_human_in_chain: T01 (re_arm_count=1)");
    const wu = repo.read(`${repo.info.dir}/WU-T01.md`);
    expect(wu).toMatch(/^cumulative_cost_usd: 0\.0125$/m);
    expect(wu).toMatch(/^re_arm_count: 1$/m);
    expect(wu).toMatch(/^status: done$/m);
    const rearm = repo
      .events()
      .find((e) => e.event_type === "re_arm_dispatched");
    expect(rearm?.payload).toStrictEqual({
      re_arm_count: 1,
      reason: "The API is v2.",
    });
    const last = repo
      .events()
      .filter(
        (e) =>
          e.event_type === "attempt_outcome" &&
          e.correlation_id.endsWith("/T01"),
      )
      .at(-1);
    expect(last?.payload).toMatchObject({ outcome: "passed", re_arm_count: 1 });
    expect(existsSync(path.join(repo.dir, "src/a.txt"))).toBe(true);
  });

  it("unitBody has every section (fixture sanity)", () => {
    expect(unitBody("x")).toContain("**Escalation triggers.**");
  });
});
