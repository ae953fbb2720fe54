import { describe, expect, it } from "vitest";
import { makePaint } from "../../src/output/color.js";
import { planArm } from "../../src/operator/plan-arm.js";
import { renderArmReport } from "../../src/operator/render-arm.js";
import type { Diagnostic } from "../../src/types/diagnostic.js";
import { modelOf, type GateSpec } from "./feature-fixture.js";

const gates: GateSpec[] = [
  {
    gate: 1,
    status: "awaiting_review",
    units: [{ id: "T01", status: "done" }],
  },
  { gate: 2, units: [{ id: "T02", status: "draft" }] },
];
const plan = planArm(modelOf(gates, "planned"), {
  gate: null,
  wu: [],
  isAbandonRest: false,
});
const warning: Diagnostic = {
  rule: "draft-section-empty",
  severity: "warning",
  file: "x/WU-T02.md",
  line: 9,
  column: null,
  gate: 2,
  message: "The Context section is empty.",
  hint: "Write it.",
  pass: "draft",
};
const paint = makePaint(false);

describe("arm report (cli.md C-ARM-1)", () => {
  it("names every flip, the lint findings, the commit and the next command", () => {
    expect(
      renderArmReport(
        plan,
        { errors: [], warnings: [warning] },
        {
          kind: "done",
          commit: "0123456789abcdef",
          roadmap: { from: null, warning: "no roadmap" },
        },
        paint,
      ),
    ).toBe(
      [
        "armed gate 2 of FEAT-2026-0042",
        "  gate 1: awaiting_review → passed   (.specfuse/features/FEAT-2026-0042-rate-limits/GATE-01.md)",
        "  FEAT-2026-0042/T02: draft → pending",
        "  PLAN.md: planned → active",
        "  x/WU-T02.md:9: warning draft-section-empty: The Context section is empty. Fix: Write it.",
        "  lint: 0 errors, 1 warning",
        "  warning: no roadmap",
        "  commit: 0123456 chore(arm): arm gate 2",
        "next: specfuse run",
      ].join("\n"),
    );
  });

  it("issue 17 point 4: a dry run whose roadmap has no row warns instead of claiming the flip", () => {
    const dry = renderArmReport(
      plan,
      { errors: [], warnings: [] },
      {
        kind: "dry",
        roadmap: { from: null, warning: ".specfuse/roadmap.md has no row" },
      },
      paint,
    );
    expect(dry).not.toContain("roadmap.md: FEAT");
    expect(dry).toContain("  warning: .specfuse/roadmap.md has no row\n");
  });

  it("a dry run says so and names the commit it would make; a refusal lists only the findings", () => {
    const dry = renderArmReport(
      plan,
      { errors: [], warnings: [] },
      { kind: "dry", roadmap: { from: "planned", warning: null } },
      paint,
    );
    expect(dry).toContain(
      "\n  PLAN.md: planned → active\n  .specfuse/roadmap.md: FEAT-2026-0042 Status planned → active\n",
    );
    expect(dry.split("\n").slice(0, 2)).toEqual([
      "specfuse arm (dry run): nothing was written",
      "would arm gate 2 of FEAT-2026-0042:",
    ]);
    expect(dry).toMatch(
      / {2}commit: chore\(arm\): arm gate 2\nnext: run it without --dry-run$/,
    );
    const error = {
      ...warning,
      severity: "error" as const,
      pass: "main" as const,
    };
    const refused = renderArmReport(
      plan,
      { errors: [error], warnings: [] },
      { kind: "refused" },
      paint,
    );
    expect(refused).toBe(
      [
        "gate 2 of FEAT-2026-0042 was not armed:",
        "  x/WU-T02.md:9: error draft-section-empty: The Context section is empty. Fix: Write it.",
        "  lint: 1 error, 0 warnings",
      ].join("\n"),
    );
  });
});
