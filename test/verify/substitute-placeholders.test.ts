import { describe, expect, it } from "vitest";
import { substituteFeatureDir } from "../../src/verify/substitute-placeholders.js";

describe("substituteFeatureDir (F-VER-3, D-VER-3; issue 9: no shell injection)", () => {
  it("F-VER-3: a valid folder is substituted as is, with no quoting, in every context", () => {
    const dir = ".specfuse/features/FEAT-2026-0042-rate-limits/";
    expect(substituteFeatureDir("specfuse lint {feature_dir}", dir)).toBe(
      "specfuse lint .specfuse/features/FEAT-2026-0042-rate-limits",
    );
    expect(substituteFeatureDir('test -s "{feature_dir}/R.md"', dir)).toBe(
      'test -s ".specfuse/features/FEAT-2026-0042-rate-limits/R.md"',
    );
    expect(substituteFeatureDir("{feature_dir}{feature_dir}", "x")).toBe("xx");
    expect(substituteFeatureDir("{other}", "x")).toBe("{other}");
  });

  it.each<[string, string, string]>([
    ["unquoted: single quotes", "ls {feature_dir}/x", "ls 'f/a$(touch p)'/x"],
    [
      'inside "…": backslash escapes',
      'test -s "{feature_dir}/x"',
      'test -s "f/a\\$(touch p)/x"',
    ],
    [
      "inside '…': spliced as data",
      "echo '{feature_dir}'",
      "echo 'f/a$(touch p)'",
    ],
  ])(
    "a hostile folder is quoted for its context — %s",
    (_name, command, expected) => {
      expect(substituteFeatureDir(command, "f/a$(touch p)")).toBe(expected);
    },
  );

  it("splices single quotes and escapes backticks and backslashes", () => {
    expect(substituteFeatureDir("cat {feature_dir}", "it's")).toBe(
      "cat 'it'\\''s'",
    );
    expect(substituteFeatureDir("echo '{feature_dir}'", "it's")).toBe(
      "echo 'it'\\''s'",
    );
    expect(substituteFeatureDir('echo "{feature_dir}"', 'a`id`\\b"c')).toBe(
      'echo "a\\`id\\`\\\\b\\"c"',
    );
  });

  it("follows quotes and escapes to know the context", () => {
    expect(substituteFeatureDir(`echo \\' {feature_dir}`, "a b")).toBe(
      `echo \\' 'a b'`,
    );
    expect(substituteFeatureDir(`echo "it's" {feature_dir}`, "a b")).toBe(
      `echo "it's" 'a b'`,
    );
    expect(substituteFeatureDir(`echo "\\"" {feature_dir}`, "a b")).toBe(
      `echo "\\"" 'a b'`,
    );
  });

  it("cmd.exe: double quotes for anything but inert characters", () => {
    expect(substituteFeatureDir("dir {feature_dir}", "a/b", "win32")).toBe(
      "dir a/b",
    );
    expect(substituteFeatureDir("dir {feature_dir}", 'a&b"', "win32")).toBe(
      'dir "a&b"""',
    );
  });
});
