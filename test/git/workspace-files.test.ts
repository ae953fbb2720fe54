import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  hashBytes,
  hashPath,
  hashPaths,
  sha256,
} from "../../src/workspace/file-hashes.js";
import {
  existingPaths,
  readPaths,
  removeFiles,
  writePaths,
} from "../../src/workspace/read-paths.js";
import { tempDir } from "../helpers/temp-dir.js";
import { writeTree } from "../helpers/write-tree.js";

describe("file hashes (D-PROT-2 primitives)", () => {
  it("hashes files, links and folders by kind; null when absent", async () => {
    const dir = tempDir();
    writeTree(dir, { "a.txt": "a\n", "d/x.txt": "x\n" });
    symlinkSync("a.txt", path.join(dir, "link"));
    expect(await hashPath(path.join(dir, "a.txt"))).toBe(
      `file:${sha256("a\n")}`,
    );
    expect(await hashPath(path.join(dir, "a.txt"))).toBe(
      hashBytes(Buffer.from("a\n")),
    );
    expect(await hashPath(path.join(dir, "link"))).toBe(
      `link:${sha256("a.txt")}`,
    );
    expect(await hashPath(path.join(dir, "d"))).toMatch(/^dir:[0-9a-f]{64}$/);
    expect(await hashPath(path.join(dir, "missing"))).toBeNull();
    expect(await hashPath(path.join(dir, "a.txt", "below-a-file"))).toBeNull();
  });

  it("a folder's hash changes when a file inside it is added or edited", async () => {
    const dir = tempDir();
    writeTree(dir, { "d/x.txt": "x\n" });
    const before = await hashPath(path.join(dir, "d"));
    writeTree(dir, { "d/x.txt": "y\n" });
    const edited = await hashPath(path.join(dir, "d"));
    writeTree(dir, { "d/sub/z.txt": "z\n" });
    const added = await hashPath(path.join(dir, "d"));
    expect(new Set([before, edited, added]).size).toBe(3);
  });

  it("hashPaths keeps the requested order and handles many files", async () => {
    const dir = tempDir();
    const names = Array.from({ length: 60 }, (_, i) => `f${i}.txt`);
    writeTree(dir, Object.fromEntries(names.map((n) => [n, n])));
    const hashes = await hashPaths(dir, [...names, "nope"]);
    expect([...hashes.keys()]).toStrictEqual([...names, "nope"]);
    expect(hashes.get("f7.txt")).toBe(`file:${sha256("f7.txt")}`);
    expect(hashes.get("nope")).toBeNull();
  });
});

describe("reading, writing and removing paths (D-GIT-9)", () => {
  it("readPaths gives bytes for files, null for absent paths, nothing for folders", async () => {
    const dir = tempDir();
    writeTree(dir, { "a.txt": "a\n", "d/x.txt": "x\n" });
    const read = await readPaths(dir, ["a.txt", "gone.txt", "d"]);
    expect(read.get("a.txt")?.toString()).toBe("a\n");
    expect(read.get("gone.txt")).toBeNull();
    expect(read.has("d")).toBe(false);
  });

  it("writePaths writes (creating folders) and deletes", async () => {
    const dir = tempDir();
    writeTree(dir, { "old.txt": "old\n" });
    await writePaths(
      dir,
      new Map([
        ["deep/new.txt", Buffer.from("new\n")],
        ["old.txt", null],
        ["never-there.txt", null],
      ]),
    );
    expect(readFileSync(path.join(dir, "deep/new.txt"), "utf8")).toBe("new\n");
    expect(existsSync(path.join(dir, "old.txt"))).toBe(false);
  });

  it("removeFiles prunes only the folders it emptied, never the base", async () => {
    const dir = tempDir();
    writeTree(dir, {
      "a/b/c/one.txt": "1",
      "a/keep.txt": "k",
      "x/two.txt": "2",
    });
    mkdirSync(path.join(dir, "empty-before"));
    const removed = await removeFiles(dir, [
      "a/b/c/one.txt",
      "x/two.txt",
      "missing.txt",
    ]);
    expect(removed.files).toStrictEqual(["a/b/c/one.txt", "x/two.txt"]);
    expect(removed.dirs.sort()).toStrictEqual(["a/b", "a/b/c", "x"]);
    expect(existsSync(path.join(dir, "a/keep.txt"))).toBe(true);
    expect(existsSync(path.join(dir, "empty-before"))).toBe(true);
    expect(existsSync(dir)).toBe(true);
  });

  it("removeFiles deletes a link, not its target", async () => {
    const dir = tempDir();
    writeTree(dir, { "target.txt": "t" });
    symlinkSync("target.txt", path.join(dir, "link"));
    await removeFiles(dir, ["link"]);
    expect(existsSync(path.join(dir, "target.txt"))).toBe(true);
  });

  it("existingPaths keeps present paths in order", async () => {
    const dir = tempDir();
    writeTree(dir, { "b.txt": "b", "a.txt": "a" });
    expect(await existingPaths(dir, ["b.txt", "nope", "a.txt"])).toStrictEqual([
      "b.txt",
      "a.txt",
    ]);
  });
});
