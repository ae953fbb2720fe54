import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  featureIdOf,
  gateNumberOfId,
  isCorrelationId,
  workKeyOf,
} from "../../src/plan/correlation-id.js";

describe("correlation IDs (formats.md F-ID-2, F-ID-3)", () => {
  it.each([
    "FEAT-2026-0042",
    "FEAT-2026-0042/T01",
    "FEAT-2026-0042/T01H",
    "FEAT-2026-0042/T01H2",
    "FEAT-2026-0042/G1-CLOSE",
    "FEAT-2026-0042/G12-CLOSE-INTERMEDIATE",
    "INIT-2026-0001/F06",
    "INIT-2026-0001/F06/G2-PLAN",
  ])("accepts %s", (id) => expect(isCorrelationId(id)).toBe(true));

  it.each([
    "INIT-2026-0001",
    "FEAT-2026-0042/T1",
    "FEAT-2026-0042/T001",
    "FEAT-2026-0042/T01h",
    "FEAT-2026-0042/G1-close",
    "FEAT-2026-0042/G1-REVIEW",
    "FEAT-26-0042",
    "feat-2026-0042",
    "FEAT-2026-0042\n",
    "FEAT-２０２６-0042",
  ])("rejects %j", (id) => expect(isCorrelationId(id)).toBe(false));

  it("rejects non-strings", () => {
    expect(isCorrelationId(42)).toBe(false);
    expect(isCorrelationId(null)).toBe(false);
  });

  it("derives feature id, gate number and work key", () => {
    expect(featureIdOf("FEAT-2026-0042/T03")).toBe("FEAT-2026-0042");
    expect(featureIdOf("INIT-2026-0001/F06/G2-PLAN")).toBe(
      "INIT-2026-0001/F06",
    );
    expect(gateNumberOfId("FEAT-2026-0042/G12-CLOSE-INTERMEDIATE")).toBe(12);
    expect(gateNumberOfId("FEAT-2026-0042/T03")).toBeNull();
    expect(workKeyOf("FEAT-2026-0042/T03")).toBe("FEAT-2026-0042_T03");
  });

  const digits = (n: number) =>
    fc
      .array(fc.constantFrom(..."0123456789"), { minLength: n, maxLength: n })
      .map((a) => a.join(""));
  const feature = fc.oneof(
    fc.tuple(digits(4), digits(4)).map(([y, n]) => `FEAT-${y}-${n}`),
    fc
      .tuple(digits(4), digits(4), digits(2))
      .map(([y, n, f]) => `INIT-${y}-${n}/F${f}`),
  );
  const suffix = fc.oneof(
    fc.constant(""),
    digits(2).map((d) => `/T${d}`),
    fc.tuple(digits(2), fc.nat(99)).map(([d, h]) => `/T${d}H${h}`),
    fc
      .tuple(
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(
          "RETRO",
          "LESSONS",
          "DOCS",
          "PLAN",
          "CLOSE-INTERMEDIATE",
          "CLOSE",
        ),
      )
      .map(([g, k]) => `/G${g}-${k}`),
  );
  const valid = fc.tuple(feature, suffix).map(([f, s]) => f + s);

  it("property: generated valid IDs are accepted (A-TEST-5)", () => {
    fc.assert(fc.property(valid, (id) => isCorrelationId(id)));
  });

  it("property: mutated IDs are rejected", () => {
    const mutation = fc
      .tuple(valid, fc.nat(), fc.constantFrom("x", " ", "/", "a", "\n", "-"))
      .map(([id, i, ch]) => {
        const at = i % (id.length + 1);
        return id.slice(0, at) + ch + id.slice(at);
      });
    fc.assert(
      fc.property(
        mutation,
        (id) => !isCorrelationId(id) || /^(FEAT|INIT)/.test(id),
      ),
    );
    // Every single-character insertion of a character the grammar never allows there is rejected.
    fc.assert(
      fc.property(
        valid,
        fc.constantFrom(" ", "x", "\n", "é"),
        (id, ch) => !isCorrelationId(id + ch),
      ),
    );
  });
});
