import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGit } from "../../src/git/git.js";
import {
  blobId,
  parseVersionPatches,
  rebuildVersion,
} from "../../src/git/patch-versions.js";
import { fileVersions } from "../../src/git/read-history.js";
import { gitRepo } from "../helpers/git-repo.js";

// Texts that stress the patch format: blank lines, CRLF, no final newline, lines that look like patch syntax.
const line = fc.constantFrom(
  "a",
  "",
  " ",
  "+plus",
  "-minus",
  "\\ back",
  "@@ -1 +1 @@",
  "é ü 🙂",
  "x\r",
  '{"k": 1}',
  "diff --git a/x b/x",
);
const content = fc
  .tuple(fc.array(line, { maxLength: 6 }), fc.boolean())
  .map(([ls, isEnded]) =>
    ls.length === 0 ? "" : `${ls.join("\n")}${isEnded ? "\n" : ""}`,
  );
const step = fc.oneof(content, fc.constant(null));

describe("fileVersions (AU-VER-1): one git log rebuilds every version", () => {
  it("equals `git show <commit>:<path>` for every commit of random histories (property, real git)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 8 }),
        async (steps) => {
          const repo = gitRepo();
          const file = path.join(repo.dir, "ev.jsonl");
          const expected: Array<string | null> = [];
          let exists = false;
          for (const [i, text] of steps.entries()) {
            if (text === null) {
              if (!exists) continue;
              rmSync(file);
              exists = false;
            } else {
              writeFileSync(file, text);
              exists = true;
            }
            repo.git("add", "-A");
            const changed = repo.git("status", "--porcelain");
            if (changed === "") continue;
            repo.git("commit", "-q", "-m", `step ${i}`);
            expected.push(text);
          }
          const git = createGit({ env: { ...process.env, ...repo.env } });
          const versions = await fileVersions(git, repo.dir, "ev.jsonl");
          expect(versions.map((v) => v.text)).toStrictEqual(expected);
          for (const v of versions)
            if (v.text !== null)
              expect(
                execFileSync("git", ["show", `${v.commit}:ev.jsonl`], {
                  cwd: repo.dir,
                  encoding: "utf8",
                }),
              ).toBe(v.text);
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});

describe("parseVersionPatches and rebuildVersion", () => {
  it("refuses a stream it does not understand, and flags a rebuilt text whose blob id differs", () => {
    expect(parseVersionPatches("\0not-a-sha\n")).toBeNull();
    const sha = "a".repeat(40);
    const [r] =
      parseVersionPatches(
        `\0${sha}\n\ndiff --git a/f b/f\nindex ${"0".repeat(40)}..${"b".repeat(40)} 100644\n--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n`,
      ) ?? [];
    if (r === undefined) throw new Error("no record");
    expect(r).toMatchObject({ commit: sha, isDeleted: false });
    expect(rebuildVersion(null, r)).toStrictEqual({
      text: "x\n",
      isVerified: false,
    });
    expect(
      rebuildVersion("a\n", { ...r, hunks: ["@@ -5 +5 @@", "+y"] }),
    ).toStrictEqual({ text: null, isVerified: false });
    expect(blobId("x\n", 40)).toBe(
      execFileSync("git", ["hash-object", "--stdin"], {
        input: "x\n",
        encoding: "utf8",
      }).trim(),
    );
  });
});
