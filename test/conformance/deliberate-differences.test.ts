import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintFeature } from "../../src/lint/lint-feature.js";
import { readFeature } from "../../src/workspace/read-feature.js";

const ROOT = path.join(import.meta.dirname, "fixtures");

// Lints a fixture folder as the CLI would, and returns conformance-style pairs (lint.md L-CONF-1).
async function pairs(name: string): Promise<{ ok: boolean; pairs: string[] }> {
  const caseDir = path.join(ROOT, name);
  const folder = readdirSync(caseDir).find((f) => f.startsWith("FEAT-"));
  if (folder === undefined) throw new Error(`no feature folder in ${name}`);
  const report = lintFeature(
    await readFeature(path.join(caseDir, folder), folder),
    {
      strict: false,
      justClosedGate: null,
    },
  );
  return {
    ok: report.ok,
    pairs: report.diagnostics.map(
      (d) =>
        `${d.rule} ${d.gate !== null ? `gate ${d.gate}` : path.basename(d.file)}`,
    ),
  };
}

describe("deliberate differences from the reference (lint.md L-CONF-5)", () => {
  it("the base fixture is clean", async () => {
    expect(await pairs("base")).toStrictEqual({ ok: true, pairs: [] });
  });

  it("item 1: a string depends_on is depends-on-not-list and one id, not one dep-unknown per character", async () => {
    expect(await pairs("string-depends-on")).toStrictEqual({
      ok: false,
      pairs: ["depends-on-not-list gate 1"],
    });
    expect(await pairs("string-depends-on-unknown")).toStrictEqual({
      ok: false,
      pairs: ["dep-unknown gate 1", "depends-on-not-list gate 1"],
    });
  });

  it.each<[string, string[]]>([
    ["yaml12-negative-budget", []],
    ["yaml12-exponent-budget", []],
    ["yaml12-numeric-costs", []],
    ["yaml12-boolean-budget", ["gate-budget-type GATE-01.md"]],
    ["yaml12-null-budget", ["gate-budget-type GATE-01.md"]],
  ])(
    "item 2: YAML 1.2 reads numbers, booleans and null where the subset read strings (%s)",
    async (name, expected) => {
      expect((await pairs(name)).pairs).toStrictEqual(expected);
    },
  );

  it("item 3: anchors, block scalars, flow maps and single quotes are linted normally", async () => {
    // Its `notes` and `labels` keys exist only to exercise the syntax; unknown-key warns about them.
    expect(await pairs("yaml12-syntax")).toStrictEqual({
      ok: true,
      pairs: ["unknown-key WU-01-ingest.md", "unknown-key WU-01-ingest.md"],
    });
  });

  it("item 4: a leading BOM is ignored", async () => {
    expect(await pairs("leading-bom")).toStrictEqual({ ok: true, pairs: [] });
  });

  it("item 5: non-ASCII digits are invalid in ids", async () => {
    expect(await pairs("non-ascii-digit-id")).toStrictEqual({
      ok: false,
      pairs: ["wu-id-format gate 1"],
    });
  });

  it("item 6: non-finite planned costs are planned-cost-invalid", async () => {
    expect(await pairs("non-finite-cost")).toStrictEqual({
      ok: false,
      pairs: ["planned-cost-invalid WU-01-ingest.md"],
    });
  });

  it("item 7: an unclosed frontmatter is always yaml-invalid (and suppresses its gate's closing shape)", async () => {
    expect(await pairs("unclosed-frontmatter")).toStrictEqual({
      ok: false,
      pairs: ["yaml-invalid WU-90-close.md"],
    });
  });

  it("issue 17: a sum exactly 10% off the PLAN estimate is silent (the reference's float division warns at 10.000000000000009%)", async () => {
    expect(await pairs("cost-exactly-at-threshold")).toStrictEqual({
      ok: true,
      pairs: [],
    });
  });

  it("item 8: lines split only on CR and LF", async () => {
    expect(await pairs("cr-and-crlf-endings")).toStrictEqual({
      ok: true,
      pairs: [],
    });
    expect(await pairs("line-separator-not-a-break")).toStrictEqual({
      ok: false,
      pairs: ["wu-section-missing WU-01-ingest.md"],
    });
  });
});
