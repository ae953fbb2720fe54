import { describe, expect, it } from "vitest";
import { parseStatus, statusPaths } from "../../src/git/parse-status.js";

const z = (...records: string[]) => records.map((r) => `${r}\0`).join("");
const SHA = "0123456789abcdef0123456789abcdef01234567";
const H = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";

describe("parseStatus (porcelain v2 -z, D-GIT-4)", () => {
  it("reads the branch headers", () => {
    const s = parseStatus(
      z(`# branch.oid ${SHA}`, "# branch.head feat/x", "# branch.ab +0 -0"),
    );
    expect(s).toStrictEqual({
      head: SHA,
      branch: "feat/x",
      changes: [],
      untracked: [],
    });
  });

  it("maps (detached) and (initial) to null", () => {
    const s = parseStatus(
      z("# branch.oid (initial)", "# branch.head (detached)"),
    );
    expect(s.head).toBeNull();
    expect(s.branch).toBeNull();
  });

  it.each([
    [
      "a modified file",
      `1 .M N... 100644 100644 100644 ${H} ${H} src/a.ts`,
      ".M",
      "src/a.ts",
    ],
    [
      "a staged add",
      `1 A. N... 000000 100644 100644 ${"0".repeat(40)} ${H} new.ts`,
      "A.",
      "new.ts",
    ],
    [
      "a path with spaces",
      `1 .M N... 100644 100644 100644 ${H} ${H} docs/my file.md`,
      ".M",
      "docs/my file.md",
    ],
    [
      "a deletion",
      `1 .D N... 100644 100644 000000 ${H} ${H} gone.txt`,
      ".D",
      "gone.txt",
    ],
  ])("parses %s", (_name, record, xy, path) => {
    const s = parseStatus(
      z(`# branch.oid ${SHA}`, "# branch.head main", record),
    );
    expect(s.changes).toStrictEqual([
      { kind: "ordinary", xy, path, origPath: null },
    ]);
  });

  it("reads a rename and its source from the next NUL field", () => {
    const s = parseStatus(
      z(
        `2 R. N... 100644 100644 100644 ${H} ${H} R100 new name.ts`,
        "old name.ts",
        "? after.txt",
      ),
    );
    expect(s.changes).toStrictEqual([
      {
        kind: "renamed",
        xy: "R.",
        path: "new name.ts",
        origPath: "old name.ts",
      },
    ]);
    expect(s.untracked).toStrictEqual(["after.txt"]);
  });

  it("reads an unmerged entry", () => {
    const s = parseStatus(
      z(`u UU N... 100644 100644 100644 100644 ${H} ${H} ${H} both.txt`),
    );
    expect(s.changes).toStrictEqual([
      { kind: "unmerged", xy: "UU", path: "both.txt", origPath: null },
    ]);
  });

  it("lists untracked files and never ignored ones", () => {
    const s = parseStatus(z("? a b.txt", "? dir/c.txt", "! ignored.log"));
    expect(s.untracked).toStrictEqual(["a b.txt", "dir/c.txt"]);
    expect(statusPaths(s)).toStrictEqual(["a b.txt", "dir/c.txt"]);
  });

  it("statusPaths lists changes, rename sources, then untracked files", () => {
    const s = parseStatus(
      z(
        `1 .M N... 100644 100644 100644 ${H} ${H} m.ts`,
        `2 R. N... 100644 100644 100644 ${H} ${H} R90 to.ts`,
        "from.ts",
        "? u.ts",
      ),
    );
    expect(statusPaths(s)).toStrictEqual(["m.ts", "to.ts", "from.ts", "u.ts"]);
  });
});
