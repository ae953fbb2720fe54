import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import {
  discoverActiveFeature,
  resolveFeatureRef,
} from "../../src/plan/select-feature.js";
import type { FeatureSummary } from "../../src/workspace/list-features.js";

function feature(
  name: string,
  over: Partial<FeatureSummary> = {},
): FeatureSummary {
  return {
    name,
    dir: `.specfuse/features/${name}`,
    absDir: `/r/.specfuse/features/${name}`,
    hasPlan: true,
    fm: null,
    unreadable: null,
    status: "planned",
    featureId: name.slice(0, 14),
    branch: `feat/${name}`,
    title: "T",
    hasRetrospective: false,
    ...over,
  };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isSpecfuseError(e)) return e.code;
    throw e;
  }
  return "none";
}

describe("feature discovery (driver.md §4)", () => {
  const a = feature("FEAT-2026-0001-a", { status: "active" });
  const b = feature("FEAT-2026-0002-b");
  const c = feature("FEAT-2026-0003-c", {
    status: "done",
    hasRetrospective: true,
  });

  it("D-FEAT-2 picks the single active feature", () => {
    expect(discoverActiveFeature([a, b, c]).choice.feature.name).toBe(a.name);
  });

  it("D-FEAT-2 refuses several active features with 64 feature_ambiguous", () => {
    expect(
      codeOf(() => discoverActiveFeature([a, { ...b, status: "active" }])),
    ).toBe("feature_ambiguous");
  });

  it("D-FEAT-3 explains no active feature with our commands", () => {
    try {
      discoverActiveFeature([
        b,
        c,
        feature("X", { unreadable: "bad yaml (line 3)" }),
      ]);
      expect.unreachable();
    } catch (e) {
      if (!isSpecfuseError(e)) throw e;
      expect(e.code).toBe("no_active_feature");
      expect(e.detail).toMatch(/`specfuse status --all` shows every feature/);
      expect(e.detail).toMatch(/FEAT-2026-0002-b\/PLAN.md/);
      expect(e.detail).toMatch(/git push -u origin feat\/FEAT-2026-0003-c/);
      expect(e.detail).toMatch(/specfuse run --feature <folder>/);
      expect(e.detail).toMatch(
        /Unreadable PLANs:\n {2}.specfuse\/features\/X\/PLAN.md: bad yaml/,
      );
    }
  });

  it("D-FEAT-1 resolves a folder name, then a unique feature id, noting a non-active status", () => {
    expect(resolveFeatureRef([a, b], b.name).note).toMatch(
      /planned, not active/,
    );
    expect(resolveFeatureRef([a, b], "FEAT-2026-0001").feature.name).toBe(
      a.name,
    );
    expect(codeOf(() => resolveFeatureRef([a, b], "nope"))).toBe(
      "feature_not_found",
    );
    expect(
      codeOf(() => resolveFeatureRef([feature("N", { hasPlan: false })], "N")),
    ).toBe("plan_missing");
  });
});
