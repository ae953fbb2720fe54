import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { chooseDefaultFeature } from "../../src/operator/choose-feature.js";
import { unblockFeature } from "../../src/operator/unblock-feature.js";
import type { FeatureSummary } from "../../src/workspace/list-features.js";

function feature(
  name: string,
  status: string,
  over: Partial<FeatureSummary> = {},
): FeatureSummary {
  return {
    name,
    dir: `.specfuse/features/${name}`,
    absDir: `/nonexistent/.specfuse/features/${name}`,
    hasPlan: true,
    fm: null,
    unreadable: null,
    status,
    featureId: name.slice(0, 14),
    branch: null,
    title: null,
    hasRetrospective: false,
    ...over,
  };
}

function code(fn: () => unknown): string {
  try {
    fn();
    return "none";
  } catch (e) {
    if (isSpecfuseError(e)) return e.code;
    throw e;
  }
}

const active = feature("FEAT-2026-0001-a", "active");
const planned = feature("FEAT-2026-0002-b", "planned");
const planned2 = feature("FEAT-2026-0003-c", "planned");

describe("default feature of arm and unblock (D-FEAT-2, cli.md C-ARM-1)", () => {
  it("D-FEAT-2 the single active feature wins", () => {
    expect(
      chooseDefaultFeature([active, planned], "arm", () => true).name,
    ).toBe(active.name);
    expect(
      code(() =>
        chooseDefaultFeature(
          [active, { ...planned, status: "active" }],
          "unblock",
        ),
      ),
    ).toBe("feature_ambiguous");
  });

  it("C-ARM-1 arm falls back to the single planned feature with drafts; several are 64 feature_ambiguous", () => {
    expect(
      chooseDefaultFeature([planned, planned2], "arm", (f) => f === planned2)
        .name,
    ).toBe(planned2.name);
    expect(
      code(() => chooseDefaultFeature([planned, planned2], "arm", () => true)),
    ).toBe("feature_ambiguous");
    expect(
      code(() => chooseDefaultFeature([planned], "arm", () => false)),
    ).toBe("no_active_feature");
  });

  it("unblock has no planned fallback; an unreadable PLAN is not a candidate", () => {
    expect(
      code(() => chooseDefaultFeature([planned], "unblock", () => true)),
    ).toBe("no_active_feature");
    expect(
      code(() =>
        chooseDefaultFeature(
          [{ ...active, unreadable: "bad yaml (line 2)" }],
          "unblock",
        ),
      ),
    ).toBe("no_active_feature");
  });

  it("unblock finds the feature a full unit id names, whatever its status", async () => {
    expect(
      (
        await unblockFeature(
          "/nonexistent",
          "/nonexistent",
          [active, planned],
          "FEAT-2026-0002/T04",
          undefined,
        )
      ).name,
    ).toBe(planned.name);
    expect(
      (
        await unblockFeature(
          "/nonexistent",
          "/nonexistent",
          [active, planned],
          "T04",
          undefined,
        )
      ).name,
    ).toBe(active.name);
  });
});
