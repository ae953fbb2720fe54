import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { writeNewFolder } from "../../src/workspace/write-new-folder.js";
import { tempDir } from "../helpers/temp-dir.js";

const cleanup = { add: () => () => undefined };
const FILES = [
  { name: "PLAN.md", text: "plan\n" },
  { name: "GATE-01.md", text: "gate\n" },
];

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    return isSpecfuseError(error) ? error.code : (error as Error).message;
  }
  return "no error";
}

describe("writeNewFolder: a feature folder is written whole or not at all (issue 14)", () => {
  it("stages every file and the first event, then renames the folder into place", async () => {
    const parent = tempDir();
    const dir = path.join(parent, "FEAT-2026-0001-x");
    await writeNewFolder(dir, FILES, {
      cleanup,
      beforeRename: (staging) => {
        expect(path.basename(staging)).toMatch(
          /^\.FEAT-2026-0001-x\.specfuse-tmp-[0-9a-f]{12}$/,
        );
      },
    });
    expect(readdirSync(parent)).toStrictEqual(["FEAT-2026-0001-x"]);
    expect(readFileSync(path.join(dir, "GATE-01.md"), "utf8")).toBe("gate\n");
  });

  it("never overwrites: an existing (even empty) folder is feature_exists, and the staging dir is gone", async () => {
    const parent = tempDir();
    const dir = path.join(parent, "taken");
    mkdirSync(dir);
    expect(await codeOf(writeNewFolder(dir, FILES, { cleanup }))).toBe(
      "feature_exists",
    );
    expect(readdirSync(parent)).toStrictEqual(["taken"]);
    expect(readdirSync(dir)).toStrictEqual([]);
  });

  it("a failure half way leaves nothing behind", async () => {
    const parent = tempDir();
    const dir = path.join(parent, "f");
    const failing = writeNewFolder(dir, FILES, {
      cleanup,
      beforeRename: () => {
        throw new Error("disk full");
      },
    });
    expect(await codeOf(failing)).toBe("disk full");
    expect(
      await codeOf(
        writeNewFolder(dir, [{ name: "../escape", text: "" }], { cleanup }),
      ),
    ).toMatch(/not a plain file name/);
    expect(readdirSync(parent)).toStrictEqual([]);
  });
});
