import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { chooseReportFeature } from "../../src/report/choose-report-feature.js";
import type { FeatureSummary } from "../../src/workspace/list-features.js";

const feature = (
  name: string,
  status: string | null,
  unreadable: string | null = null,
): FeatureSummary => ({
  name,
  dir: `.specfuse/features/${name}`,
  absDir: `/repo/.specfuse/features/${name}`,
  hasPlan: true,
  fm: null,
  unreadable,
  status,
  featureId: name,
  branch: null,
  title: null,
  hasRetrospective: false,
});

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return isSpecfuseError(error) ? error.code : "not a SpecfuseError";
  }
}

describe("the feature `report` draws without an argument", () => {
  const done = feature("A-done", "done");
  const active = feature("B-active", "active");
  const planned = feature("C-planned", "planned");

  it("the single active feature wins, events or not", () => {
    expect(chooseReportFeature([done, active, planned], () => true).name).toBe(
      "B-active",
    );
  });

  it("with none active, the single feature that has events (a finished feature is done, not active)", () => {
    expect(chooseReportFeature([done, planned], (f) => f === done).name).toBe(
      "A-done",
    );
  });

  it("with no events anywhere, the only readable feature", () => {
    expect(
      chooseReportFeature(
        [planned, feature("D-bad", "active", "yaml")],
        () => false,
      ).name,
    ).toBe("C-planned");
  });

  it("refuses to guess: two active, two with events, several without events, or none at all", () => {
    expect(
      codeOf(() =>
        chooseReportFeature([active, feature("E", "active")], () => false),
      ),
    ).toBe("feature_ambiguous");
    expect(codeOf(() => chooseReportFeature([done, planned], () => true))).toBe(
      "feature_ambiguous",
    );
    expect(
      codeOf(() => chooseReportFeature([done, planned], () => false)),
    ).toBe("feature_ambiguous");
    expect(codeOf(() => chooseReportFeature([], () => false))).toBe(
      "no_active_feature",
    );
  });
});
