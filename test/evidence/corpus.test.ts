import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as engine from "../../src/evidence/index.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
// @ts-expect-error: a plain ESM helper shared with scripts/capture-evidence
import { analyzeCorpusCase } from "./corpus-case.mjs";

// EV-CORP-1: every case of test/fixtures/evidence/<runner>/<case>/ was made by running its runner; this suite
// reads only those files and checks the engine still finds what was reviewed into expected.json.
const CORPUS = path.join(PROJECT_ROOT, "test", "fixtures", "evidence");

interface Meta {
  runner: string;
  command: string;
  version: string | null;
  exit_code: number | null;
  signal: string | null;
  timed_out: boolean;
  cwd: string;
}

const cases = readdirSync(CORPUS)
  .sort()
  .flatMap((runner) =>
    readdirSync(path.join(CORPUS, runner))
      .sort()
      .filter((name) => statSync(path.join(CORPUS, runner, name)).isDirectory())
      .map((name) => ({
        id: `${runner}/${name}`,
        dir: path.join(CORPUS, runner, name),
      })),
  );
const read = (dir: string, file: string) =>
  JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Record<
    string,
    unknown
  >;

describe("evidence corpus (EV-CORP-1)", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(80);
  });

  for (const c of cases) {
    it(`${c.id}: EV-CORP-1 files, and the reviewed findings and signature`, async () => {
      for (const f of ["meta.json", "output.txt", "expected.json"])
        expect(existsSync(path.join(c.dir, f)), f).toBe(true);
      expect(statSync(path.join(c.dir, "project")).isDirectory()).toBe(true);
      const meta = read(c.dir, "meta.json") as unknown as Meta;
      expect(meta.command).toEqual(expect.any(String));
      expect(meta.version).toEqual(expect.any(String));
      expect(
        meta.exit_code === null ? meta.signal : meta.exit_code,
      ).not.toBeNull();
      const expected = read(c.dir, "expected.json");
      const actual = (await analyzeCorpusCase(c.dir, meta, engine)) as Record<
        string,
        unknown
      >;
      const {
        same_signature_as: _s,
        different_signature_from: _d,
        ...want
      } = expected;
      expect(actual).toStrictEqual(want);
    });
  }
});

describe("evidence corpus coverage (EV-CORP-2)", () => {
  const ids = new Set(cases.map((c) => c.id));
  const forms: Record<string, string[]> = {
    "node-test": ["tap-", "spec-"],
    vitest: [""],
    jest: [""],
    mocha: [""],
    pytest: [""],
    unittest: [""],
    "go-test": ["plain-", "json-"],
    "cargo-test": [""],
    tsc: ["plain-", "pretty-"],
    "vue-tsc": [""],
    eslint: ["stylish-", "unix-"],
    ruff: ["concise-", "full-"],
    mypy: [""],
    surefire: [""],
    "junit-xml": ["pytest-"],
    bats: ["tap-", "pretty-"],
    shellcheck: ["tty-", "gcc-"],
    annotation: [""],
  };
  for (const [runner, prefixes] of Object.entries(forms))
    for (const prefix of prefixes)
      it(`${runner} ${prefix || "default"}: one failure, two failures and a clean run`, () => {
        for (const kind of ["one-failure", "two-failures", "clean"])
          expect(
            ids.has(`${runner}/${prefix}${kind}`),
            `${runner}/${prefix}${kind}`,
          ).toBe(true);
      });

  it("a timeout, a fallback-only output, 3 MiB failing early, one failure twice, two node:test failures", () => {
    const timeout = read(
      path.join(CORPUS, "node-test/timeout"),
      "expected.json",
    );
    expect(timeout.result).toBe("timeout");
    const fallback = read(
      path.join(CORPUS, "fallback/custom-script"),
      "expected.json",
    );
    expect(fallback.findings).toStrictEqual([]);
    expect(fallback.signature).toBeNull();
    const big = statSync(
      path.join(CORPUS, "go-test/3mib-failing-early/output.txt"),
    );
    expect(big.size).toBeGreaterThan(3 * 1024 * 1024);
    expect(ids.has("node-test/same-failure-b")).toBe(true);
    expect(ids.has("node-test/tap-two-failures")).toBe(true);
  });

  it("EV-SIG-3: one failure run twice (lines moved, numbers changed) keeps its signature", () => {
    for (const c of cases) {
      const e = read(c.dir, "expected.json");
      if (typeof e.same_signature_as === "string") {
        const other = read(
          path.join(CORPUS, e.same_signature_as),
          "expected.json",
        );
        expect(e.signature, c.id).not.toBeNull();
        expect(e.signature, c.id).toBe(other.signature);
      }
      if (typeof e.different_signature_from === "string") {
        const other = read(
          path.join(CORPUS, e.different_signature_from),
          "expected.json",
        );
        expect(e.signature, c.id).not.toBe(other.signature);
      }
    }
  });
});
