import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareVersions,
  formatVersion,
  parseVersion,
  readVersionText,
  type ScaffoldVersion,
} from "../../src/scaffold/version.js";

describe("VERSION parsing (init.md I-VER-2)", () => {
  it.each([
    ["0.4.0", "0.4.0"],
    ["v0.4.0", "0.4.0"],
    ["1", "1.0.0"],
    ["1.2", "1.2.0"],
    ["0.3.1-rc.1", "0.3.1-rc.1"],
    ["1.0.0-alpha.beta", "1.0.0-alpha.beta"],
    ["0.3.1a1", "0.3.1-alpha.1"],
    ["0.3.1b2", "0.3.1-beta.2"],
    ["0.3.1rc1", "0.3.1-rc.1"],
    ["1.0.0+build.7", "1.0.0"],
    ["2.1-rc.3+sha.abc", "2.1.0-rc.3"],
  ])("I-VER-2 accepts %s as %s", (text, canonical) => {
    const v = parseVersion(text);
    expect(v).not.toBeNull();
    expect(formatVersion(v as ScaffoldVersion)).toBe(canonical);
  });

  it.each(["0.4.0.1", "latest", "1.x", "-1.0", "1.0.0-", "1.0.0 beta", "v", "1..2"])(
    "I-VER-2 rejects %s",
    (text) => {
      expect(parseVersion(text)).toBeNull();
    },
  );

  it("I-VER-2 reads the first line, strips BOM and whitespace; empty or absent is unversioned", () => {
    expect(readVersionText("\uFEFF  0.3.1  \nsecond line\n")).toMatchObject({
      kind: "version",
      text: "0.3.1",
    });
    expect(readVersionText("0.3.1\r\n")).toMatchObject({ text: "0.3.1" });
    expect(readVersionText(null)).toEqual({ kind: "unversioned" });
    expect(readVersionText("")).toEqual({ kind: "unversioned" });
    expect(readVersionText("   \n0.3.1\n")).toEqual({ kind: "unversioned" });
    expect(readVersionText("banana\n")).toEqual({
      kind: "invalid",
      line: "banana",
    });
  });

  it("I-VER-2 compares by SemVer precedence, unversioned lowest", () => {
    const v = (t: string) => parseVersion(t);
    const ordered = [
      null,
      v("0.3.1-alpha.1"),
      v("0.3.1-alpha.beta"),
      v("0.3.1-beta.2"),
      v("0.3.1-rc.1"),
      v("0.3.1"),
      v("0.4.0-rc.1"),
      v("0.4.0"),
      v("0.10.0"),
      v("1.0.0"),
    ];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(compareVersions(ordered[i] ?? null, ordered[i + 1] ?? null)).toBeLessThan(0);
      expect(compareVersions(ordered[i + 1] ?? null, ordered[i] ?? null)).toBeGreaterThan(0);
    }
    expect(compareVersions(v("1.0.0+a"), v("1.0.0+b"))).toBe(0);
    expect(compareVersions(v("0.3.1rc1"), v("0.3.1-rc.1"))).toBe(0);
  });

  it("I-VER-1 the package version is newer than the reference's 0.3.1", () => {
    expect(compareVersions(parseVersion("0.4.0"), parseVersion("0.3.1"))).toBeGreaterThan(0);
  });
});

const identifier = fc.oneof(
  fc.nat({ max: 50 }),
  fc.stringMatching(/^[A-Za-z-][0-9A-Za-z-]{0,6}$/),
);
const version: fc.Arbitrary<ScaffoldVersion> = fc.record({
  major: fc.nat({ max: 20 }),
  minor: fc.nat({ max: 20 }),
  patch: fc.nat({ max: 20 }),
  prerelease: fc.array(identifier, { maxLength: 3 }),
});

describe("version properties (architecture.md A-TEST-5)", () => {
  it("I-VER-2 round-trip: parse(format(v)) == v", () => {
    fc.assert(
      fc.property(version, (v) => {
        expect(parseVersion(formatVersion(v))).toEqual(v);
      }),
    );
  });

  it("I-VER-2 total order: antisymmetric, transitive, total, consistent with equality", () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const ab = Math.sign(compareVersions(a, b));
        expect(Math.sign(compareVersions(b, a))).toBe(-ab || 0);
        if (compareVersions(a, b) <= 0 && compareVersions(b, c) <= 0)
          expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
        expect(compareVersions(a, b) === 0).toBe(formatVersion(a) === formatVersion(b));
      }),
    );
  });

  it("I-VER-2 a pre-release ranks below its release", () => {
    fc.assert(
      fc.property(version, fc.array(identifier, { minLength: 1, maxLength: 3 }), (v, pre) => {
        const release = { ...v, prerelease: [] };
        const candidate = { ...v, prerelease: pre };
        expect(compareVersions(candidate, release)).toBeLessThan(0);
      }),
    );
  });
});
