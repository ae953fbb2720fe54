import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { resolveUnitRef } from "../../src/operator/resolve-unit.js";

const ids = [
  "FEAT-2026-0042/T01",
  "FEAT-2026-0042/T02",
  "FEAT-2026-0042/G1-CLOSE",
  "FEAT-2026-0043/T02",
];

function code(ref: string, list = ids): string {
  try {
    resolveUnitRef(list, ref, "here");
    return "none";
  } catch (e) {
    if (isSpecfuseError(e)) return e.code;
    throw e;
  }
}

describe("unit references (cli.md §3 <wu>)", () => {
  it("takes a full id as is", () => {
    expect(resolveUnitRef(ids, "FEAT-2026-0043/T02", "here")).toBe(
      "FEAT-2026-0043/T02",
    );
  });
  it("expands a suffix that is unique", () => {
    expect(resolveUnitRef(ids, "T01", "here")).toBe("FEAT-2026-0042/T01");
    expect(resolveUnitRef(ids, "G1-CLOSE", "here")).toBe(
      "FEAT-2026-0042/G1-CLOSE",
    );
  });
  it("an ambiguous or unknown reference is 64 wu_not_found", () => {
    expect(code("T02")).toBe("wu_not_found");
    expect(code("T9")).toBe("wu_not_found");
    expect(code("01")).toBe("wu_not_found");
    expect(code("T01", [])).toBe("wu_not_found");
  });
});
