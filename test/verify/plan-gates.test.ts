import { substituteFeatureDir } from "../../src/verify/substitute-placeholders.js";
import { describe, expect, it } from "vitest";
import type {
  Verification,
  VerificationCheck,
} from "../../src/types/config.js";
import { planGates } from "../../src/verify/plan-gates.js";

const check = (
  name: string,
  command = `run ${name}`,
  timeout_seconds = 900,
): VerificationCheck => ({
  name,
  command,
  timeout_seconds,
});
const verification = (
  sets: Record<string, VerificationCheck[]>,
): Verification => ({
  cost_tracking: true,
  sets: new Map(Object.entries(sets)),
});

describe("planGates (D-VER-2, D-VER-3)", () => {
  const v = verification({
    code: [
      check("tests"),
      check("lint", "eslint {feature_dir}/x {feature_dir}", 60),
    ],
    doc: [check("artifact")],
    plannext: [check("plan-lint", "specfuse lint {feature_dir}")],
    security: [check("audit"), check("tests", "other tests")],
    empty: [],
  });

  it("starts with the type's set; substitutes {feature_dir} everywhere", () => {
    expect(
      planGates(v, "implementation", [], ".specfuse/features/f"),
    ).toStrictEqual({
      ok: true,
      gates: [
        {
          name: "tests",
          command: "run tests",
          timeoutSeconds: 900,
          setName: "code",
        },
        {
          name: "lint",
          command: "eslint .specfuse/features/f/x .specfuse/features/f",
          timeoutSeconds: 60,
          setName: "code",
        },
      ],
    });
  });

  it("appends extra sets in order, skipping the type's own set and names already present", () => {
    const plan = planGates(
      v,
      "implementation",
      ["security", "code", "doc", "security"],
      "f",
    );
    expect(
      plan.ok && plan.gates.map((g) => `${g.setName}:${g.name}`),
    ).toStrictEqual([
      "code:tests",
      "code:lint",
      "security:audit",
      "doc:artifact",
    ]);
  });

  it.each([
    ["docs", "doc"],
    ["plan-next", "plannext"],
    ["close", "plannext"],
    ["something-unknown", "code"],
  ])("type %s uses set %s", (type, set) => {
    const plan = planGates(v, type, [], "f");
    expect(plan.ok && plan.gates[0]?.setName).toBe(set);
  });

  it("a missing or empty set is a configuration error naming the set", () => {
    const missing = planGates(
      verification({ code: [check("t")] }),
      "docs",
      [],
      "f",
    );
    expect(missing).toMatchObject({
      ok: false,
      setName: "doc",
      problem: "missing",
    });
    expect(!missing.ok && missing.evidence).toMatch(/^CONFIGURATION ERROR:/);
    expect(planGates(v, "implementation", ["empty"], "f")).toMatchObject({
      ok: false,
      setName: "empty",
      problem: "empty",
    });
  });

  it("F-VER-3: the feature dir is used without a trailing slash", () => {
    expect(substituteFeatureDir("ls {feature_dir}/", "a/b/")).toBe("ls a/b/");
    expect(substituteFeatureDir("{feature_dir}{feature_dir}", "x")).toBe("xx");
    expect(substituteFeatureDir("{other}", "x")).toBe("{other}");
  });
});
