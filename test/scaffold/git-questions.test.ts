import { describe, expect, it } from "vitest";
import { isStillIgnoredAfterMerge, parseCheckIgnore } from "../../src/scaffold/git-questions.js";
import { targetWarnings } from "../../src/scaffold/target-warnings.js";

describe("git questions (init.md I-INIT-4, I-WIRE-3)", () => {
  it("I-WIRE-3 parses `git check-ignore -v` output; negations do not ignore", () => {
    expect(parseCheckIgnore(".gitignore:3:*.md\t.specfuse/features/x/PLAN.md\n")).toEqual({
      source: ".gitignore",
      line: 3,
      pattern: "*.md",
    });
    expect(parseCheckIgnore("/home/u/.config/git/ignore:1:.*\t.specfuse/x\n")).toMatchObject({ line: 1, pattern: ".*" });
    expect(parseCheckIgnore(".gitignore:2:!.specfuse/\t.specfuse/x\n")).toBeNull();
    expect(parseCheckIgnore("")).toBeNull();
  });

  it.each([
    [".specfuse/", false],
    ["/.specfuse", false],
    [".*", false],
    ["**/.specfuse/", false],
    ["*", true],
    ["*.md", true],
    ["features/", true],
    [".specfuse/features/", true],
    [".specfuse/**", true],
    ["PLAN.md", true],
  ])("I-WIRE-3 dry-run estimate: %s still ignored after `!.specfuse/`: %s", (pattern, expected) => {
    expect(isStillIgnoredAfterMerge(pattern)).toBe(expected);
  });

  it("I-INIT-4 warns about a missing work tree, missing commits, a nested target and an enclosing workspace", () => {
    const none = targetWarnings({ git: { isWorkTree: false, hasCommits: false, topLevel: null }, realTarget: "/r", display: ".", enclosing: null });
    expect(none.map((w) => w.code)).toEqual(["not_git_repo"]);
    expect(none[0]?.message).toContain("git init && git commit --allow-empty -m init");
    const nested = targetWarnings({ git: { isWorkTree: true, hasCommits: false, topLevel: "/r" }, realTarget: "/r/sub", display: "sub", enclosing: ".." });
    expect(nested.map((w) => w.code)).toEqual(["no_commits", "not_top_level", "enclosing_scaffold"]);
    expect(targetWarnings({ git: { isWorkTree: true, hasCommits: true, topLevel: "/r" }, realTarget: "/r", display: ".", enclosing: null })).toEqual([]);
  });
});
