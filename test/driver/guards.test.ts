import { describe, expect, it } from "vitest";
import {
  checkEmptyFiles,
  checkProduces,
  normalizeRepoPath,
  producesPaths,
  unchangedDeclaredPaths,
  type FilesChangedInput,
} from "../../src/driver/attempt/guards.js";

const ROOT = "/work/repo";

describe("normalizeRepoPath (driver D-GUARD-1)", () => {
  it.each([
    ["src/a.ts", "src/a.ts"],
    ["./src/a.ts", "src/a.ts"],
    ["././src/a.ts", "src/a.ts"],
    ["src/./b/../a.ts", "src/a.ts"],
    ["src/dir/", "src/dir"],
    [`${ROOT}/src/a.ts`, "src/a.ts"],
    [`${ROOT}/`, "."],
    ["src\\win\\a.ts", "src/win/a.ts"],
  ])("D-GUARD-1 %s → %s", (entry, rel) => {
    expect(normalizeRepoPath(entry, ROOT)).toBe(rel);
  });

  it.each([
    ["/elsewhere/a.ts"],
    [`${ROOT}-other/a.ts`],
    ["../outside.ts"],
    ["a/../../x"],
    [""],
  ])("D-GUARD-1 %s is outside the repo", (entry) => {
    expect(normalizeRepoPath(entry, ROOT)).toBeNull();
  });
});

describe("unchangedDeclaredPaths (driver D-GUARD-1, F-RES-4)", () => {
  const base: FilesChangedInput = {
    declared: [],
    repoRoot: ROOT,
    changedTracked: ["src/mod.ts", "src/gone.ts", "lib/deep/x.ts"],
    newUntracked: ["test/new.test.ts", "dist/out.js"],
    ignored: new Set(["dist/out.js"]),
  };
  const check = (declared: unknown[]) =>
    unchangedDeclaredPaths({ ...base, declared });

  it("D-GUARD-1 modified, deleted and new untracked files are changed", () => {
    expect(
      check(["src/mod.ts", "./src/gone.ts", `${ROOT}/test/new.test.ts`]),
    ).toStrictEqual([]);
  });

  it("D-GUARD-1 a directory containing a changed path is changed", () => {
    expect(check(["lib", "lib/deep/", "src"])).toStrictEqual([]);
  });

  it("D-GUARD-1 an ignored new file, an untouched file and an outside path are unchanged", () => {
    expect(
      check(["dist/out.js", "README.md", "/tmp/x", "../y", "lib/dee"]),
    ).toStrictEqual(["dist/out.js", "README.md", "/tmp/x", "../y", "lib/dee"]);
  });

  it("D-GUARD-1 reports each unchanged entry once, as written", () => {
    expect(check(["./README.md", "./README.md", 7, null])).toStrictEqual([
      "./README.md",
      "7",
    ]);
  });

  it("D-GUARD-1 an empty list passes", () => {
    expect(check([])).toStrictEqual([]);
  });
});

describe("produces guard (driver D-GUARD-3)", () => {
  it("F-WU-2 a string is one path, a list keeps its strings", () => {
    expect(producesPaths("a.md")).toStrictEqual(["a.md"]);
    expect(producesPaths(["a", 3, "", "b"])).toStrictEqual(["a", "b"]);
    expect(producesPaths(undefined)).toStrictEqual([]);
    expect(producesPaths("")).toStrictEqual([]);
  });

  it("D-GUARD-3 every path must exist with size > 0", () => {
    expect(
      checkProduces(
        ["a", "b"],
        new Map([
          ["a", 1],
          ["b", 20],
        ]),
      ),
    ).toBeNull();
  });

  it("D-GUARD-3 the first failure is the summary; every failure is listed", () => {
    const sizes = new Map([
      ["a", 1],
      ["empty.txt", 0],
    ]);
    expect(
      checkProduces(["a", "missing.md", "empty.txt"], sizes),
    ).toStrictEqual({
      summary: "declared deliverable absent: missing.md",
      missing: ["missing.md", "empty.txt"],
    });
    expect(checkProduces(["empty.txt"], sizes)?.summary).toBe(
      "declared deliverable empty: empty.txt",
    );
  });
});

describe("empty-files guard (driver D-GUARD-4)", () => {
  const F = ".specfuse/features/F";
  it("D-GUARD-4 implementation needs a file besides events.jsonl and its WU file", () => {
    expect(
      checkEmptyFiles(
        "implementation",
        [`${F}/WU-01-x.md`, `${F}/events.jsonl`],
        "WU-01-x.md",
      ),
    ).toMatchObject({
      summary: expect.stringMatching(/^no deliverable files: /),
    });
    expect(checkEmptyFiles("implementation", [], "WU-01-x.md")).not.toBeNull();
    expect(
      checkEmptyFiles(
        "implementation",
        [`${F}/WU-01-x.md`, "src/a.ts"],
        "WU-01-x.md",
      ),
    ).toBeNull();
  });

  it("D-GUARD-4 drops any file whose basename equals the WU file's", () => {
    expect(
      checkEmptyFiles(
        "implementation",
        ["other/WU-01-x.md"],
        `${F}/WU-01-x.md`,
      ),
    ).not.toBeNull();
  });

  it("D-GUARD-4 applies to implementation only", () => {
    expect(checkEmptyFiles("docs", [], "WU.md")).toBeNull();
    expect(checkEmptyFiles("close", [], "WU.md")).toBeNull();
  });
});
